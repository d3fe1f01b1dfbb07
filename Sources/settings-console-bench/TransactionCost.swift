import Domain
import Foundation
import Postgres

/// Where a console transaction's fixed cost goes, step by step, so the gap to pgbench (which
/// runs the same statements with nothing around them) can be pinned on a step.
///
/// Each row adds one step to the one above it: the hand-off to the connection's thread and
/// back, then `BEGIN`/`COMMIT`, then the identity and timeout `set_config`s, then the header
/// counts statement (one round trip each, as pgbench sends them); then the same four sent
/// together (libpq's pipeline mode), and last the store's own call, which does that and
/// decodes the row.
/// The identity statement is a copy of `IdentityStatement` (Domain): keep it
/// in step.
enum TransactionCost {
    static let runs = 300

    static func report(client: PostgresClient, store: SettingsStore, session: Session)
        async throws
    {
        // Exactly what the store sends first in every transaction.
        let statement = IdentityStatement(session)
        let identity = statement.sql
        let values = statement.parameters
        let counts: SQL = """
            SELECT COALESCE(c.active, 0) AS active, COALESCE(c.pending, 0) AS pending,
                   COALESCE(c.inactive, 0) AS inactive, COALESCE(c.active_owners, 0) AS owners,
                   (SELECT team_members_limit FROM console_plan_limits()) AS seat_limit
            FROM (SELECT $1::uuid AS id) ws
            LEFT JOIN team_member_counts c ON c.workspace_id = ws.id
            """
        let workspace = session.workspaceID.rawValue
        let steps: [(String, () async throws -> Void)] = [
            ("hand-off to the connection thread", { try await client.connect() }),
            ("one statement (SELECT 1)", { try await client.query("SELECT 1") }),
            ("BEGIN; COMMIT", { _ = try await client.transaction { _ in () } }),
            (
                "BEGIN; identity + timeouts; COMMIT",
                {
                    _ = try await client.transaction { connection in
                        _ = try connection.query(identity, values)
                    }
                }
            ),
            (
                "... + the counts statement",
                {
                    _ = try await client.transaction { connection in
                        _ = try connection.query(identity, values)
                        _ = try connection.query(counts, [workspace])
                    }
                }
            ),
            (
                "the same four in one round trip (pipelined)",
                {
                    _ = try await client.readTransaction(
                        opening: identity, values, statement: counts, [workspace])
                }
            ),
            ("store.memberCounts() (pipelined + decoding)", { _ = try await store.memberCounts() }),
        ]
        print("\nfixed cost of a console transaction, step by step (\(runs) runs each, ms)")
        print(
            "  " + "step".padding(toLength: 44, withPad: " ", startingAt: 0)
                + "   p50      p99")
        for (name, body) in steps {
            try await body()
            var samples: [Double] = []
            for _ in 0..<runs {
                let start = DispatchTime.now().uptimeNanoseconds
                try await body()
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            }
            print(
                "  " + name.padding(toLength: 44, withPad: " ", startingAt: 0)
                    + String(
                        format: " %8.3f %8.3f", Quantile.of(samples, 0.5),
                        Quantile.of(samples, 0.99)))
        }
    }
}
