import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// Invitation tokens: 256 random bits, URL-safe, shown once; only the lowercase SHA-256 hex
/// is stored; resend replaces it; acceptance is single use and refuses expired or revoked
/// tokens.
@Suite struct InvitationTokenTests {
    let world: TeamWorld

    init() async throws {
        world = try await TeamWorld()
    }

    static let invalid = DomainError.invalid(
        field: "token", reason: SettingsStore.invalidInvitationReason)
    static let expired = DomainError.invalid(
        field: "token", reason: SettingsStore.expiredInvitationReason)

    func accept(_ token: String, name: String = "New Person", password: String = "s3cret-pass")
        async throws(DomainError) -> AcceptedInvitation
    {
        try await SettingsStore.acceptInvitation(
            client: world.app, token: Secret(token), fullName: name, password: Secret(password))
    }

    /// Rows of team_members, users and audit_logs whose text contains `needle`.
    func occurrences(of needle: String) async throws -> Int {
        try await world.int(
            """
            SELECT (SELECT count(*) FROM team_members t WHERE strpos(t::text, $1) > 0)
                 + (SELECT count(*) FROM users u WHERE strpos(u::text, $1) > 0)
                 + (SELECT count(*) FROM audit_logs a WHERE strpos(a::text, $1) > 0)
            """, [needle])
    }

