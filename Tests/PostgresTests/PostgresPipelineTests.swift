import Foundation
import Postgres
import TestSupport
import Testing

/// Statements sent together in one round trip (libpq's pipeline mode): each keeps its own
/// bound parameters and result, an error stops the rest and leaves the connection usable, and
/// the one-round-trip transactions are transactions (transaction-local settings end with them,
/// a failure rolls back).
@Suite struct PostgresPipelineTests {
    let database: TestDatabase

    init() async throws {
        database = try await TestDatabase.make(.empty)
    }

    private func connect() throws -> PostgresConnection {
        try PostgresConnection(
            conninfo: database.adminConninfo, overrides: [("dbname", database.name)])
    }

    @Test func eachStatementGetsItsParametersAndItsResult() throws {
        let connection = try connect()
        let missing: String? = nil
        let results = try connection.pipeline([
            ("SELECT $1::int + 1 AS next", [41]),
            ("SELECT $1::text AS echoed, $2::text AS other", ["x'); DROP TABLE t; --", missing]),
            ("SELECT 3 AS three", []),
        ])
        #expect(results.count == 3)
        #expect(try results[0].first?.int("next") == 42)
        #expect(try results[1].first?.string("echoed") == "x'); DROP TABLE t; --")
        #expect(try results[1].first?.optionalString("other") == nil)
        #expect(try results[2].first?.int("three") == 3)
    }

    @Test func anErrorStopsTheRestAndLeavesTheConnectionIdle() throws {
        let connection = try connect()
        try connection.query("CREATE TABLE marks (n int)")
        let error = #expect(throws: PostgresError.self) {
            try connection.pipeline([
                ("INSERT INTO marks VALUES (1)", []),
                ("SELECT 1 / $1::int", [0]),
                ("INSERT INTO marks VALUES (3)", []),
            ])
        }
        #expect(error?.sqlState == "22012")
        #expect(connection.isOpen)
        // Up to the sync the statements were one implicit transaction: all rolled back.
        #expect(try connection.query("SELECT count(*) AS n FROM marks").first?.int("n") == 0)
    }

    @Test func aReadTransactionScopesItsSettingsAndRollsBackOnError() throws {
        let connection = try connect()
        let setting: SQL = "SELECT set_config('app.pipeline_probe', $1, true)"
        let read = try connection.readTransaction(
            opening: setting, ["inside"],
            statement: "SELECT current_setting('app.pipeline_probe') AS value", [])
        #expect(try read.first?.string("value") == "inside")
        let after = try connection.query(
            "SELECT current_setting('app.pipeline_probe', true) AS value")
        #expect(try after.first?.optionalString("value") ?? "" == "")

        #expect(throws: PostgresError.self) {
            try connection.readTransaction(
                opening: setting, ["failed"], statement: "SELECT 1 / $1::int", [0])
        }
        // Left in the aborted block, this would fail (25P02); back in the transaction, the
        // setting would still be there.
        let state = try connection.query(
            "SELECT current_setting('app.pipeline_probe', true) AS value")
        #expect(try state.first?.optionalString("value") ?? "" == "")
    }

    @Test func aTransactionOpenedInOneRoundTripCommitsItsBody() throws {
        let connection = try connect()
        try connection.query("CREATE TABLE kept (n int)")
        let seen = try connection.transaction(
            opening: "SELECT set_config('app.pipeline_probe', $1, true)", ["body"]
        ) { connection in
            try connection.query("INSERT INTO kept VALUES (1)")
            return try connection.query("SELECT current_setting('app.pipeline_probe') AS v")
                .first?.string("v")
        }
        #expect(seen == "body")
        #expect(try connection.query("SELECT count(*) AS n FROM kept").first?.int("n") == 1)
        #expect(throws: PostgresError.self) {
            try connection.transaction(opening: "SELECT 1 / $1::int", [0]) { connection in
                try connection.query("INSERT INTO kept VALUES (2)")
            }
        }
        #expect(try connection.query("SELECT count(*) AS n FROM kept").first?.int("n") == 1)
    }
}
