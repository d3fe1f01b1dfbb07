import Foundation
import Postgres
import Testing

/// One `settings-console demo` in tmux, plus a superuser connection to its private cluster so
/// a test can check what the console wrote. The demo prints the cluster's socket directory and
/// port on stderr; nothing else about the cluster is reachable from outside.
final class DemoRun {
    let tmux: TmuxSession
    let database: PostgresConnection
    private let errorsPath: String

    /// Starts `demo ARGUMENTS` and waits for the Team list.
    init(_ arguments: String, width: Int = 120, height: Int = 40) throws {
        errorsPath =
            FileManager.default.temporaryDirectory.appendingPathComponent(
                "sc-e2e-\(UUID().uuidString).err"
            ).path
        tmux = try TmuxSession(
            command:
                "\(TmuxSession.quote(Binary.path)) demo \(arguments) 2>\(TmuxSession.quote(errorsPath))",
            width: width, height: height)
        do {
            try tmux.waitFor(text: "pending@example.com")
            let text = try String(contentsOfFile: errorsPath, encoding: .utf8)
            guard let match = text.firstMatch(of: /listening on (\S+)\/sock \(port (\d+)\)/) else {
                throw TmuxSession.Failure(
                    description: "the demo did not say where its cluster is: \(text)")
            }
            database = try PostgresConnection(
                conninfo: "",
                overrides: [
                    ("host", String(match.1) + "/sock"), ("port", String(match.2)),
                    ("user", "postgres"),
                    ("dbname", "postgres"),
                ])
        } catch {
            tmux.close()
            let stderr = (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? ""
            throw TmuxSession.Failure(
                description: "demo \(arguments) did not come up: \(error)\nits stderr:\n\(stderr)")
        }
    }

    deinit { close() }

    func close() {
        database.close()
        tmux.close()
        try? FileManager.default.removeItem(atPath: errorsPath)
    }

    /// The first column of the first row of `sql`, as text (nil for NULL or no row).
    func value(_ sql: SQL, _ parameters: [any PostgresEncodable] = []) throws -> String? {
        let rows = try database.query(sql, parameters)
        guard let row = rows.first, let column = row.columns.names.first else { return nil }
        return try row.text(column)
    }

    /// Every settings row and the audit log, hashed: equal before and after means nothing changed.
    func fingerprint() throws -> String {
        try value(
            """
            SELECT md5(concat_ws('|',
                (SELECT string_agg(t::text, ',' ORDER BY id) FROM team_members t),
                (SELECT string_agg(b::text, ',' ORDER BY id) FROM billing_config b),
                (SELECT string_agg(i::text, ',' ORDER BY id) FROM integrations_config i),
                (SELECT count(*)::text FROM audit_logs)))
            """) ?? ""
    }

    /// Types `text` literally (tmux's -l), as a person at the keyboard would.
    func type(_ text: String) throws { try tmux.send(text, literal: true) }

    func press(_ keys: String...) throws {
        for key in keys { try tmux.send(key) }
    }

    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 15) throws -> String {
        try tmux.waitFor(text: text, timeout: timeout)
    }

    /// Narrows the Team list to `search` with `/`, so the one matching row is selected.
    func select(member search: String) throws {
        try press("/")
        try press("C-u")
        try type(search)
        try press("Enter")
        // The filter line changes as soon as the text is typed, the rows only when the
        // search has answered: wait for the table itself to hold just the one row.
        try tmux.waitFor("only \(search) listed") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            guard let header = lines.firstIndex(where: { $0.contains("Last active") }) else {
                return false
            }
            let rows = lines[(header + 1)...].prefix {
                !$0.trimmingCharacters(in: .whitespaces).isEmpty
            }
            return screen.contains("search: \"\(search)\"") && rows.count == 1
                && rows.first?.contains(search) == true
        }
    }

    func quit() throws {
        try press("Escape", "q")
        try tmux.waitForExit()
    }
}
