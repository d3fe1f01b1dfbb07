import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// Input a person or a script can get wrong, or craft: each gets a clear `.invalid(field:...)`
/// (or `.notFound`) and leaves every row as it was.
@Suite struct BadInputTests {
    static let malformedEmails: [String] = [
        "", "   ", "plainaddress", "@example.com", "name@", "two@@example.com", "a@b@example.com",
        "with space@example.com", "name@exa mple.com", "name@example.com.", "name@example",
        ".name@example.com", "name.@example.com", "na..me@example.com", "name@-example.com",
        "name@example-.com", "name@example..com", "name@exam_ple.com",
        String(repeating: "a", count: 65) + "@example.com",
        "a@" + String(repeating: "b", count: 64) + ".com",
        String(repeating: "a", count: 60) + "@"
            + Array(repeating: String(repeating: "d", count: 60), count: 4).joined(separator: ".")
            + ".com",
        "name\u{0}@example.com", "name@example.com\u{0}", "na\u{7}me@example.com",
        "name@exam\u{1B}ple.com",
        "name@example.com\nBcc: x@evil.com", "name\t@example.com",
        "admin@exаmple.com",  // Cyrillic а
        "аdmin@example.com",  // Cyrillic а
        "admin@example.cοm",  // Greek ο
        "\u{212A}ate@example.com",  // Kelvin sign, lower-cases to ASCII k
        "ädmin@example.com", "admin@bücher.de", "admin@exa\u{200B}mple.com",
        "x'); DROP TABLE team_members;--@a.com", "\"quoted\"@example.com", "name@[127.0.0.1]",
        "name(comment)@example.com", "<name@example.com>", "name@example.com, other@example.com",
    ]

