import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// Registering and removing users' SSH keys: owners and admins only, never onto an account
/// the actor could not manage (here or in another workspace), audited with the fingerprint
/// and nothing more of the key.
@Suite("SSH keys in the store")
final class SSHKeyStoreTests {
    let world: TeamWorld
    let directory: String

    init() async throws {
        world = try await TeamWorld()
        directory = try SSHKeygen.temporaryDirectory()
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func key(_ name: String, _ type: String = "ed25519") throws -> GeneratedSSHKey {
        try SSHKeygen.generate(type, comment: "\(name)@laptop", in: directory, name: name)
    }

    @Test func anAdminRegistersAMembersKeyAndSeesItListed() async throws {
        let admin = try await world.store(.admin)
        let viewerKey = try key("viewer")
        let added = try await admin.addSSHKey(
            email: "Viewer@Example.com", line: viewerKey.publicLine)
        #expect(added.email == "viewer@example.com")
        #expect(added.fingerprint == viewerKey.keygenFingerprint)
        #expect(added.keyType == "ssh-ed25519")
        #expect(added.shortType == "ED25519")
        #expect(added.comment == "viewer@laptop")
        #expect(added.memberRole == .viewer)
        #expect(added.createdByEmail == "admin@example.com")
        #expect(added.lastUsedAt == nil)

        let mine = try key("admin", "ecdsa")
        try await admin.addSSHKey(email: "admin@example.com", line: mine.publicLine)
        let all = try await admin.sshKeys()
        #expect(all.map(\.email) == ["admin@example.com", "viewer@example.com"])
        #expect(
            try await admin.sshKeys(of: "viewer@example.com").map(\.fingerprint) == [
                viewerKey.keygenFingerprint
            ])
        #expect(try await admin.sshKeys(of: "member@example.com").isEmpty)
        // The stored blob is the one ssh-keygen wrote.
        let stored = try await world.scalar(
            "SELECT public_key FROM user_ssh_keys WHERE fingerprint = $1",
            [viewerKey.keygenFingerprint])
        #expect(stored == String(viewerKey.publicLine.split(separator: " ")[1]))
    }

