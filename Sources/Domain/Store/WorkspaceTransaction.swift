import Foundation
import Postgres

/// A transaction acting as one user in one workspace; handed to store operations.
struct WorkspaceTransaction {
    let connection: PostgresConnection
    let session: Session

    @discardableResult
    func query(_ sql: SQL, _ parameters: [any PostgresEncodable] = []) throws -> PostgresResult {
        try connection.query(sql, parameters)
    }

    /// The actor's role as the database sees it now; roles can change mid-session.
    func currentRole() throws -> Role {
        let row = try connection.query("SELECT console_current_role() AS role").first
        guard let raw = try row?.optionalString("role"), let role = Role(rawValue: raw) else {
            let refusal = try connection.query("SELECT console_session_refusal() AS reason")
                .first?.optionalString("reason")
            if let refusal { throw DomainError.forbidden(reason: refusal) }
            throw DomainError(.noLongerMember)
        }
        return role
    }

    /// The policy for the actor's current role.
    func policy() throws -> Policy {
        Policy(actorRole: try currentRole(), actorMemberID: session.memberID)
    }

    /// Serialises membership changes of this workspace for the rest of the transaction, so
    /// invariant checks (last owner, seat limit) see every concurrent change. Taken before the
    /// policy reads the actor's role, so a change queued behind the actor's own demotion is
    /// judged by the new role (and refused with the policy's reason).
    func lockWorkspace() throws {
        try connection.query("SELECT console_lock_workspace($1)", [session.workspaceID.rawValue])
    }

    /// Appends an audit row in this same transaction: the change and its record commit together.
    func audit(
        _ action: String, resourceType: String, resourceID: UUID?,
        before: [String: String]? = nil, after: [String: String]? = nil
    ) throws {
        let changes = AuditChanges(before: before, after: after, method: session.authMethod)
        let json = String(decoding: try JSONEncoder.sorted.encode(changes), as: UTF8.self)
        try connection.query(
            """
            INSERT INTO audit_logs (workspace_id, user_id, action, resource_type, resource_id, changes)
            VALUES ($1, $2, $3, $4, $5, $6::jsonb)
            """,
            [
                session.workspaceID.rawValue, session.userID.rawValue, action, resourceType,
                resourceID, json,
            ])
    }
}

struct AuditChanges: Encodable {
    let before: [String: String]?
    let after: [String: String]?
    let method: String
}

extension JSONEncoder {
    /// Stable key order, so audit rows and JSON output are diffable.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
