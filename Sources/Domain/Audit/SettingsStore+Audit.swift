import Foundation
import Postgres

extension SettingsStore {
    /// The audit log, newest first, `limit` rows at a time, for owners and admins.
    ///
    /// Paged by keyset on `(created_at, id)` rather than OFFSET, so rows written while
    /// someone pages never shift or repeat entries, and deep pages cost what the first does.
    public func auditLog(limit: Int = 50, before cursor: AuditCursor? = nil)
        async throws(DomainError) -> AuditPage
    {
        guard (1...1000).contains(limit) else {
            throw DomainError(.pageLimitOutOfRange)
        }
        return try await transaction { tx in
            try tx.policy().can(.viewAuditLog).enforce()
            let rows = try tx.query(
                """
                SELECT a.id, a.created_at, a.created_at::text AS cursor_time, a.action,
                       a.resource_type, a.resource_id, COALESCE(a.changes, '{}'::jsonb)::text AS changes,
                       u.email AS actor_email, u.full_name AS actor_name
                FROM audit_logs a
                LEFT JOIN users u ON u.id = a.user_id
                WHERE a.workspace_id = $1
                  AND ($2::timestamptz IS NULL OR (a.created_at, a.id) < ($2::timestamptz, $3::uuid))
                ORDER BY a.created_at DESC, a.id DESC
                LIMIT $4
                """,
                [tx.session.workspaceID.rawValue, cursor?.createdAt, cursor?.id, limit + 1]
            ).rows
            let entries = try rows.prefix(limit).map(AuditRows.decode)
            let next =
                rows.count > limit
                ? entries.last.map { AuditCursor(createdAt: $0.cursorTime, id: $0.id) } : nil
            return AuditPage(entries: entries, next: next)
        }
    }
}

/// Decoding of audit rows. `changes` is read leniently: this console writes
/// `{before, after, method}`, but rows from other writers (seed 002's `old_role`/`new_role`
/// shape) still show, as `after`.
enum AuditRows {
    static func decode(_ row: PostgresRow) throws -> AuditEntry {
        let changes =
            (try? JSONValue.parse(try row.string("changes"), field: "changes")) ?? .emptyObject
        let before: JSONValue
        let after: JSONValue
        if changes["before"] != nil || changes["after"] != nil {
            before = changes["before"] ?? .emptyObject
            after = changes["after"] ?? .emptyObject
        } else {
            var other = changes.objectValue ?? [:]
            other["method"] = nil
            before = .emptyObject
            after = .object(other)
        }
        return AuditEntry(
            id: try row.uuid("id"), createdAt: try row.date("created_at"),
            actorEmail: try row.optionalString("actor_email"),
            actorName: try row.optionalString("actor_name"),
            action: try row.string("action"), resourceType: try row.string("resource_type"),
            resourceID: try row.optionalUUID("resource_id"),
            before: SecretRedaction.redact(before), after: SecretRedaction.redact(after),
            method: changes["method"]?.stringValue, cursorTime: try row.string("cursor_time"))
    }
}
