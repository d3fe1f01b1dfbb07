import Foundation

/// A team_members row id. Distinct types keep a member id from being passed as a user id.
public struct MemberID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: UUID
    public init(_ rawValue: UUID) { self.rawValue = rawValue }
    public var description: String { rawValue.uuidString.lowercased() }
}

public struct UserID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: UUID
    public init(_ rawValue: UUID) { self.rawValue = rawValue }
    public var description: String { rawValue.uuidString.lowercased() }
}

public struct WorkspaceID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: UUID
    public init(_ rawValue: UUID) { self.rawValue = rawValue }
    public var description: String { rawValue.uuidString.lowercased() }
}

public struct IntegrationID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: UUID
    public init(_ rawValue: UUID) { self.rawValue = rawValue }
    public var description: String { rawValue.uuidString.lowercased() }
}

/// The `updated_at` text of a row as the server printed it, compared verbatim on write.
///
/// Kept as text, not `Date`, because a round trip through `Double` can lose the microseconds
/// PostgreSQL compares, and a false conflict is as bad as a missed one.
public struct RowVersion: Hashable, Sendable, Codable {
    public let text: String
    public init(_ text: String) { self.text = text }
}
