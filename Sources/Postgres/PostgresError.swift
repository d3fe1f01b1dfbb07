/// A failure from libpq or the server, typed so callers can branch on the SQLSTATE class.
///
/// `description` is deliberately generic (the SQLSTATE and kind only): server messages can echo
/// parameter values, so they are kept in `serverMessage` for logs and never shown to users as is.
public struct PostgresError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong at the level a caller can act on.
    public enum Kind: Sendable, Equatable {
        /// The connection could not be opened (bad conninfo, server down, authentication).
        case connectionFailed
        /// An open connection broke; the statement may or may not have run.
        case connectionLost
        /// The connection broke after `COMMIT` was sent and before its answer came: the
        /// transaction may or may not have been committed. Read the data again to find out;
        /// never send the transaction again blindly.
        case commitUnconfirmed
        /// The server refused the statement; see `sqlState`.
        case server
        /// libpq returned something this wrapper does not expect.
        case unexpectedResult
    }

    public let kind: Kind
    /// The five-character SQLSTATE code (`23505`, `40001`, ...) when the server sent one.
    public let sqlState: String?
    /// The server's or libpq's own words, with any password from the conninfo redacted.
    public let serverMessage: String
    public let detail: String?
    public let constraint: String?

    public init(
        kind: Kind, sqlState: String? = nil, serverMessage: String, detail: String? = nil,
        constraint: String? = nil
    ) {
        self.kind = kind
        self.sqlState = sqlState
        self.serverMessage = serverMessage
        self.detail = detail
        self.constraint = constraint
    }

    public var description: String {
        switch kind {
        case .connectionFailed: return "PostgreSQL connection failed"
        case .connectionLost: return "PostgreSQL connection lost"
        case .commitUnconfirmed: return "PostgreSQL connection lost before COMMIT was confirmed"
        case .server: return "PostgreSQL error \(sqlState ?? "?????")"
        case .unexpectedResult: return "PostgreSQL returned an unexpected result"
        }
    }

    /// True for `23505` unique violations.
    public var isUniqueViolation: Bool { sqlState == "23505" }
    /// True when the connection itself is unusable.
    public var isConnectionProblem: Bool {
        switch kind {
        case .connectionFailed, .connectionLost, .commitUnconfirmed: return true
        case .server, .unexpectedResult: return false
        }
    }
}
