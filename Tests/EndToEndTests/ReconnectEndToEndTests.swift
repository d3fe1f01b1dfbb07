import Foundation
import Postgres
import Testing

/// A lost database connection shows "reconnecting…" and the console carries on once it is back.
@Suite("reconnecting in a real terminal", .serialized)
struct ReconnectEndToEndTests {
    @Test func killedConnectionsShowReconnectingThenRecover() throws {
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sc-e2e-\(UUID().uuidString).err"
        ).path
        let tmux = try TmuxSession(
            command: "\(TmuxSession.quote(Binary.path)) demo 2>\(TmuxSession.quote(errors))",
            width: 120, height: 40)
        defer { tmux.close() }
        try tmux.waitFor(text: "pending@example.com")
        let text = try String(contentsOfFile: errors, encoding: .utf8)
        guard let match = text.firstMatch(of: /listening on (\S+)\/sock \(port (\d+)\)/) else {
            Issue.record("no cluster address in: \(text)")
            return
        }
        let admin = try PostgresConnection(
            conninfo: "",
            overrides: [
                ("host", String(match.1) + "/sock"), ("port", String(match.2)),
                ("user", "postgres"), ("dbname", "postgres"),
            ])
        let killed = try admin.query(
            "SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE usename = 'console_app'"
        )
        #expect(try killed.first?.int("n") ?? 0 >= 1, "the console should hold a connection")

        try tmux.send("r")
        let outage = try tmux.waitFor("the outage to be reported", timeout: 10) {
            $0.contains("reconnecting") || $0.contains("connection to PostgreSQL was lost")
        }
        #expect(
            !outage.contains("SQLSTATE") && !outage.contains("server closed the connection"),
            "no raw libpq text")
        let recovered = try tmux.waitFor("the status line to say connected again", timeout: 15) {
            $0.contains("● connected")
        }
        #expect(recovered.contains("pending@example.com"), "the list survives the outage")
        try tmux.send("2")
        try tmux.waitFor(text: "650,000 / 1,000,000 traces (65%)")
        try tmux.send("q")
        try tmux.waitForExit()
    }
}
