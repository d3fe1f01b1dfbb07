import Domain
import Testing

/// The timeouts every console transaction sets: PostgreSQL time values only, else the default.
struct QueryTimeoutsTests {
    @Test func valuesInPostgreSQLsUnitsAreTakenAndOthersFallBackToTheDefault() {
        let set = QueryTimeouts(environment: [
            "SC_STATEMENT_TIMEOUT": "30s", "SC_LOCK_TIMEOUT": "250ms",
        ])
        #expect(set == QueryTimeouts(statement: "30s", lock: "250ms"))
        #expect(QueryTimeouts(environment: [:]) == .standard)
        for bad in ["", "soon", "5 s", "1s; DROP TABLE users", "-1", "1.5s", "10d"] {
            let parsed = QueryTimeouts(environment: ["SC_STATEMENT_TIMEOUT": bad])
            #expect(parsed.statement == QueryTimeouts.standard.statement, "\(bad)")
        }
        #expect(QueryTimeouts(environment: ["SC_LOCK_TIMEOUT": "0"]).lock == "0")
    }
}
