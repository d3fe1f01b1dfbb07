import Foundation
import Testing

/// The real binary, `settings-console demo`, in a real terminal (tmux).
@Suite("demo in a real terminal", .serialized)
struct DemoEndToEndTests {
    /// Starts the demo with its stderr captured, so the test learns the cluster's directory.
    private func startDemo(_ arguments: String = "", width: Int = 120, height: Int = 40) throws -> (
        TmuxSession, String
    ) {
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sc-e2e-\(UUID().uuidString).err"
        ).path
        let session = try TmuxSession(
            command:
                "\(TmuxSession.quote(Binary.path)) demo \(arguments) 2>\(TmuxSession.quote(errors))",
            width: width, height: height)
        return (session, errors)
    }

    private func clusterDirectory(from errorsPath: String) throws -> String {
        let text = (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? ""
        guard
            let range = text.range(
                of: #"/tmp/settings-console-demo\.[A-Za-z0-9]+"#, options: .regularExpression)
        else {
            throw TmuxSession.Failure(
                description: "the demo did not say where its cluster is: \(text)")
        }
        return String(text[range])
    }

    @Test func showsTheThreeTabsWithSeededDataAndLeavesNoPostgresBehind() throws {
        let (tmux, errors) = try startDemo()
        defer { tmux.close() }
        let team = try tmux.waitFor(text: "pending@example.com")
        for email in [
            "demo@example.com", "admin@example.com", "member@example.com", "viewer@example.com",
            "former@example.com",
        ] {
            #expect(team.contains(email), "Team tab lacks \(email)")
        }
        #expect(team.contains("6 members · 4 active · 1 pending · 1 inactive"))
        #expect(team.contains("demo@example.com (owner)"))
        let directory = try clusterDirectory(from: errors)
        #expect(!processes(mentioning: directory).isEmpty, "the demo's postgres should be running")

        try tmux.send("2")
        let billing = try tmux.waitFor(text: "65%")
        #expect(billing.contains("650,000 / 1,000,000 traces (65%)"))
        #expect(billing.contains("Professional"))
        #expect(billing.contains("Visa ending 4242"))

        try tmux.send("3")
        let integrations = try tmux.waitFor(text: "Error Tracking")
        for name in [
            "Engineering Alerts", "Production Incidents", "Custom Analytics Endpoint",
            "Error Tracking",
        ] {
            #expect(integrations.contains(name))
        }
        for word in ["healthy", "degraded", "○ disabled"] { #expect(integrations.contains(word)) }

        try tmux.send("q")
        try tmux.waitForExit()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline,
            !processes(mentioning: directory).isEmpty
                || FileManager.default.fileExists(atPath: directory)
        {
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(
            processes(mentioning: directory).isEmpty,
            "postgres still running: \(processes(mentioning: directory))")
        #expect(
            !FileManager.default.fileExists(atPath: directory),
            "the cluster directory was not removed")
    }

    @Test func killingTheConsoleStillStopsItsCluster() throws {
        let (tmux, errors) = try startDemo()
        defer { tmux.close() }
        try tmux.waitFor(text: "pending@example.com")
        let directory = try clusterDirectory(from: errors)
        // Only this test's console: other suites run their own demos at the same time.
        let ours = Set(try tmux.paneProcesses())
        let consoles = processes(mentioning: "demo").filter {
            $0.contains(Binary.path) || $0.contains("settings-console demo")
        }
        for line in consoles {
            if let pid = Int32(line.prefix { $0 != ":" }), ours.contains(pid) { kill(pid, SIGKILL) }
        }
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline, FileManager.default.fileExists(atPath: directory) {
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(
            !FileManager.default.fileExists(atPath: directory),
            "a crash must not leave the cluster behind")
        #expect(processes(mentioning: directory).isEmpty)
    }

    @Test func resizingKeepsTheScreenWholeAndTooSmallSaysSo() throws {
        let (tmux, _) = try startDemo(width: 100, height: 30)
        defer { tmux.close() }
        try tmux.waitFor(text: "pending@example.com")
        try tmux.resize(width: 40, height: 10)
        try tmux.waitFor(text: "too small")
        try tmux.resize(width: 90, height: 28)
        let screen = try tmux.waitFor(text: "pending@example.com")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.contains("1 Team") == true)
        #expect(screen.contains("? help"))
        try tmux.send("q")
        try tmux.waitForExit()
    }
}
