import Logging

/// Owns one `PostgresConnection` and serialises its use, so callers on any task can query it.
///
/// Every use of the connection runs on a thread of the client's own (`ConnectionWorker`), never
/// on Swift's cooperative pool: a caller awaiting a slow statement holds no pool thread, and
/// the console's key loop keeps drawing. Cancelling the awaiting task cancels the statement on
/// the server (`PQcancel`), or drops it unsent if it has not started; `transaction` then throws
/// `CancellationError`, `query` and `execute` a `PostgresError` whose `isCancellation` is true.
/// A broken connection is re-opened on the next call; a statement whose connection broke is
/// never silently retried.
public actor PostgresClient {
    private let conninfo: String
    private let overrides: [(String, String)]
    private let worker: ConnectionWorker

    /// `logger` also receives the server's notices, so they never reach the terminal.
    public init(
        conninfo: String, overrides: [(String, String)] = [],
        logger: Logger = Logger(label: "settings-console.postgres")
    ) {
        self.conninfo = conninfo
        self.overrides = overrides
        worker = ConnectionWorker(logger: logger) { () throws(PostgresError) in
            try PostgresConnection(conninfo: conninfo, overrides: overrides, noticeLogger: logger)
        }
    }

    deinit { worker.shutdown() }

    /// Opens the connection now, so a bad conninfo is reported at start-up.
    public func connect() async throws(PostgresError) {
        try await typed { _ in () }
    }

    /// Runs one statement with bound parameters.
    @discardableResult
    public func query(_ statement: SQL, _ parameters: [any PostgresEncodable] = [])
        async throws(PostgresError) -> PostgresResult
    {
        try await typed { (connection) throws(PostgresError) in
            try connection.query(statement, parameters)
        }
    }

    /// Runs `body` in one transaction on the client's thread; it commits when `body` returns
    /// and rolls back when it throws.
    public func transaction<T: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) throws -> T
    ) async throws -> T {
        try await worker.run { connection in try connection.transaction(body) }
    }

    /// `transaction`, with `BEGIN` and `opening` (such as the identity) sent in one round trip.
    public func transaction<T: Sendable>(
        opening statement: SQL, _ parameters: [any PostgresEncodable],
        _ body: @escaping @Sendable (PostgresConnection) throws -> T
    ) async throws -> T {
        try await worker.run { connection in
            try connection.transaction(opening: statement, parameters, body)
        }
    }

    /// One read in a transaction of its own: `BEGIN`, `opening`, `statement` and `COMMIT` in
    /// one round trip; returns `statement`'s rows.
    public func readTransaction(
        opening: SQL, _ openingParameters: [any PostgresEncodable], statement: SQL,
        _ parameters: [any PostgresEncodable]
    ) async throws(PostgresError) -> PostgresResult {
        try await typed { (connection) throws(PostgresError) in
            try connection.readTransaction(
                opening: opening, openingParameters, statement: statement, parameters)
        }
    }

    /// Runs a multi-statement script outside any explicit transaction.
    public func execute(script: SQL) async throws(PostgresError) {
        try await typed { (connection) throws(PostgresError) in
            try connection.execute(script: script)
        }
    }

    /// A new connection with this client's parameters, owned by the caller: for work that
    /// must not share the serialised connection (waiting for notifications).
    public nonisolated func dedicatedConnection() throws(PostgresError) -> PostgresConnection {
        try PostgresConnection(conninfo: conninfo, overrides: overrides)
    }

    /// Closes the connection once queued work is done; the next call opens a new one.
    public func close() async {
        await worker.closeConnection()
    }

    /// Runs `work` on the worker, keeping this API's typed errors: a cancellation becomes
    /// the `PostgresError` a cancelled statement reports.
    private func typed<T: Sendable>(
        _ work: @escaping @Sendable (PostgresConnection) throws(PostgresError) -> T
    ) async throws(PostgresError) -> T {
        do {
            return try await worker.run { connection in try work(connection) }
        } catch let error as PostgresError {
            throw error
        } catch {
            throw PostgresConnection.cancelledError
        }
    }
}
