import Foundation
import Postgres

extension SettingsStore {
    /// Registered SSH keys of the workspace's live members, or of one member; owners and
    /// admins only. At most 1,000 (a member has a handful; a workspace rarely more).
    public func sshKeys(of email: String? = nil) async throws(DomainError) -> [SSHKeyRecord] {
        let address = try email.map { (text) throws(DomainError) in try EmailAddress(text) }
        return try await transaction { tx in
            try tx.policy().viewSSHKeys().enforce()
            let userID = try address.map { try tx.keyOwner(email: $0).userID.rawValue }
            return try tx.query(
                SSHKeyRows.select + """

                     WHERE ($2::uuid IS NULL OR k.user_id = $2)
                     ORDER BY u.email, k.created_at, k.id
                     LIMIT 1000
                    """, [tx.session.workspaceID.rawValue, userID]
            ).rows.map(SSHKeyRows.decode)
        }
    }

    /// Registers `line` (`ssh-ed25519 AAAA... comment`) as a key of the member with `email`.
    @discardableResult
    public func addSSHKey(email: String, line: String) async throws(DomainError) -> SSHKeyRecord {
        let key: SSHPublicKey
        do {
            key = try SSHPublicKey(parsing: line)
        } catch {
            throw error.domainError
        }
        return try await addSSHKey(email: email, key: key)
    }

    /// Registers `key` for the member with `email`; audited as `keys.add` with the
    /// fingerprint only (no key material, no comment).
    @discardableResult
    public func addSSHKey(email: String, key: SSHPublicKey) async throws(DomainError)
        -> SSHKeyRecord
    {
        let address = try EmailAddress(email)
        return try await transaction { tx in
            let policy = try tx.policy()
            try policy.viewSSHKeys().enforce()
            let owner = try tx.keyOwner(email: address)
            let isSelf = owner.userID == tx.session.userID
            try policy.manageSSHKeys(ofRole: owner.role, isSelf: isSelf).enforce()
            try tx.requireKeyAuthorityElsewhere(over: owner, isSelf: isSelf)
            if let existing = try tx.query(
                SSHKeyRows.select + "\n WHERE k.fingerprint = $2",
                [tx.session.workspaceID.rawValue, key.fingerprint]
            ).first {
                let holder = try existing.string("email")
                throw DomainError(.keyRegisteredTo(email: holder))
            }
            let inserted: PostgresRow?
            do {
                inserted = try tx.query(
                    """
                    INSERT INTO user_ssh_keys (user_id, key_type, public_key, fingerprint, comment, created_by)
                    VALUES ($1, $2, $3, $4, $5, $6)
                    RETURNING id
                    """,
                    [
                        owner.userID.rawValue, key.type.rawValue, key.base64, key.fingerprint,
                        key.comment,
                        tx.session.userID.rawValue,
                    ]
                ).first
            } catch let error as PostgresError where error.sqlState == "23505" {
                // Registered to a user this workspace cannot see: say so without naming them.
                throw DomainError(.keyRegisteredToSomeoneElse)
            }
            guard let id = try inserted?.uuid("id") else {
                throw DomainError(.keyNotStored)
            }
            try tx.audit(
                "keys.add", resourceType: "user_ssh_key", resourceID: id,
                after: [
                    "user": owner.email, "fingerprint": key.fingerprint, "type": key.type.rawValue,
                ])
            guard
                let row = try tx.query(
                    SSHKeyRows.select + "\n WHERE k.id = $2", [tx.session.workspaceID.rawValue, id]
                ).first
            else { throw DomainError.notFound(what: "the new key") }
            return try SSHKeyRows.decode(row)
        }
    }

    /// Removes the key with `fingerprint`; audited as `keys.remove`. Returns what was removed.
    @discardableResult
    public func removeSSHKey(fingerprint text: String) async throws(DomainError) -> SSHKeyRecord {
        let fingerprint = try SSHFingerprint.validated(text)
        return try await transaction { tx in
            let policy = try tx.policy()
            try policy.viewSSHKeys().enforce()
            guard
                let row = try tx.query(
                    SSHKeyRows.select + "\n WHERE k.fingerprint = $2",
                    [tx.session.workspaceID.rawValue, fingerprint]
                ).first
            else {
                throw DomainError.notFound(
                    what: "no SSH key \(fingerprint) among this workspace's members")
            }
            let key = try SSHKeyRows.decode(row)
            let owner = KeyOwner(userID: key.userID, email: key.email, role: key.memberRole)
            let isSelf = key.userID == tx.session.userID
            try policy.manageSSHKeys(ofRole: key.memberRole, isSelf: isSelf).enforce()
            try tx.requireKeyAuthorityElsewhere(over: owner, isSelf: isSelf)
            let deleted = try tx.query("DELETE FROM user_ssh_keys WHERE id = $1", [key.id])
            guard deleted.affectedRows == 1 else {
                throw DomainError.notFound(what: "that SSH key was removed meanwhile")
            }
            try tx.audit(
                "keys.remove", resourceType: "user_ssh_key", resourceID: key.id,
                before: ["user": key.email, "fingerprint": key.fingerprint, "type": key.keyType])
            return key
        }
    }
}

/// The member a key belongs to, as the policy needs it.
struct KeyOwner {
    let userID: UserID
    let email: String
    let role: Role
}

extension WorkspaceTransaction {
    /// The live member with `email` who has a user account (invitations have none yet).
    func keyOwner(email: EmailAddress) throws -> KeyOwner {
        let row = try query(
            """
            SELECT tm.user_id, u.email, tm.role, tm.status
            FROM team_members tm JOIN users u ON u.id = tm.user_id
            WHERE tm.workspace_id = $1 AND tm.deleted_at IS NULL AND u.email = $2
            """, [session.workspaceID.rawValue, email.value]
        ).first
        guard let row else {
            let pending = try query(
                """
                SELECT 1 FROM team_members
                WHERE workspace_id = $1 AND deleted_at IS NULL AND status = 'pending'
                  AND lower(invitation_email) = $2
                """, [session.workspaceID.rawValue, email.value]
            ).first
            if pending != nil {
                throw DomainError(.invitationNotYetAccepted(email: email.value))
            }
            throw DomainError.notFound(what: "no member \(email) in this workspace")
        }
        guard let role = Role(rawValue: try row.string("role")) else {
            throw DomainError(.storedRoleUnknown)
        }
        return KeyOwner(
            userID: UserID(try row.uuid("user_id")), email: try row.string("email"), role: role)
    }

    /// A key opens *every* workspace of its user, so managing it here must not reach into a
    /// workspace where the actor could not manage that member: the actor needs the same
    /// authority in each of the owner's other workspaces. Your own keys only ever log in you.
    /// The database answers yes or no without listing the other workspaces (a session may
    /// only ever list its own user's).
    func requireKeyAuthorityElsewhere(over owner: KeyOwner, isSelf: Bool) throws {
        guard !isSelf else { return }
        let allowed = try query(
            "SELECT console_key_authority_elsewhere($1) AS allowed", [owner.userID.rawValue]
        ).first?.bool("allowed")
        guard allowed == true else {
            throw DomainError(.keyOwnerElsewhere(email: owner.email))
        }
    }
}
