import Foundation
import Logging
import Postgres
import Synchronization
import TestSupport
import Testing

/// `PostgresClient` waits for PostgreSQL off Swift's cooperative pool, and a cancelled task
/// cancels its statement on the server (issue 11). Each test watches the server's own view
/// (`pg_stat_activity`) rather than a clock.
@Suite("Statements wait off the pool and can be cancelled")
struct PostgresCancellationTests {
    let database: TestDatabase

    init() async throws {
        database = try await TestDatabase.make(.empty)
    }

    private func client(logger: Logger = Logger(label: "test")) -> PostgresClient {
        PostgresClient(
            conninfo: database.adminConninfo, overrides: [("dbname", database.name)],
            logger: logger)
    }

    /// A connection of the test's own for watching the server.
    private func observer() throws -> PostgresConnection {
        try PostgresConnection(
            conninfo: database.adminConninfo, overrides: [("dbname", database.name)])
    }

    private static func backendPID(_ client: PostgresClient) async throws -> Int {
        try #require(try await client.query("SELECT pg_backend_pid() AS pid").first?.int("pid"))
    }

    /// Waits (up to ~10 s, polling the server) until `count` backends run a statement
    /// starting with `prefix`; returns how many did at the last look.
    private static func waitForActive(
        _ observer: PostgresConnection, prefix: String, count: Int
    ) async throws -> Int {
        var seen = 0
        for _ in 0..<500 {
            seen = try Self.active(observer, prefix: prefix)
            if seen >= count { return seen }
            try await Task.sleep(for: .milliseconds(20))
        }
        return seen
    }

    private static func active(_ observer: PostgresConnection, prefix: String) throws -> Int {
        try observer.query(
            """
            SELECT count(*) AS n FROM pg_stat_activity
            WHERE state = 'active' AND query LIKE $1 AND pid <> pg_backend_pid()
              AND datname = current_database()
            """, [prefix + "%"]
        ).first?.int("n") ?? 0
    }

    private static func state(_ observer: PostgresConnection, pid: Int) throws -> String? {
        try observer.query(
            "SELECT state FROM pg_stat_activity WHERE pid = $1", [pid]
        ).first?.optionalString("state")
    }

    @Test func cancellingTheTaskCancelsTheStatementAndKeepsTheConnection() async throws {
        let client = client()
        let pid = try await Self.backendPID(client)
        let watcher = try observer()
        let sleeper = Task {
            try await client.transaction { connection in
                try connection.query("SELECT pg_sleep(5) /* cancel-me */")
            }
        }
        #expect(try await Self.waitForActive(watcher, prefix: "SELECT pg_sleep(5)", count: 1) == 1)
        sleeper.cancel()
        let outcome = await sleeper.result
        #expect(throws: CancellationError.self) { try outcome.get() }
        // The server stopped the statement: the same backend is idle, not still sleeping.
        #expect(try Self.state(watcher, pid: pid) == "idle")
        #expect(try Self.active(watcher, prefix: "SELECT pg_sleep(5)") == 0)
        let one = try await client.query("SELECT 1 AS one").first?.int("one")
        #expect(one == 1)
        #expect(try await Self.backendPID(client) == pid)
    }

    /// While the server takes nothing (a proxy that stops relaying, as `kill -STOP` on the
    /// server would), `cancel()` returns at once: the console's key loop calls it when a new
    /// search supersedes a stuck one. The request goes out once the server answers again.
    @Test func cancellingWhileTheServerIsFrozenReturnsAtOnceAndCancelsOnceItThaws() async throws {
        let proxy = try PostgresProxy(inFrontOf: database.adminConninfo)
        defer { proxy.close() }
        let client = PostgresClient(
            conninfo: database.adminConninfo,
            overrides: [("dbname", database.name)] + proxy.overrides)
        _ = try await Self.backendPID(client)
        let watcher = try observer()
        let sleeper = Task { try await client.query("SELECT pg_sleep(60) /* frozen */") }
        #expect(try await Self.waitForActive(watcher, prefix: "SELECT pg_sleep(60)", count: 1) == 1)
        proxy.freeze()
        let returned = Shared(false)
        let canceller = Thread {
            sleeper.cancel()
            returned.value.withLock { $0 = true }
        }
        canceller.start()
        // A generous bound on a liveness check, not a speed figure: the old canceller waited
        // for the frozen server for as long as it stayed frozen.
        var looks = 0
        while !returned.value.withLock({ $0 }), looks < 500 {
            looks += 1
            try await Task.sleep(for: .milliseconds(20))
        }
        let returnedWhileFrozen = returned.value.withLock { $0 }
        proxy.thaw()
        #expect(returnedWhileFrozen, "cancel() waited for the frozen server")
        let error = await #expect(throws: PostgresError.self) { try await sleeper.value }
        #expect(error?.isCancellation == true, "the cancel reached the server once it thawed")
        #expect(try Self.active(watcher, prefix: "SELECT pg_sleep(60)") == 0)
    }

