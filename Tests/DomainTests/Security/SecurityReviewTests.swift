import Foundation
import Postgres
import TestSupport
import Testing

@testable import Domain

/// The attacks of the adversarial review (issue 8), each reproduced through the store as an
/// attacker would drive it; `sql/check.sh` repeats them as raw `console_app` SQL.
@Suite("Security review: attacks stay closed")
final class SecurityReviewTests {
    let world: TeamWorld
    let directory: String

    init() async throws {
        world = try await TeamWorld()
        directory = try SSHKeygen.temporaryDirectory()
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func key(_ name: String) throws -> GeneratedSSHKey {
        try SSHKeygen.generate("ed25519", comment: "\(name)@laptop", in: directory, name: name)
    }

    func keySession(_ key: GeneratedSSHKey, workspace: String? = nil) async throws(DomainError)
        -> Session
    {
        try await Authenticator(client: world.app).session(
            sshFingerprint: key.keygenFingerprint, workspace: workspace)
    }

    /// An SSH-key-only user (no password) who owns another workspace.
    func keyOnlyOwner() async throws -> (user: UserID, key: GeneratedSSHKey) {
        let row = try await world.admin.query(
            """
            WITH ws AS (INSERT INTO workspaces (name, slug) VALUES ('Initech', 'initech') RETURNING id),
                 u AS (INSERT INTO users (email, password_hash, full_name)
                       VALUES ('keyonly@initech.example', NULL, 'Key Only') RETURNING id)
            INSERT INTO team_members (workspace_id, user_id, role, status)
            SELECT ws.id, u.id, 'owner', 'active' FROM ws, u RETURNING user_id
            """
        ).first
        let user = UserID(try #require(try row?.uuid("user_id")))
        let ownKey = try key("keyonly")
        try await world.admin.query(
            """
            INSERT INTO user_ssh_keys (user_id, key_type, public_key, fingerprint, created_by)
            VALUES ($1, 'ssh-ed25519', $2, $3, $1)
            """,
            [
                user.rawValue, String(ownKey.publicLine.split(separator: " ")[1]),
                ownKey.keygenFingerprint,
            ])
        return (user, ownKey)
    }

    // MARK: Account takeover through an invitation

    @Test func anInviterCannotTakeOverAnExistingAccountByAcceptingForIt() async throws {
        let victim = try await keyOnlyOwner()
        let receipt = try await world.store(.admin).invite(
            email: "keyonly@initech.example", role: .member)

        // The admin holds the token and tries to accept, choosing a password.
        let takeover = await domainError { () async throws(DomainError) in
            _ = try await SettingsStore.acceptInvitation(
                client: world.app, token: receipt.token.value, fullName: "Mallory",
                password: "mallory-password")
        }
        #expect(takeover == .invalidCredentials)
        // Logged in as themselves, the admin is told only that account can accept.
        let adminStore = try await world.store(.admin)
        let asAdmin = await domainError { () async throws(DomainError) in
            _ = try await adminStore.acceptInvitation(token: receipt.token.value)
        }
        #expect(asAdmin?.forbiddenReason?.contains("only that account can accept it") == true)
        #expect(
            try await world.scalar(
                "SELECT password_hash IS NULL FROM users WHERE id = $1", [victim.user.rawValue])
                == "t")
        #expect(try await world.state(receipt.memberID)?.hasSuffix("pending|false") == true)
        let login = await domainError { () async throws(DomainError) in
            _ = try await Authenticator(client: world.app).login(
                email: "keyonly@initech.example", password: "mallory-password")
        }
        #expect(login == .invalidCredentials)

        // The invitee, logged in with their own key, accepts; still no password is set.
        let session = try await keySession(victim.key)
        let accepted = try await SettingsStore(client: world.app, session: session)
            .acceptInvitation(token: receipt.token.value)
        #expect(accepted.userID == victim.user)
        #expect(accepted.workspaceID == DemoTeam.workspaceID)
        #expect(
            try await world.scalar(
                "SELECT password_hash IS NULL FROM users WHERE id = $1", [victim.user.rawValue])
                == "t")
    }

