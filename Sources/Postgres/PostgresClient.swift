import Logging

/// Owns one `PostgresConnection` and serialises its use, so callers on any task can query it.
///
/// libpq calls block, so they run here rather than on the caller's thread: the console's key
/// loop sends work to this actor and keeps drawing while it waits. A broken connection is
/// re-opened on the next call; a statement whose connection broke is never silently retried.
public actor PostgresClient {
    private let conninfo: String
    private let overrides: [(String, String)]
    private var connection: PostgresConnection?
    private let logger: Logger

    /// `logger` also receives the server's notices, so they never reach the terminal.
    public init(
        conninfo: String, overrides: [(String, String)] = [],
        logger: Logger = Logger(label: "settings-console.postgres")
    ) {
        self.conninfo = conninfo
        self.overrides = overrides
        self.logger = logger
    }

    /// Opens the connection now, so a bad conninfo is reported at start-up.
    public func connect() throws(PostgresError) {
        _ = try openConnection()
    }

    /// Runs one statement with bound parameters.
    @discardableResult
    public func query(_ statement: SQL, _ parameters: [any PostgresEncodable] = [])
        throws(PostgresError) -> PostgresResult
    {
        let connection = try openConnection()
        do {
            return try connection.query(statement, parameters)
        } catch {
            noteFailure(error)
            throw error
        }
    }

    /// Runs `body` in one transaction on this actor; it commits when `body` returns and rolls
    /// back when it throws.
    public func transaction<T: Sendable>(
        _ body: @Sendable (PostgresConnection) throws -> T
    ) throws -> T {
        let connection = try openConnection()
        do {
            return try connection.transaction(body)
        } catch let error as PostgresError {
            noteFailure(error)
            throw error
        }
    }

    /// Runs a multi-statement script outside any explicit transaction.
    public func execute(script: SQL) throws(PostgresError) {
        let connection = try openConnection()
        do {
            try connection.execute(script: script)
        } catch {
            noteFailure(error)
            throw error
        }
    }

    /// A new connection with this client's parameters, owned by the caller: for work that
    /// must not share the serialised connection (waiting for notifications).
    public nonisolated func dedicatedConnection() throws(PostgresError) -> PostgresConnection {
        try PostgresConnection(conninfo: conninfo, overrides: overrides)
    }

    public func close() {
        connection?.close()
        connection = nil
    }

    private func openConnection() throws(PostgresError) -> PostgresConnection {
        if let connection, connection.isOpen { return connection }
        if let connection {
            logger.warning("reconnecting to PostgreSQL")
            do {
                try connection.reset()
                return connection
            } catch {
                self.connection = nil
                throw error
            }
        }
        let fresh = try PostgresConnection(
            conninfo: conninfo, overrides: overrides, noticeLogger: logger)
        connection = fresh
        return fresh
    }

    private func noteFailure(_ error: PostgresError) {
        if error.isConnectionProblem {
            logger.warning("PostgreSQL connection problem: \(error.serverMessage)")
        }
    }
}