    @Test(arguments: malformedEmails)
    func malformedEmailsAreInvalid(text: String) {
        #expect(throws: DomainError.self) { try EmailAddress(text) }
        do {
            _ = try EmailAddress(text)
        } catch {
            #expect(error.invalidField == "email")
            #expect(
                !error.userMessage.unicodeScalars.contains {
                    $0.properties.generalCategory == .control
                })
        }
    }

    @Test func validEmailsAreTrimmedAndLowerCased() throws {
        #expect(
            try EmailAddress("  Ada.Lovelace+Work@Example.COM ").value
                == "ada.lovelace+work@example.com")
        #expect(try EmailAddress("o'brien@example.co.uk").value == "o'brien@example.co.uk")
        #expect(try EmailAddress("a@b.co").value == "a@b.co")
        let longest =
            String(repeating: "a", count: 64) + "@"
            + Array(repeating: String(repeating: "d", count: 61), count: 3).joined(separator: ".")
            + ".com"
        #expect(longest.utf8.count == 254)
        #expect(try EmailAddress(longest).value == longest)
        #expect(throws: DomainError.self) { try EmailAddress(longest + "m") }
    }

    @Test func rolesAndStatusesParseTrimmedAndCaseInsensitively() throws {
        #expect(try Role.parse("Owner ") == .owner)
        #expect(try Role.parse("\tADMIN") == .admin)
        #expect(try MemberStatus.parse(" Pending ") == .pending)
        for text in [
            "superuser", "", " ", "owners", "root", "owner\u{0}", "adm in", "ädmin",
            "'; DROP TABLE users;--", "billing_admin", "developer",
        ] {
            #expect(throws: DomainError.self) { try Role.parse(text) }
            do { _ = try Role.parse(text) } catch { #expect(error.invalidField == "role") }
        }
        for text in ["deleted", "removed", "", "active!"] {
            do { _ = try MemberStatus.parse(text) } catch {
                #expect(error.invalidField == "status")
            }
        }
    }

    @Test func echoedInputIsShortAndFreeOfControlCharacters() {
        let hostile = "\u{1B}[2J\u{1B}]0;pwned\u{7}" + String(repeating: "x", count: 500)
        do {
            _ = try Role.parse(hostile)
            Issue.record("parsed a hostile role")
        } catch {
            let message = error.userMessage
            #expect(!message.unicodeScalars.contains { $0.properties.generalCategory == .control })
            #expect(message.count < 160)
        }
    }

    @Test func theStoreRefusesBadEmailsAndChangesNothing() async throws {
        let world = try await TeamWorld()
        let owner = try await world.store(.owner)
        let before = try await world.teamSnapshot()
        for text in Self.malformedEmails {
            let error = await domainError { () async throws(DomainError) in
                _ = try await owner.invite(email: text, role: .viewer)
            }
            #expect(
                error?.invalidField == "email",
                "\(text.debugDescription): \(String(describing: error))")
            let lookup = await domainError { () async throws(DomainError) in
                _ = try await owner.member(email: text)
            }
            #expect(lookup?.invalidField == "email")
        }
        #expect(try await world.teamSnapshot() == before)
    }

    @Test func quotesAndDashesAreStoredVerbatimNeverRun() async throws {
        let world = try await TeamWorld()
        let owner = try await world.store(.owner)
        for text in [
            "o'brien@example.com", "robert'--@example.com", "x'or'1'='1@example.com",
            "a%_\\x@example.com".replacingOccurrences(of: "\\", with: ""),
        ] {
            let receipt = try await owner.invite(email: text, role: .viewer)
            #expect(try await world.row(receipt.memberID).string("invitation_email") == text)
            #expect(try await owner.member(email: text).id == receipt.memberID)
        }
        #expect(try await world.int("SELECT count(*) FROM team_members") == 10)
        #expect(
            try await world.scalar("SELECT to_regclass('public.team_members')::text")
                == "team_members")
    }

    @Test func searchAndPagingInputIsChecked() async throws {
        let world = try await TeamWorld()
        let viewer = try await world.store(.viewer)
        let cases: [(MemberQuery, String)] = [
            (MemberQuery(search: String(repeating: "a", count: 201)), "search"),
            (MemberQuery(search: "demo\u{0}zzz"), "search"),
            (MemberQuery(search: "\u{1B}[2J"), "search"),
            (MemberQuery(limit: 0), "limit"),
            (MemberQuery(limit: -5), "limit"),
            (MemberQuery(limit: 1001), "limit"),
        ]
        for (query, field) in cases {
            let error = await domainError { () async throws(DomainError) in
                _ = try await viewer.members(query)
            }
            #expect(
                error?.invalidField == field,
                "\(query.search.prefix(10).debugDescription) limit \(query.limit)")
        }
        #expect(
            try await viewer.members(MemberQuery(search: String(repeating: "a", count: 200)))
                .members.isEmpty)
        // LIKE wildcards and quotes are searched for literally.
        for literal in ["%", "_", "\\", "'", "%'; DROP TABLE team_members;--", "*"] {
            #expect(
                try await viewer.members(MemberQuery(search: literal)).members.isEmpty, "\(literal)"
            )
        }
        #expect(try await viewer.members(MemberQuery(search: "  EXAMPLE.com ")).members.count == 6)
    }

    @Test func unknownMemberIDsAreNotFoundAndChangeNothing() async throws {
        let world = try await TeamWorld()
        let owner = try await world.store(.owner)
        let before = try await world.teamSnapshot()
        let ghost = MemberID(UUID())
        for operation in MemberOperation.allCases {
            let error = await domainError { () async throws(DomainError) in
                try await operation.perform(on: ghost, by: owner)
            }
            #expect(error?.isNotFound == true, "\(operation)")
        }
        #expect(try await world.teamSnapshot() == before)
        // A removed member is gone for good, not a second target.
        try await owner.remove(DemoTeam.viewerMember)
        #expect(
            await domainError { () async throws(DomainError) in
                try await owner.remove(DemoTeam.viewerMember)
            }?.isNotFound == true)
        #expect(
            await domainError { () async throws(DomainError) in
                try await owner.reactivate(DemoTeam.viewerMember)
            }?.isNotFound == true)
    }

    @Test func duplicatesAreConflictsNotSecondRows() async throws {
        let world = try await TeamWorld()
        let owner = try await world.store(.owner)
        let before = try await world.teamSnapshot()
        for text in [
            "ADMIN@example.com", " viewer@example.com", DemoTeam.pendingEmail, DemoTeam.formerEmail,
        ] {
            let error = await domainError { () async throws(DomainError) in
                _ = try await owner.invite(email: text, role: .member)
            }
            #expect(error?.isConflict == true, "\(text): \(String(describing: error))")
        }
        #expect(try await world.teamSnapshot() == before)
    }
}

/// Every operation that takes a member id, for sweeping an id through all of them.
enum MemberOperation: CaseIterable {
    case read, changeRole, deactivate, reactivate, remove, resend, revoke

    func perform(on id: MemberID, by store: SettingsStore) async throws(DomainError) {
        switch self {
        case .read: _ = try await store.member(id)
        case .changeRole: try await store.changeRole(id, to: .admin)
        case .deactivate: try await store.deactivate(id)
        case .reactivate: try await store.reactivate(id)
        case .remove: try await store.remove(id)
        case .resend: _ = try await store.resendInvitation(id)
        case .revoke: try await store.revokeInvitation(id)
        }
    }
}
