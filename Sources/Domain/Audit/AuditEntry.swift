import Foundation
import Postgres

/// One audit log row as the Audit view lists it.
public struct AuditEntry: Sendable, Equatable, Identifiable {
    public let id: UUID
    public let createdAt: Date
    /// The acting user's email; `nil` when that user no longer exists.
    public let actorEmail: String?
    public let actorName: String?
    /// `category.operation`, e.g. `team.invite`, `billing.change_plan`.
    public let action: String
    public let resourceType: String
    public let resourceID: UUID?
    /// The `before` and `after` objects of `changes` (empty objects when absent).
    public let before: JSONValue
    public let after: JSONValue
    /// How the actor logged in (`password`, `ssh-key`, `demo`), when recorded.
    public let method: String?
    /// `created_at` as the server printed it: the exact keyset position of this row.
    let cursorTime: String

    public init(
        id: UUID, createdAt: Date, actorEmail: String?, actorName: String?, action: String,
        resourceType: String, resourceID: UUID?, before: JSONValue, after: JSONValue,
        method: String?, cursorTime: String
    ) {
        self.id = id
        self.createdAt = createdAt
        self.actorEmail = actorEmail
        self.actorName = actorName
        self.action = action
        self.resourceType = resourceType
        self.resourceID = resourceID
        self.before = before
        self.after = after
        self.method = method
        self.cursorTime = cursorTime
    }

    /// Who did it, for a list column: the email, or "deleted user".
    public var actor: String { actorEmail ?? "deleted user" }

    /// "role: member → admin, email: ann@example.com": what changed, in one line.
    ///
    /// Fields present on both sides with different values read `old → new`; fields only
    /// after read `key: value`; fields only before read `key: value → (none)`. Keys sorted.
    public var summary: String {
        let old = before.objectValue ?? [:]
        let new = after.objectValue ?? [:]
        var parts: [String] = []
        for key in Set(old.keys).union(new.keys).sorted() {
            switch (old[key], new[key]) {
            case (let was?, let now?):
                parts.append(
                    was == now
                        ? "\(key): \(Self.text(now))"
                        : "\(key): \(Self.text(was)) → \(Self.text(now))")
            case (nil, let now?):
                parts.append("\(key): \(Self.text(now))")
            case (let was?, nil):
                parts.append("\(key): \(Self.text(was)) → (none)")
            case (nil, nil):
                break
            }
        }
        return parts.joined(separator: ", ")
    }

    static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return Sanitized.short(text, limit: 60)
        case .null, .bool, .number, .array, .object:
            return Sanitized.short(value.jsonText, limit: 60)
        }
    }
}

/// Where a page of the audit log ends: the `(created_at, id)` of its last row.
public struct AuditCursor: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// `created_at` exactly as the server printed it, so no precision is lost in between.
    let createdAt: String
    let id: UUID

    init(createdAt: String, id: UUID) {
        self.createdAt = createdAt
        self.id = id
    }

    /// The cursor as one opaque word, for `audit list --before TOKEN` in scripts.
    public var token: String {
        Data("\(createdAt)|\(id.uuidString.lowercased())".utf8).base64EncodedString()
    }

    /// Reads a `token`; anything else is an `invalid` error naming the field.
    public init(token: String) throws(DomainError) {
        let invalid = DomainError(.auditCursor)
        guard let data = Data(base64Encoded: token.trimmingCharacters(in: .whitespaces)),
            let text = String(data: data, encoding: .utf8)
        else { throw invalid }
        let parts = text.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 2, PostgresTimestamp.parse(String(parts[0])) != nil,
            let id = UUID(uuidString: String(parts[1]))
        else { throw invalid }
        self.init(createdAt: String(parts[0]), id: id)
    }

    public var description: String { token }
}

/// One page of the audit log, newest first.
public struct AuditPage: Sendable, Equatable {
    public let entries: [AuditEntry]
    /// Pass as `before:` for the next (older) page; nil on the last page.
    public let next: AuditCursor?

    public init(entries: [AuditEntry], next: AuditCursor?) {
        self.entries = entries
        self.next = next
    }
}