    @Test func aCancelledQueryReportsCancellationInItsTypedError() async throws {
        let client = client()
        let watcher = try observer()
        let sleeper = Task { try await client.query("SELECT pg_sleep(5) /* typed */") }
        #expect(try await Self.waitForActive(watcher, prefix: "SELECT pg_sleep(5)", count: 1) == 1)
        sleeper.cancel()
        let error = await #expect(throws: PostgresError.self) { try await sleeper.value }
        #expect(error?.isCancellation == true)
        #expect(try await client.query("SELECT 2 AS two").first?.int("two") == 2)
    }

    @Test func aCancelledTransactionRollsBackAndLeavesNoTransactionOpen() async throws {
        let client = client()
        try await client.query("CREATE TABLE ledger (amount int)")
        let watcher = try observer()
        let writer = Task {
            try await client.transaction { connection in
                try connection.query("INSERT INTO ledger VALUES (1)")
                try connection.query("SELECT pg_sleep(5) /* rollback */")
            }
        }
        #expect(try await Self.waitForActive(watcher, prefix: "SELECT pg_sleep(5)", count: 1) == 1)
        writer.cancel()
        await #expect(throws: CancellationError.self) { try await writer.value }
        let rows = try await client.query("SELECT count(*) AS n FROM ledger").first?.int("n")
        #expect(rows == 0)
        // Outside a transaction, so this commits at once and another connection sees it.
        try await client.query("INSERT INTO ledger VALUES (2)")
        #expect(try watcher.query("SELECT sum(amount) AS s FROM ledger").first?.int("s") == 2)
    }

    @Test func aQueuedStatementCancelledBeforeItStartsIsNeverSent() async throws {
        let client = client()
        try await client.query("CREATE TABLE marks (note text)")
        let watcher = try observer()
        let busy = Task { try await client.query("SELECT pg_sleep(1) /* busy */") }
        #expect(try await Self.waitForActive(watcher, prefix: "SELECT pg_sleep(1)", count: 1) == 1)
        let queued = Task { try await client.query("INSERT INTO marks VALUES ('sent')") }
        queued.cancel()
        let error = await #expect(throws: PostgresError.self) { try await queued.value }
        #expect(error?.isCancellation == true)
        _ = try await busy.value
        #expect(try await client.query("SELECT count(*) AS n FROM marks").first?.int("n") == 0)
    }

    @Test func sleepingStatementsOnManyConnectionsLeaveThePoolFree() async throws {
        let clients = (0..<4).map { _ in client() }
        let watcher = try observer()
        let sleepers = clients.map { client in
            Task { try await client.query("SELECT pg_sleep(2) /* parallel */") }
        }
        // Four statements waiting at once: with libpq blocking the pool's threads (two on a
        // two-core machine) no more than two could be in flight, and this task could not run.
        let waiting = try await Self.waitForActive(watcher, prefix: "SELECT pg_sleep(2)", count: 4)
        #expect(waiting == 4)
        let sum = await Task.detached { (1...10_000).reduce(0, +) }.value
        #expect(sum == 50_005_000)
        #expect(try Self.active(watcher, prefix: "SELECT pg_sleep(2)") == 4)
        for sleeper in sleepers { _ = try await sleeper.value }
    }

    @Test func noticesStillReachTheLogger() async throws {
        let recorder = LogRecorder()
        let client = client(logger: Logger(label: "notices") { _ in recorder })
        try await client.query("DO $$ BEGIN RAISE NOTICE 'notice from the server'; END $$")
        try await client.execute(script: "DO $$ BEGIN RAISE WARNING 'warning in a script'; END $$")
        #expect(recorder.messages.contains { $0.contains("notice from the server") })
        #expect(recorder.messages.contains { $0.contains("warning in a script") })
    }
}

/// Collects what is logged, for tests.
final class LogRecorder: LogHandler, Sendable {
    private let stored = Mutex<[String]>([])
    var messages: [String] { stored.withLock { $0 } }

    func log(event: LogEvent) {
        let text = "\(event.message)"
        stored.withLock { $0.append(text) }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }
    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }
    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }
}
