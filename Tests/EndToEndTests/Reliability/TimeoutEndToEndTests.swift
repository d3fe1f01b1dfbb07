import Foundation
import Postgres
import TestSupport
import Testing

/// Every console transaction carries a statement and a lock timeout (`SC_STATEMENT_TIMEOUT`,
/// `SC_LOCK_TIMEOUT`): a write stuck behind another session's lock fails with a clear
/// message and changes nothing, instead of waiting as long as the other session likes.
@Suite("statement and lock timeouts")
struct TimeoutEndToEndTests {
    /// How long the other session holds the row: a console without timeouts waits this long
    /// and then succeeds, which the test would see.
    static let holdSeconds: TimeInterval = 60

    @Test(arguments: [
        (["SC_LOCK_TIMEOUT": "1s"], "lock timeout"),
        (["SC_STATEMENT_TIMEOUT": "1s", "SC_LOCK_TIMEOUT": "0"], "statement was cancelled"),
    ])
    func aWriteBehindAHeldLockGivesUpAndChangesNothing(
        _ limits: [String: String], _ wording: String
    ) async throws {
        let database = try await TestDatabase.make(.seeded)
        let conninfo = database.adminConninfo + " dbname=\(database.name) user=console_app"
        let admin = try PostgresConnection(
            conninfo: database.adminConninfo, overrides: [("dbname", database.name)])
        defer { admin.close() }
        // Another session (psql) locks the viewer's row and keeps it for a while.
        let lockSQL = """
            SELECT tm.id FROM team_members tm JOIN users u ON u.id = tm.user_id
            WHERE u.email = 'viewer@example.com' FOR UPDATE OF tm;
            SELECT pg_sleep(\(Int(Self.holdSeconds)));
            """
        let adminConninfo = database.adminConninfo + " dbname=\(database.name)"
        // psql may be refused while the cluster is full (every suite runs at once): it tries
        // again until it has held the lock for its whole time.
        let psqlErrors = Shared("")
        let holder = Thread {
            let until = Date().addingTimeInterval(60)
            while Date() < until {
                let run = try? ProcessRun.run([
                    "/usr/bin/psql", "-X", "-q", adminConninfo, "-1", "-c", lockSQL,
                ])
                if run?.status == 0 { return }
                psqlErrors.value.withLock { $0 = run?.stderr ?? "psql did not start" }
                Thread.sleep(forTimeInterval: 0.5)
            }
        }
        holder.start()
        let deadline = Date().addingTimeInterval(60)
        while try admin.query(
            "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND query LIKE '%pg_sleep%' AND state = 'active' AND pid <> pg_backend_pid()",
            [database.name]
        ).first?.int("n") != 1 {
            guard Date() < deadline else {
                throw ProcessRun.Failure(
                    description: "psql never held the lock: \(psqlErrors.value.withLock { $0 })")
            }
            try await Task.sleep(for: .milliseconds(50))
        }

        let result = try ProcessRun.run(
            [
                Binary.path, "team", "deactivate", "viewer@example.com", "--database", conninfo,
                "--user", "demo@example.com", "--password-stdin",
            ], input: "demo-pass\n",
            environment: ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()].merging(limits) {
                $1
            })
        #expect(result.status != 0, "the write should give up: \(result.stdout)")
        #expect(result.stderr.contains(wording), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was changed"), "\(result.stderr)")
        let status = try admin.query(
            """
            SELECT tm.status FROM team_members tm JOIN users u ON u.id = tm.user_id
            WHERE u.email = 'viewer@example.com'
            """
        ).first?.string("status")
        #expect(status == "active")
    }
}