    @Test func anExistingAccountsWrongPasswordNeitherAcceptsNorChangesIt() async throws {
        _ = try await SecondWorkspace.create(in: world)
        let email = SecondWorkspace.email(.viewer)
        let before = try await world.scalar(
            "SELECT password_hash FROM users WHERE email = $1", [email])
        let receipt = try await world.store(.owner).invite(email: email, role: .member)
        let refused = await domainError { () async throws(DomainError) in
            _ = try await SettingsStore.acceptInvitation(
                client: world.app, token: receipt.token.value, fullName: "Someone Else",
                password: "another-password")
        }
        #expect(refused == .invalidCredentials)
        #expect(
            try await world.scalar("SELECT password_hash FROM users WHERE email = $1", [email])
                == before)
        #expect(try await world.state(receipt.memberID)?.hasSuffix("pending|false") == true)
    }

    @Test func aNewAccountsNameWithControlCharactersIsRefusedByTheDatabaseToo() async throws {
        let receipt = try await world.store(.admin).invite(
            email: "eve@example.com", role: .viewer)
        // Straight to the database function, past the Swift check.
        let error = await #expect(throws: PostgresError.self) {
            try await self.world.app.query(
                "SELECT * FROM console_accept_invitation($1, $2, $3)",
                [receipt.token.storedHash, "Eve\u{1B}]52;c;aGk=\u{07}", "eve-password"])
        }
        #expect(error?.serverMessage.hasPrefix("invalid_name:") == true)
        let swift = await domainError { () async throws(DomainError) in
            _ = try await SettingsStore.acceptInvitation(
                client: world.app, token: receipt.token.value, fullName: "Eve\u{202E}exe.txt",
                password: "eve-password")
        }
        #expect(swift == .invalid(field: "name", reason: "must not contain control characters"))
    }

    // MARK: A borrowed SSH key gains power

    @Test func aKeyAnAdminAddedStopsWorkingWhenItsUserIsPromotedPastTheAdmin() async throws {
        let borrowed = try key("admins-own")
        let admin = try await world.store(.admin)
        try await admin.addSSHKey(email: "member@example.com", line: borrowed.publicLine)
        let listed = try await admin.sshKeys(of: "member@example.com")
        #expect(listed.map(\.createdByEmail) == ["admin@example.com"])

        let session = try await keySession(borrowed)
        #expect(session.role == .member)
        let open = SettingsStore(client: world.app, session: session)
        #expect(try await open.memberCounts().active > 0)

        let owner = try await world.store(.owner)
        try await owner.changeRole(DemoTeam.memberMember, to: .owner)

        // At the next login...
        let refused = await domainError { () async throws(DomainError) in
            _ = try await keySession(borrowed)
        }
        guard case .keyNotVouched(let reason) = refused else {
            Issue.record("expected keyNotVouched, got \(String(describing: refused))")
            return
        }
        #expect(reason.contains("added by admin@example.com"))
        #expect(reason.contains("add your own key or ask an owner"))
        #expect(refused?.exitCode == 9)
        // ...and in the session already open, at its next use.
        let midSession = await domainError { () async throws(DomainError) in
            try await open.changeRole(DemoTeam.adminMember, to: .viewer)
        }
        #expect(midSession?.forbiddenReason?.contains("added by admin@example.com") == true)
        #expect(try await world.state(DemoTeam.adminMember)?.hasPrefix("admin|") == true)
        // The login refusal is audited.
        #expect(
            try await world.scalar(
                """
                SELECT changes ->> 'reason' FROM audit_logs
                WHERE changes ->> 'fingerprint' = $1 ORDER BY created_at DESC, id LIMIT 1
                """, [borrowed.keygenFingerprint]) == "key_not_vouched")
    }

    @Test func aKeyOnlyOpensWorkspacesWhereItsAdderHasAuthority() async throws {
        _ = try await SecondWorkspace.create(in: world)
        let memberID = try await world.userID("member@example.com")
        let borrowed = try key("acme-admins")
        try await world.store(.admin).addSSHKey(
            email: "member@example.com", line: borrowed.publicLine)
        // Later, Globex makes the demo member an admin (the key check at adding time is past).
        try await world.admin.query(
            """
            INSERT INTO team_members (workspace_id, user_id, role, status, accepted_at)
            VALUES ($1, $2, 'admin', 'active', now())
            """, [SecondWorkspace.id.rawValue, memberID.rawValue])

        let acme = try await keySession(borrowed, workspace: "acme")
        #expect(acme.role == .member)
        let globex = await domainError { () async throws(DomainError) in
            _ = try await keySession(borrowed, workspace: SecondWorkspace.slug)
        }
        #expect(
            globex
                == .keyNotVouched(
                    reason:
                        "this SSH key was added by admin@example.com, who is not an active member "
                        + "of this workspace; add your own key or ask an owner"))
        let switchable = try await Authenticator(client: world.app).workspaces(for: acme)
        #expect(switchable.map(\.workspaceID) == [DemoTeam.workspaceID])

        // The member's own key is not limited.
        let own = try key("members-own")
        try await world.admin.query(
            """
            INSERT INTO user_ssh_keys (user_id, key_type, public_key, fingerprint, created_by)
            VALUES ($1, 'ssh-ed25519', $2, $3, $1)
            """,
            [
                memberID.rawValue, String(own.publicLine.split(separator: " ")[1]),
                own.keygenFingerprint,
            ])
        #expect(try await keySession(own, workspace: SecondWorkspace.slug).role == .admin)
    }

    // MARK: Row-level security holes

    @Test func aRemovedMembersCurrentNameIsNeitherSortedNorFound() async throws {
        let owner = try await world.store(.owner)
        try await owner.remove(DemoTeam.memberMember)
        try await world.admin.query(
            "UPDATE users SET full_name = 'Renamed Afterwards' WHERE email = 'member@example.com'")
        let found = try await owner.members(MemberQuery(search: "Renamed"))
        #expect(found.members.isEmpty)
        #expect(
            try await world.int(
                "SELECT count(*) FROM team_member_sort_keys WHERE member_id = $1",
                [DemoTeam.memberMember.rawValue]) == 0)
    }

    @Test func anIntegrationURLCannotCarryASecretPastTheStore() async throws {
        let admin = try await world.store(.admin)
        let error = await domainError { () async throws(DomainError) in
            _ = try await admin.addIntegration(
                IntegrationDraft(
                    type: .webhook, name: "Leaky",
                    config: .object(["url": .string("https://ops:hunter2@hooks.example.com/in")])
                ))
        }
        #expect(error == .invalid(field: "url", reason: IntegrationValidation.urlSecretReason))
        #expect(
            try await world.int(
                "SELECT count(*) FROM integrations_config WHERE config_data::text LIKE '%hunter2%'")
                == 0)
    }
}
