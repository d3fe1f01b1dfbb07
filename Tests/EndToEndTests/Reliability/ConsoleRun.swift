import Foundation
import Postgres
import TestSupport

/// The console on a test database of its own, logged in as a seeded user through the password
/// prompt, in tmux; with a superuser connection to check what it wrote. Lighter than `DemoRun`
/// (no cluster of its own), for suites that start many consoles.
final class ConsoleRun {
    let tmux: TmuxSession
    let database: PostgresConnection

    init(email: String, on testDatabase: TestDatabase, width: Int = 120, height: Int = 40) throws {
        let conninfo = testDatabase.adminConninfo + " dbname=\(testDatabase.name) user=console_app"
        database = try PostgresConnection(
            conninfo: testDatabase.adminConninfo, overrides: [("dbname", testDatabase.name)])
        tmux = try TmuxSession(
            command:
                "\(TmuxSession.quote(Binary.path)) --database \(TmuxSession.quote(conninfo)) --user \(email)",
            width: width, height: height)
        do {
            try tmux.waitFor(text: "Password")
            try tmux.send("demo-pass", literal: true)
            try tmux.send("Enter")
            try tmux.waitFor(text: "pending@example.com")
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    func close() {
        database.close()
        tmux.close()
    }

    /// The first column of the first row of `sql`, as text.
    func value(_ sql: SQL, _ parameters: [any PostgresEncodable] = []) throws -> String? {
        let rows = try database.query(sql, parameters)
        guard let row = rows.first, let column = row.columns.names.first else { return nil }
        return try row.text(column)
    }

    func type(_ text: String) throws { try tmux.send(text, literal: true) }

    func press(_ keys: String...) throws {
        for key in keys { try tmux.send(key) }
    }
}
