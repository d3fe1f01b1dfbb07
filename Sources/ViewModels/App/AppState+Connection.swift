import Domain
import Foundation

/// The database as the user experiences it: answering, slow to answer, or gone and being
/// reconnected to; and what the console does when it answers again.
extension AppState {
    /// How long the oldest request may wait before the status line says the database is not
    /// answering: longer than any ordinary query, so the notice never flashes.
    public static let notAnsweringAfter: TimeInterval = 3

    /// "database not answering (12 s)" once the oldest request in flight has waited
    /// `notAnsweringAfter`, counting whole seconds; nil otherwise. A frozen server enforces no
    /// timeout, so this is the only sign of one.
    public func databaseNotice(now: Date) -> String? {
        guard let since = requestsWaitingSince else { return nil }
        let waited = now.timeIntervalSince(since)
        guard waited >= Self.notAnsweringAfter else { return nil }
        return "database not answering (\(Int(waited)) s)"
    }

    /// A read answered: the connection is fine. Coming back from "reconnecting…" it reloads
    /// what is on screen, so a search typed or a change made during the outage is run, or
    /// read back, without a key press.
    mutating func connectionAnswered() -> [Effect] {
        guard connection == .reconnecting else { return [] }
        connection = .connected
        return refreshEffects()
    }

    /// A write failed. Its error stays until dismissed; when the database was the cause, the
    /// console checks at once whether it answers, and `connectionAnswered` then reads the view
    /// again: a change whose commit went unconfirmed may be saved, so the user sees the row
    /// as the database has it, and the change is never sent again by itself.
    mutating func failWrite(_ error: DomainError, now: Date) -> [Effect] {
        let effects = fail(error, now: now, sticky: true)
        guard case .unavailable = error else { return effects }
        return effects + reconnectProbe()
    }
}
