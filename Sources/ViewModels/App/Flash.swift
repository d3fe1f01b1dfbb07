import Foundation

/// A transient message in the status area.
public struct Flash: Sendable, Equatable {
    public enum Level: Sendable, Equatable { case info, warning, error }

    public let level: Level
    public let text: String
    /// When it disappears by itself; nil keeps it until dismissed.
    public let expiresAt: Date?

    public init(level: Level, text: String, expiresAt: Date?) {
        self.level = level
        self.text = text
        self.expiresAt = expiresAt
    }

    /// Info and warnings fade after a few seconds; errors that need action stay until Esc.
    public static func make(_ level: Level, _ text: String, now: Date, sticky: Bool = false)
        -> Flash
    {
        let lifetime: TimeInterval = level == .error ? 8 : 4
        return Flash(
            level: level, text: text, expiresAt: sticky ? nil : now.addingTimeInterval(lifetime))
    }
}

/// The database connection as the status line shows it.
public enum ConnectionState: Sendable, Equatable {
    case connected
    case reconnecting
}
