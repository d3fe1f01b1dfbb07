import Foundation
import Postgres
import TestSupport
import Testing

@Suite("libpq wrapper against a real PostgreSQL")
struct PostgresConnectionTests {
    let database: TestDatabase

    init() async throws {
        database = try await TestDatabase.make(.empty)
    }

    private func connect() throws -> PostgresConnection {
        try PostgresConnection(
            conninfo: database.adminConninfo, overrides: [("dbname", database.name)])
    }

    @Test func connectsAndReportsTheDatabaseItWasAskedFor() throws {
        let connection = try connect()
        let row = try #require(try connection.query("SELECT current_database() AS name").first)
        #expect(try row.string("name") == database.name)
        #expect(connection.isOpen)
    }

    @Test func bindsParametersAsValuesNeverAsSQL() throws {
        let connection = try connect()
        let hostile = "x'); DROP TABLE pg_class; --"
        let result = try connection.query(
            "SELECT $1::text AS echoed, $2::int + 1 AS next, $3::bool AS flag",
            [hostile, 41, true])
        let row = try #require(result.first)
        #expect(try row.string("echoed") == hostile)
        #expect(try row.int("next") == 42)
        #expect(try row.bool("flag") == true)
    }

    @Test func refusesParametersWithANulInsteadOfCuttingThemShort() throws {
        let connection = try connect()
        let error = #expect(throws: PostgresError.self) {
            try connection.query(
                "SELECT $1::text AS value, $2::text", ["fine", "demo-pass\u{0}tail"])
        }
        #expect(error?.sqlState == "22021")
        #expect(error?.serverMessage.contains("$2") == true)
        #expect(connection.isOpen)
    }

    @Test func nullsTravelBothWays() throws {
        let connection = try connect()
        let missing: String? = nil
        let row = try #require(
            try connection.query(
                "SELECT $1::text AS value, $1::text IS NULL AS was_null", [missing]
            )
            .first)
        #expect(try row.optionalString("value") == nil)
        #expect(try row.bool("was_null"))
        #expect(throws: PostgresError.self) { try row.string("value") }
    }

    @Test func decodesUUIDsTimestampsAndDecimals() throws {
        let connection = try connect()
        let id = UUID()
        let instant = Date(timeIntervalSince1970: 1_790_000_000.25)
        let row = try #require(
            try connection.query(
                """
                SELECT $1::uuid AS id, $2::timestamptz AS at, 99.50::numeric(10,2) AS price,
                       '2026-11-23'::date AS day, $3::text[] AS tags
                """, [id, instant, PostgresTextArray(["a\"b", "c\\d", "e,f"])]
            ).first)
        #expect(try row.uuid("id") == id)
        #expect(abs(try row.date("at").timeIntervalSince(instant)) < 0.000_01)
        #expect(try row.optionalDecimal("price") == Decimal(string: "99.50"))
        #expect(try row.date("day") == Date(timeIntervalSince1970: 1_795_392_000))
        #expect(try row.string("tags") == #"{"a\"b","c\\d","e,f"}"#)
    }

    @Test func reportsSQLStateOnServerErrors() throws {
        let connection = try connect()
        try connection.query("CREATE TABLE things (id int PRIMARY KEY, name text NOT NULL)")
        try connection.query("INSERT INTO things VALUES (1, 'one')")
        let duplicate = #expect(throws: PostgresError.self) {
            try connection.query("INSERT INTO things VALUES ($1, $2)", [1, "again"])
        }
        #expect(duplicate?.sqlState == "23505")
        #expect(duplicate?.isUniqueViolation == true)
        #expect(duplicate?.constraint == "things_pkey")
        let badInput = #expect(throws: PostgresError.self) {
            try connection.query("SELECT $1::uuid", ["not-a-uuid"])
        }
        #expect(badInput?.sqlState == "22P02")
        #expect(badInput?.description == "PostgreSQL error 22P02")
        #expect(connection.isOpen, "a statement error must not break the connection")
    }

    @Test func rollsBackATransactionThatThrows() throws {
        let connection = try connect()
        try connection.query("CREATE TABLE ledger (amount int)")
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try connection.transaction { tx in
                try tx.query("INSERT INTO ledger VALUES (10)")
                throw Abort()
            }
        }
        _ = try connection.transaction { tx in try tx.query("INSERT INTO ledger VALUES (5)") }
        let row = try #require(
            try connection.query("SELECT sum(amount) AS total FROM ledger").first)
        #expect(try row.int("total") == 5)
    }

    @Test func badConninfoGivesAClearErrorWithoutThePassword() {
        let error = #expect(throws: PostgresError.self) {
            try PostgresConnection(conninfo: "host=/nonexistent/socket password=hunter2 port=1")
        }
        #expect(error?.kind == .connectionFailed)
        #expect(error?.serverMessage.contains("/nonexistent/socket") == true)
        #expect(error?.serverMessage.contains("hunter2") == false)
        let unknownOption = #expect(throws: PostgresError.self) {
            try PostgresConnection(conninfo: "colour=blue")
        }
        #expect(unknownOption?.serverMessage.contains("invalid connection option") == true)
    }

    @Test func clientReconnectsAfterTheServerDropsIt() async throws {
        let client = PostgresClient(
            conninfo: database.adminConninfo, overrides: [("dbname", database.name)])
        let pid = try await client.query("SELECT pg_backend_pid() AS pid").first?.int("pid")
        let killer = try connect()
        try killer.query("SELECT pg_terminate_backend($1)", [try #require(pid)])
        let lost = await #expect(throws: PostgresError.self) {
            try await client.query("SELECT 1")
        }
        #expect(lost?.isConnectionProblem == true)
        let again = try await client.query("SELECT 2 AS two").first?.int("two")
        #expect(again == 2)
    }

    @Test func scriptsRunSeveralStatements() throws {
        let connection = try connect()
        try connection.execute(
            script:
                "CREATE TABLE a (x int); INSERT INTO a VALUES (1), (2); INSERT INTO a VALUES (3);")
        let row = try #require(try connection.query("SELECT count(*) AS n FROM a").first)
        #expect(try row.int("n") == 3)
    }
}
