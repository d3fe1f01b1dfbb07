import Testing

@testable import Postgres

/// Identifiers are the one kind of text a statement can take from a variable, so their
/// quoting is the one place that must hold against every name.
@Suite struct SQLIdentifierTests {
    @Test(arguments: [
        ("plain", #""plain""#),
        ("sc_test_42_1", #""sc_test_42_1""#),
        ("Mixed Case", #""Mixed Case""#),
        (#"a"b"#, #""a""b""#),
        (#"""#, #""""""#),
        (#"x"; DROP TABLE users; --"#, #""x""; DROP TABLE users; --""#),
        ("ünïcödé", #""ünïcödé""#),
        // A quote followed by a combining mark is one Character but two scalars; the server
        // sees the quote, so it is doubled all the same.
        ("a\"\u{301}b", "\"a\"\"\u{301}b\""),
    ])
    func quotesEveryName(_ name: String, _ quoted: String) throws {
        let identifier = try SQLIdentifier(name)
        #expect(identifier.quoted == quoted)
        #expect(identifier.name == name)
        let statement: SQL = "DROP DATABASE \(identifier)"
        #expect(statement.text == "DROP DATABASE " + quoted)
    }

    @Test(arguments: ["", "a\u{0}b", "\u{0}"])
    func refusesWhatCannotBeAName(_ name: String) {
        #expect(throws: PostgresError.self) { try SQLIdentifier(name) }
    }

    @Test func fragmentsJoinAsWritten() {
        let direction: SQL = "DESC"
        let select: SQL = "SELECT 1"
        #expect((select + " ORDER BY 1 \(direction)").text == "SELECT 1 ORDER BY 1 DESC")
        let values = [1, 2]
        let update: SQL = "UPDATE t SET a = $3, b = \(parameter: values.count + 2)"
        #expect(update.text == "UPDATE t SET a = $3, b = $4")
    }
}