    @Test func hashIsLowercaseHexSHA256OfTheTokenText() {
        #expect(
            InvitationToken.hash("abc")
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            InvitationToken.hash(DemoTeam.pendingToken)
                == "2e26a7a36ebade47ce05d71a7bb79e9af814d62815af0e685877384c87d4b605")
    }

    /// `team accept -Xy…` would read the token as an option: one in 64 tokens used to start
    /// with `-` (a CI run drew one). 5,000 tokens hold ~78 such starts without the rule.
    @Test func noGeneratedTokenStartsWithADash() {
        let dashed = (0..<5_000).filter { _ in
            InvitationToken.generate().value.revealed.hasPrefix("-")
        }
        #expect(dashed.isEmpty)
    }

    @Test func generatedTokensAre43URLSafeCharactersAndNeverRepeat() {
        let tokens = (0..<200).map { _ in InvitationToken.generate().value.revealed }
        let urlSafe = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        #expect(tokens.allSatisfy { $0.count == 43 && $0.allSatisfy(urlSafe.contains) })
        #expect(Set(tokens).count == tokens.count)
        // 256 random bits use all 64 symbols; a weak generator (hex, digits) would not.
        #expect(Set(tokens.joined()).count == 64)
    }

    @Test func inviteReturnsTheTokenOnceAndStoresOnlyItsHash() async throws {
        let owner = try await world.store(.owner)
        let receipt = try await owner.invite(email: "Grace@Example.com", role: .admin)
        #expect(receipt.token.value.revealed.count == 43)
        #expect(receipt.email == "grace@example.com")
        #expect(receipt.link().hasSuffix("token=" + receipt.token.value.revealed))
        #expect(receipt.expiresAt.timeIntervalSinceNow > 7 * 24 * 3600 - 120)
        let stored = try await world.row(receipt.memberID).string("invitation_token")
        #expect(stored == receipt.token.storedHash)
        #expect(stored == InvitationToken.hash(receipt.token.value.revealed))
        // pgcrypto agrees, so any other service can check a token the same way.
        #expect(
            try await world.scalar(
                "SELECT encode(digest($1::text, 'sha256'), 'hex')", [receipt.token.value.revealed])
                == stored
        )
        #expect(try await occurrences(of: receipt.token.value.revealed) == 0)
        // The listing a member sees carries no token either.
        let listed = try await owner.member(receipt.memberID)
        #expect(
            !"\(listed)".contains(receipt.token.value.revealed) && !"\(listed)".contains(stored))
    }

    @Test func acceptingCreatesTheUserAndAnActiveMembershipThatCanLogIn() async throws {
        let owner = try await world.store(.owner)
        let receipt = try await owner.invite(email: "ada@example.com", role: .admin)
        let accepted = try await accept(
            receipt.token.value.revealed, name: "Ada Lovelace", password: "analytical-engine")
        #expect(accepted.memberID == receipt.memberID)
        #expect(accepted.workspaceID == DemoTeam.workspaceID)
        let row = try await world.row(receipt.memberID)
        #expect(try row.string("status") == "active")
        #expect(try row.string("role") == "admin")
        #expect(try row.string("user_id") == accepted.userID.description)
        #expect(try row.optionalString("invitation_token") == nil)
        #expect(
            try await world.scalar(
                "SELECT full_name FROM users WHERE id = $1", [accepted.userID.rawValue])
                == "Ada Lovelace")

        let session = try await Authenticator(client: world.app)
            .login(email: "ada@example.com", password: "analytical-engine")
        #expect(session.role == .admin)
        #expect(session.memberID == receipt.memberID)
        #expect(session.workspaceID == DemoTeam.workspaceID)
        #expect(
            try await world.int(
                "SELECT count(*) FROM audit_logs WHERE action = 'team.accept' AND resource_id = $1",
                [receipt.memberID.rawValue]) == 1)
    }

    @Test func anExistingUserJoinsWithTheirOwnPasswordKeepingNameAndPassword() async throws {
        _ = try await SecondWorkspace.create(in: world)
        let email = SecondWorkspace.email(.viewer)
        let receipt = try await world.store(.owner).invite(email: email, role: .member)
        let accepted = try await accept(
            receipt.token.value.revealed, name: "Someone Else", password: DemoTeam.password)
        #expect(accepted.userID == (try await world.userID(email)))
        #expect(
            try await world.scalar("SELECT full_name FROM users WHERE email = $1", [email])
                == "Globex Viewer")
        let session = try await Authenticator(client: world.app)
            .login(email: email, password: Secret(DemoTeam.password), workspace: "acme")
        #expect(session.role == .member)
    }

    @Test func theSeededInvitationAcceptsWithTheSeedsToken() async throws {
        let accepted = try await accept(DemoTeam.pendingToken, name: "Pending Person")
        #expect(accepted.memberID == DemoTeam.pendingMember)
        #expect(try await world.state(DemoTeam.pendingMember) == "member|active|false")
    }

    @Test func aTokenWorksOnce() async throws {
        let receipt = try await world.store(.admin).invite(email: "once@example.com", role: .viewer)
        _ = try await accept(receipt.token.value.revealed)
        let snapshot = try await world.teamSnapshot()
        #expect(
            await domainError { () async throws(DomainError) in
                try await accept(receipt.token.value.revealed)
            } == Self.invalid)
        #expect(try await world.teamSnapshot() == snapshot)
    }

    @Test func resendReplacesTheHashAndTheOldTokenStopsWorking() async throws {
        let admin = try await world.store(.admin)
        let first = try await admin.invite(email: "resend@example.com", role: .member)
        let second = try await admin.resendInvitation(first.memberID)
        #expect(second.memberID == first.memberID)
        #expect(second.token != first.token)
        let stored = try await world.row(first.memberID).string("invitation_token")
        #expect(stored == second.token.storedHash)
        #expect(
            try await world.int(
                "SELECT count(*) FROM team_members WHERE invitation_token = $1",
                [first.token.storedHash]) == 0)

        #expect(
            await domainError { () async throws(DomainError) in
                try await accept(first.token.value.revealed)
            } == Self.invalid)
        #expect(try await world.state(first.memberID) == "member|pending|false")
        _ = try await accept(second.token.value.revealed)
        #expect(try await world.state(first.memberID) == "member|active|false")
    }

    @Test func anExpiredTokenIsRefusedAndStaysPending() async throws {
        let receipt = try await world.store(.owner).invite(email: "late@example.com", role: .viewer)
        try await world.admin.query(
            "UPDATE team_members SET invitation_expires_at = now() - interval '1 second' WHERE id = $1",
            [receipt.memberID.rawValue])
        let snapshot = try await world.teamSnapshot()
        #expect(
            await domainError { () async throws(DomainError) in
                try await accept(receipt.token.value.revealed)
            } == Self.expired)
        #expect(try await world.teamSnapshot() == snapshot)
        #expect(
            try await world.int("SELECT count(*) FROM users WHERE email = 'late@example.com'") == 0)
    }

    @Test func aRevokedTokenIsRefused() async throws {
        let owner = try await world.store(.owner)
        let receipt = try await owner.invite(email: "revoked@example.com", role: .viewer)
        try await owner.revokeInvitation(receipt.memberID)
        #expect(
            await domainError { () async throws(DomainError) in
                try await accept(receipt.token.value.revealed)
            } == Self.invalid)
        #expect(
            try await world.int("SELECT count(*) FROM users WHERE email = 'revoked@example.com'")
                == 0)
    }

    @Test func anExpiredAndSweptInvitationIsRefusedToo() async throws {
        let receipt = try await world.store(.owner).invite(
            email: "swept@example.com", role: .viewer)
        try await world.admin.query(
            "UPDATE team_members SET invitation_expires_at = now() - interval '1 day' WHERE id = $1",
            [receipt.memberID.rawValue])
        #expect(try await world.store(.admin).expireInvitations() == 1)
        #expect(
            await domainError { () async throws(DomainError) in
                try await accept(receipt.token.value.revealed)
            } == Self.invalid)
    }

    @Test(arguments: [
        "", "   ", "not a token", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ",
        "abc'; DROP TABLE team_members;--", String(repeating: "a", count: 129), "tok\u{0}en",
        "t\u{1B}[2J",
    ])
    func malformedTokensAreInvalidAndChangeNothing(token: String) async throws {
        let snapshot = try await world.teamSnapshot()
        #expect(
            await domainError { () async throws(DomainError) in try await accept(token) }
                == Self.invalid)
        #expect(try await world.teamSnapshot() == snapshot)
    }

    @Test func passwordAndNameAreCheckedBeforeAnythingIsCreated() async throws {
        let receipt = try await world.store(.owner).invite(email: "weak@example.com", role: .viewer)
        let snapshot = try await world.teamSnapshot()
        let short = await domainError { () async throws(DomainError) in
            try await accept(receipt.token.value.revealed, password: "short")
        }
        #expect(short?.invalidField == "password")
        let nul = await domainError { () async throws(DomainError) in
            try await accept(receipt.token.value.revealed, password: "longenough\u{0}x")
        }
        #expect(nul?.invalidField == "password")
        let long = await domainError { () async throws(DomainError) in
            try await accept(receipt.token.value.revealed, name: String(repeating: "n", count: 257))
        }
        #expect(long?.invalidField == "name")
        let control = await domainError { () async throws(DomainError) in
            try await accept(receipt.token.value.revealed, name: "Eve\u{1B}[31m")
        }
        #expect(control?.invalidField == "name")
        #expect(try await world.teamSnapshot() == snapshot)
        // The token still works after the refusals.
        _ = try await accept(receipt.token.value.revealed)
    }

    @Test func noTokenOrHashEverReachesTheAuditLog() async throws {
        let owner = try await world.store(.owner)
        let first = try await owner.invite(email: "trail@example.com", role: .member)
        let second = try await owner.resendInvitation(first.memberID)
        _ = try await accept(second.token.value.revealed)
        let other = try await owner.invite(email: "trail2@example.com", role: .member)
        try await owner.revokeInvitation(other.memberID)
        let seeded = try await owner.resendInvitation(DemoTeam.pendingMember)
        for secret in [first.token, second.token, other.token, seeded.token] {
            let audits = try await world.int(
                "SELECT count(*) FROM audit_logs a WHERE strpos(a::text, $1) > 0 OR strpos(a::text, $2) > 0",
                [secret.value.revealed, secret.storedHash])
            #expect(audits == 0)
        }
        #expect(
            try await world.int(
                "SELECT count(*) FROM audit_logs a WHERE strpos(a::text, $1) > 0",
                [InvitationToken.hash(DemoTeam.pendingToken)]) == 0)
        #expect(try await world.teamAuditCount() >= 6)
    }
}
