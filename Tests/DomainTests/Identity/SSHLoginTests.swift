import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// Logging in by key fingerprint: a registered key of an active member opens a session as
/// that member; anything else is refused as an unknown key, audited, and never falls back.
@Suite("SSH key login")
final class SSHLoginTests {
    let world: TeamWorld
    let directory: String

    init() async throws {
        world = try await TeamWorld()
        directory = try SSHKeygen.temporaryDirectory()
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func register(_ email: String, name: String) async throws -> GeneratedSSHKey {
        let key = try SSHKeygen.generate("ed25519", comment: name, in: directory, name: name)
        try await world.store(.owner).addSSHKey(email: email, line: key.publicLine)
        return key
    }

    func authRows() async throws -> [PostgresRow] {
        try await world.admin.query(
            """
            SELECT action, user_id::text AS actor, changes ->> 'method' AS method,
                   changes ->> 'reason' AS reason, changes ->> 'fingerprint' AS fingerprint,
                   host(ip_address) AS ip
            FROM audit_logs WHERE action LIKE 'auth.%' ORDER BY created_at, id
            """
        ).rows
    }

    @Test func aRegisteredKeyLogsInAsItsUser() async throws {
        let key = try await register("viewer@example.com", name: "viewer")
        let session = try await Authenticator(client: world.database.appClient())
            .session(sshFingerprint: key.keygenFingerprint, clientAddress: "192.0.2.7")
        #expect(session.email == "viewer@example.com")
        #expect(session.role == .viewer)
        #expect(session.authMethod == "ssh-key")
        #expect(session.workspaceName == "Acme Corp")
        let rows = try await authRows()
        #expect(rows.count == 1)
        #expect(try rows.first?.string("action") == "auth.login")
        #expect(try rows.first?.optionalString("method") == "ssh-key")
        #expect(try rows.first?.optionalString("fingerprint") == key.keygenFingerprint)
        #expect(try rows.first?.optionalString("ip") == "192.0.2.7")
        #expect(
            try await world.scalar(
                "SELECT (last_used_at > now() - interval '1 minute')::text FROM user_ssh_keys WHERE fingerprint = $1",
                [key.keygenFingerprint]) == "true")
    }

    @Test func anUnknownKeyIsRefusedAndAudited() async throws {
        let stranger = try SSHKeygen.generate("ed25519", in: directory, name: "stranger")
        let error = await domainError { () async throws(DomainError) in
            try await Authenticator(client: world.database.appClient())
                .session(sshFingerprint: stranger.keygenFingerprint)
        }
        #expect(error == .unknownKey(fingerprint: stranger.keygenFingerprint))
        #expect(error?.userMessage.contains("is not registered with any active member") == true)
        #expect(error?.exitCode == 9)
        let rows = try await authRows()
        #expect(rows.count == 1)
        #expect(try rows.first?.string("action") == "auth.failed")
        #expect(try rows.first?.optionalString("method") == "ssh-key")
        #expect(try rows.first?.optionalString("reason") == "unknown_key")
        #expect(try rows.first?.optionalString("actor") == nil)
    }

    @Test func aKeyOfAMemberWhoIsNoLongerActiveIsRefused() async throws {
        let key = try await register("member@example.com", name: "member")
        try await world.admin.query(
            "UPDATE team_members SET status = 'inactive' WHERE id = $1",
            [DemoTeam.memberMember.rawValue])
        let error = await domainError { () async throws(DomainError) in
            try await Authenticator(client: world.database.appClient()).session(
                sshFingerprint: key.keygenFingerprint)
        }
        #expect(error == .unknownKey(fingerprint: key.keygenFingerprint))
        let last = try await authRows().last
        #expect(try last?.string("action") == "auth.failed")
        #expect(try last?.optionalString("reason") == "no_active_membership")
    }

    @Test func aWorkspaceCanBeChosenAmongTheUsersOwn() async throws {
        let key = try await register("admin@example.com", name: "admin")
        let authenticator = Authenticator(client: world.database.appClient())
        #expect(
            try await authenticator.session(
                sshFingerprint: key.keygenFingerprint, workspace: "acme"
            ).role == .admin)
        let elsewhere = await domainError { () async throws(DomainError) in
            try await authenticator.session(
                sshFingerprint: key.keygenFingerprint, workspace: "globex")
        }
        #expect(elsewhere?.isNotFound == true)
    }

    @Test func aMalformedFingerprintNeverReachesTheDatabase() async throws {
        let error = await domainError { () async throws(DomainError) in
            try await Authenticator(client: world.database.appClient()).session(
                sshFingerprint: "SHA256:' OR 1=1 --")
        }
        #expect(error?.invalidField == "fingerprint")
        #expect(try await authRows().isEmpty)
    }
}