    @Test func addAndRemoveAreAuditedWithTheFingerprintOnly() async throws {
        let owner = try await world.store(.owner)
        let memberKey = try key("member")
        let added = try await owner.addSSHKey(
            email: "member@example.com", line: memberKey.publicLine)
        let removed = try await owner.removeSSHKey(fingerprint: memberKey.keygenFingerprint)
        #expect(removed.id == added.id)
        #expect(try await owner.sshKeys().isEmpty)
        let rows = try await world.admin.query(
            """
            SELECT action, user_id::text AS actor, resource_type, resource_id::text AS resource,
                   changes::text AS changes
            FROM audit_logs WHERE action LIKE 'keys.%' ORDER BY created_at, id
            """
        ).rows
        #expect(try rows.map { try $0.string("action") } == ["keys.add", "keys.remove"])
        let base64 = String(memberKey.publicLine.split(separator: " ")[1])
        for row in rows {
            let changes = try row.string("changes")
            #expect(changes.contains(memberKey.keygenFingerprint))
            #expect(changes.contains("member@example.com"))
            #expect(
                !changes.contains(base64.prefix(24)), "key material in the audit log: \(changes)")
            #expect(!changes.contains("member@laptop"), "the comment is not audited: \(changes)")
            #expect(try row.string("actor") == owner.session.userID.description)
            #expect(try row.string("resource_type") == "user_ssh_key")
            #expect(try row.string("resource") == added.id.uuidString.lowercased())
        }
    }

    @Test(arguments: [Role.member, .viewer])
    func membersAndViewersCanNeitherSeeNorChangeKeys(role: Role) async throws {
        let owner = try await world.store(.owner)
        let ownerKey = try key("owner")
        try await owner.addSSHKey(email: "demo@example.com", line: ownerKey.publicLine)
        let store = try await world.store(role)
        let reason = "Only admins and owners can see and manage SSH keys"
        #expect(
            await domainError { () async throws(DomainError) in try await store.sshKeys() }?
                .forbiddenReason == reason)
        let own = try key("own-\(role.rawValue)")
        #expect(
            await domainError { () async throws(DomainError) in
                try await store.addSSHKey(email: DemoTeam.email(role), line: own.publicLine)
            }?.forbiddenReason == reason)
        #expect(
            await domainError { () async throws(DomainError) in
                try await store.removeSSHKey(fingerprint: ownerKey.keygenFingerprint)
            }?.forbiddenReason == reason)
        #expect(try await world.int("SELECT count(*) FROM user_ssh_keys") == 1)
    }

    /// A key logs in as its user: an admin who could put a key on an owner's account could
    /// become that owner.
    @Test func adminsCannotTouchOwnersOrOtherAdminsKeys() async throws {
        try await world.admin.query(
            "UPDATE team_members SET role = 'admin' WHERE id = $1", [DemoTeam.memberMember.rawValue]
        )
        let admin = try await world.store(.admin)
        let planted = try key("planted")
        let ownerReason = await domainError { () async throws(DomainError) in
            try await admin.addSSHKey(email: "demo@example.com", line: planted.publicLine)
        }?.forbiddenReason
        #expect(ownerReason == "Only owners can manage an owner's SSH keys")
        let peerReason = await domainError { () async throws(DomainError) in
            try await admin.addSSHKey(email: "member@example.com", line: planted.publicLine)
        }?.forbiddenReason
        #expect(peerReason == "Only owners can manage another admin's SSH keys")
        #expect(try await world.int("SELECT count(*) FROM user_ssh_keys") == 0)

        let owner = try await world.store(.owner)
        let ownersOwn = try key("owner")
        try await owner.addSSHKey(email: "demo@example.com", line: ownersOwn.publicLine)
        #expect(
            await domainError { () async throws(DomainError) in
                try await admin.removeSSHKey(fingerprint: ownersOwn.keygenFingerprint)
            }?.forbiddenReason == "Only owners can manage an owner's SSH keys")
        // Owners manage admins' keys.
        try await owner.addSSHKey(email: "admin@example.com", line: planted.publicLine)
        try await owner.removeSSHKey(fingerprint: planted.keygenFingerprint)
    }

    /// Keys belong to users, and users to several workspaces: an admin of Acme must not get
    /// a way into Globex by registering a key for someone who is also Globex's owner.
    @Test func aKeyCannotReachIntoAWorkspaceTheActorDoesNotManage() async throws {
        _ = try await SecondWorkspace.create(in: world)
        let globexOwner = try await world.userID(SecondWorkspace.email(.owner))
        try await world.admin.query(
            """
            INSERT INTO team_members (workspace_id, user_id, role, status, accepted_at)
            VALUES ($1, $2, 'viewer', 'active', now())
            """, [DemoTeam.workspaceID.rawValue, globexOwner.rawValue])
        let planted = try key("planted")
        let acmeOwner = try await world.store(.owner)
        let reason = await domainError { () async throws(DomainError) in
            try await acmeOwner.addSSHKey(
                email: SecondWorkspace.email(.owner), line: planted.publicLine)
        }?.forbiddenReason
        #expect(
            reason?.contains("also belongs to another workspace") == true,
            "\(String(describing: reason))")
        #expect(try await world.int("SELECT count(*) FROM user_ssh_keys") == 0)
        // Someone who is owner in both may.
        try await world.admin.query(
            """
            INSERT INTO team_members (workspace_id, user_id, role, status, accepted_at)
            VALUES ($1, $2, 'owner', 'active', now())
            """, [SecondWorkspace.id.rawValue, acmeOwner.session.userID.rawValue])
        try await acmeOwner.addSSHKey(
            email: SecondWorkspace.email(.owner), line: planted.publicLine)
    }

    @Test func refusalsNameTheProblem() async throws {
        let admin = try await world.store(.admin)
        let first = try key("first")
        try await admin.addSSHKey(email: "viewer@example.com", line: first.publicLine)
        let again = await domainError { () async throws(DomainError) in
            try await admin.addSSHKey(email: "member@example.com", line: first.publicLine)
        }
        #expect(again == .conflict(reason: "this key is already registered to viewer@example.com"))
        let second = try key("second")
        #expect(
            await domainError { () async throws(DomainError) in
                try await admin.addSSHKey(email: DemoTeam.pendingEmail, line: second.publicLine)
            }?.invalidField == "email")
        #expect(
            await domainError { () async throws(DomainError) in
                try await admin.addSSHKey(email: "nobody@example.com", line: second.publicLine)
            }?.isNotFound == true)
        #expect(
            await domainError { () async throws(DomainError) in
                try await admin.addSSHKey(email: "viewer@example.com", line: "ssh-ed25519 AAAA")
            }?.invalidField == "key")
        #expect(
            await domainError { () async throws(DomainError) in
                try await admin.removeSSHKey(fingerprint: second.keygenFingerprint)
            }?.isNotFound == true)
        #expect(
            await domainError { () async throws(DomainError) in
                try await admin.removeSSHKey(fingerprint: "not-a-fingerprint")
            }?.invalidField == "fingerprint")
    }

    /// A key registered to someone outside the workspace is invisible here, and the
    /// refusal to register it again does not say whose it is.
    @Test func aKeyOfAnotherWorkspaceStaysInvisible() async throws {
        let globex = try await SecondWorkspace.create(in: world)
        _ = globex
        let outsider = try key("outsider")
        let globexOwner = try await world.store(email: SecondWorkspace.email(.owner))
        try await globexOwner.addSSHKey(
            email: SecondWorkspace.email(.viewer), line: outsider.publicLine)
        let acmeAdmin = try await world.store(.admin)
        #expect(try await acmeAdmin.sshKeys().isEmpty)
        let refusal = await domainError { () async throws(DomainError) in
            try await acmeAdmin.addSSHKey(email: "viewer@example.com", line: outsider.publicLine)
        }
        #expect(refusal == .conflict(reason: "this key is already registered to another user"))
        #expect(
            await domainError { () async throws(DomainError) in
                try await acmeAdmin.removeSSHKey(fingerprint: outsider.keygenFingerprint)
            }?.isNotFound == true)
    }
}
