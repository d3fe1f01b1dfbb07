import Foundation
import Postgres
import TestSupport
import Testing

/// Two consoles in tmux on one database: a change made in one, by the command line or by
/// the platform writing health shows in the other within a second, with no key pressed.
/// Polling is off (`--poll-interval 0`), so only PostgreSQL's notifications can explain it.
@Suite("Live refresh between consoles", .serialized)
struct LiveRefreshEndToEndTests {
    let database: TestDatabase
    let conninfo: String

    init() async throws {
        database = try await TestDatabase.make(.seeded)
        conninfo = database.adminConninfo + " dbname=\(database.name) user=console_app"
    }

    /// A console logged in as `email`, on the Integrations tab.
    func console(_ email: String) throws -> TmuxSession {
        let tmux = try TmuxSession(
            command:
                "\(TmuxSession.quote(Binary.path)) --poll-interval 0 --database \(TmuxSession.quote(conninfo))",
            width: 120, height: 30, environment: ["XDG_STATE_HOME": NSTemporaryDirectory()])
        try tmux.waitFor(text: "sign in")
        try tmux.send(email, literal: true)
        try tmux.send("Enter")
        try tmux.send("demo-pass", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor(text: "pending@example.com")
        try tmux.send("3")
        try tmux.waitFor("the integrations and live updates") {
            $0.contains("Engineering Alerts") && $0.contains("● live")
        }
        return tmux
    }

    /// Seconds until `predicate` holds on `tmux`'s screen, polled every 20 ms.
    func secondsUntil(_ tmux: TmuxSession, _ what: String, _ predicate: (String) -> Bool) throws
        -> TimeInterval
    {
        let started = Date()
        try tmux.waitFor(what, timeout: 5) { predicate($0) }
        return Date().timeIntervalSince(started)
    }

    func row(_ screen: String, _ name: String) -> String {
        screen.split(separator: "\n").first { $0.contains(name) }.map(String.init) ?? ""
    }

    @Test func changesElsewhereShowWithinASecond() async throws {
        let admin = try console("admin@example.com")
        defer { admin.close() }
        let viewer = try console("viewer@example.com")
        defer { viewer.close() }
        let hook = "Custom Analytics Endpoint"

        // Another console: the admin disables the selected (first, degraded) webhook.
        try admin.send("Space")
        let fromConsole = try secondsUntil(viewer, "the disable to show") {
            row($0, hook).contains("○ disabled")
        }

        // The command line: enable it again.
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_STATE_HOME"] = NSTemporaryDirectory()
        let started = Date()
        let run = try ProcessRun.run(
            [
                Binary.path, "integrations", "enable", hook, "--database", conninfo, "--user",
                "admin@example.com", "--password-stdin",
            ], input: "demo-pass\n", environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        try viewer.waitFor("the enable to show", timeout: 5) { row($0, hook).contains("degraded") }
        let fromCommandLine = Date().timeIntervalSince(started)

        // The platform writing health straight into the table.
        let admin2 = database.adminClient()
        try await admin2.query(
            "UPDATE integrations_config SET health_status = 'unhealthy' WHERE integration_name = $1",
            [hook])
        let fromPlatform = try secondsUntil(viewer, "the platform's health to show") {
            row($0, hook).contains("✖ unhealthy")
        }
        await admin2.close()

        print(
            "live refresh: console \(Int(fromConsole * 1000)) ms, command line \(Int(fromCommandLine * 1000)) ms (incl. the CLI run), platform \(Int(fromPlatform * 1000)) ms"
        )
        #expect(fromConsole < 1)
        #expect(fromPlatform < 1)
        #expect(try viewer.screen().contains("refreshed"))
        try viewer.send("q")
        try admin.send("q")
    }
}
