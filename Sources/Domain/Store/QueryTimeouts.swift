import Foundation

/// How long PostgreSQL lets one console statement run and one lock wait, set in every
/// transaction with the identity (transaction-local, so it also holds behind PgBouncer).
///
/// A statement stuck behind another session's lock, or a query gone slow, then fails with a
/// clear message and rolls back, instead of holding the console's only connection. Set with
/// `SC_STATEMENT_TIMEOUT` and `SC_LOCK_TIMEOUT` in PostgreSQL's units (`15s`, `500ms`, `1min`;
/// `0` turns a limit off); a value that is not one is ignored for the default.
public struct QueryTimeouts: Sendable, Equatable {
    public let statement: String
    public let lock: String

    public static let standard = QueryTimeouts(statement: "30s", lock: "15s")

    /// The process's limits, read once from its environment.
    public static let current = QueryTimeouts(environment: ProcessInfo.processInfo.environment)

    public init(statement: String, lock: String) {
        self.statement = statement
        self.lock = lock
    }

    public init(environment: [String: String]) {
        self.init(
            statement: Self.valid(environment["SC_STATEMENT_TIMEOUT"]) ?? Self.standard.statement,
            lock: Self.valid(environment["SC_LOCK_TIMEOUT"]) ?? Self.standard.lock)
    }

    /// A whole number with an optional unit PostgreSQL accepts for a time setting.
    static func valid(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty,
            text.wholeMatch(of: /[0-9]{1,9}(ms|s|min|h)?/) != nil
        else { return nil }
        return text
    }
}
