import Foundation
import Postgres
import Synchronization
import TestSupport

/// Runs `count` bodies truly at once, each on a thread of its own with its own connection.
///
/// The store's clients are actors on Swift's cooperative pool, which has one thread per core:
/// on a 2-core machine at most two of their blocking libpq calls run at a time. Raw threads
/// let twenty transactions reach the server's locks and triggers together.
enum ParallelSQL {
    static func run<T: Sendable>(
        _ count: Int, connect: @escaping @Sendable () throws -> PostgresConnection,
        _ body: @escaping @Sendable (Int, PostgresConnection) throws -> T
    ) async -> [Result<T, any Error>] {
        await withCheckedContinuation { continuation in
            let results = Mutex<[Int: Result<T, any Error>]>([:])
            let connected = DispatchGroup()
            let go = DispatchSemaphore(value: 0)
            for index in 0..<count {
                connected.enter()
                Thread {
                    var connection: PostgresConnection?
                    var failure: (any Error)?
                    do { connection = try connect() } catch { failure = error }
                    connected.leave()
                    go.wait()
                    let result: Result<T, any Error>
                    if let connection {
                        result = Result { try body(index, connection) }
                        connection.close()
                    } else {
                        result = .failure(
                            failure
                                ?? PostgresError(
                                    kind: .connectionFailed, serverMessage: "no connection"))
                    }
                    let done = results.withLock { all in
                        all[index] = result
                        return all.count == count ? (0..<count).compactMap { all[$0] } : nil
                    }
                    if let done { continuation.resume(returning: done) }
                }.start()
            }
            Thread {
                connected.wait()
                for _ in 0..<count { go.signal() }
            }.start()
        }
    }

    /// A `console_app` connection to the test's database.
    static func appConnection(_ database: TestDatabase) -> @Sendable () throws -> PostgresConnection
    {
        let conninfo = database.adminConninfo
        let overrides = database.appOverrides
        return { try PostgresConnection(conninfo: conninfo, overrides: overrides) }
    }

    /// One transaction as `user` in `workspace`; returns the SQLSTATE that refused it, or nil
    /// when it committed.
    static func transaction(
        _ connection: PostgresConnection, workspace: String, user: String, _ statement: SQL,
        _ parameters: [any PostgresEncodable]
    ) -> String? {
        do {
            try connection.transaction { connection in
                try connection.query(
                    """
                    SELECT set_config('app.current_workspace_id', $1, true),
                           set_config('app.current_user_id', $2, true)
                    """, [workspace, user])
                try connection.query(statement, parameters)
            }
            return nil
        } catch let error as PostgresError {
            return error.sqlState ?? "connection"
        } catch {
            return "unexpected"
        }
    }
}
