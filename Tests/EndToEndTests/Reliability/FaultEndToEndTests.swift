import Foundation
import Testing

/// The console's ways out under faults: SIGTERM (a service stopping), SIGHUP (the SSH
/// connection dropped), SIGINT and the Ctrl-C key each leave the terminal as it was (echo and
/// line editing back on) and the demo's postgres gone.
@Suite("faults in a real terminal", .serialized)
struct FaultEndToEndTests {
    enum WayOut: String, CaseIterable {
        case sigterm, sighup, sigint, ctrlC
    }

    @Test(arguments: WayOut.allCases)
    func everyWayOutRestoresTheTerminalAndStopsTheDemosPostgres(_ way: WayOut) throws {
        let errors = NSTemporaryDirectory() + "sc-fault-\(UUID().uuidString).err"
        defer { try? FileManager.default.removeItem(atPath: errors) }
        // The shell around the console reports how it ended and the terminal's modes after.
        let script =
            "\(TmuxSession.quote(Binary.path)) demo 2>\(TmuxSession.quote(errors)); "
            + "echo \"exit=$?\"; stty -a | tr '\\n' ' '; echo ' :stty-end'"
        let tmux = try TmuxSession(command: "sh -c \(TmuxSession.quote(script))")
        defer { tmux.close() }
        try tmux.waitFor(text: "pending@example.com")
        let text = try String(contentsOfFile: errors, encoding: .utf8)
        let directory = try #require(
            text.firstMatch(of: /(\/tmp\/settings-console-demo\.[A-Za-z0-9]+)/).map {
                String($0.1)
            },
            "no cluster directory in: \(text)")

        if way == .ctrlC {
            try tmux.send("C-c")
        } else {
            let ours = Set(try tmux.paneProcesses())
            let console = processes(mentioning: "demo").compactMap { line -> Int32? in
                // The console itself, not the shell whose command line names it.
                guard line.drop(while: { $0 != " " }).dropFirst().hasPrefix(Binary.path),
                    let pid = Int32(line.prefix { $0 != ":" }),
                    ours.contains(pid)
                else { return nil }
                return pid
            }
            #expect(console.count == 1, "\(console)")
            let signal =
                [WayOut.sigterm: SIGTERM, .sighup: SIGHUP, .sigint: SIGINT][way] ?? SIGTERM
            for pid in console { kill(pid, signal) }
        }
        let after = try tmux.waitFor("the shell after the console (\(way))", timeout: 15) {
            $0.contains(":stty-end")
        }
        let modes = after.replacingOccurrences(of: "\n", with: "")
        #expect(modes.contains(" echo ") && !modes.contains("-echo "), "\(way): \(after)")
        #expect(modes.contains(" icanon ") && !modes.contains("-icanon"), "\(way): \(after)")
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline,
            !processes(mentioning: directory).isEmpty
                || FileManager.default.fileExists(atPath: directory)
        {
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(processes(mentioning: directory).isEmpty, "\(way): postgres left behind")
        #expect(!FileManager.default.fileExists(atPath: directory), "\(way): directory left")
        print(
            "fault \(way.rawValue): \(modes.firstMatch(of: /exit=\d+/).map { String($0.0) } ?? "?")"
        )
    }

    /// With the server frozen (`kill -STOP` on the postmaster and its backends) and a refresh
    /// stuck on it, `q` still ends the console: it does not wait for the frozen query.
    @Test func quittingDoesNotWaitForAFrozenDatabase() throws {
        let cluster = try PrivateCluster(label: "frozen")
        defer { cluster.close() }
        for verb in ["migrate", "seed"] {
            try ProcessRun.check([Binary.path, verb, "--database", cluster.superuser])
        }
        let conninfo = cluster.address.conninfo(user: "console_app", database: "postgres")
        let tmux = try TmuxSession(
            command:
                "\(TmuxSession.quote(Binary.path)) --database \(TmuxSession.quote(conninfo)) --user demo@example.com"
        )
        defer { tmux.close() }
        try tmux.waitFor(text: "Password")
        try tmux.send("demo-pass", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor(text: "pending@example.com")

        let postmaster = try #require(
            processes(mentioning: cluster.directory + "/data").compactMap {
                Int32($0.prefix { $0 != ":" })
            }.first)
        let frozen = [postmaster] + childProcesses(of: postmaster)
        for pid in frozen { kill(pid, SIGSTOP) }
        defer { for pid in frozen { kill(pid, SIGCONT) } }
        try tmux.send("r")
        Thread.sleep(forTimeInterval: 1)
        try tmux.send("q")
        // Generous: the old console waited for the frozen query for as long as it was frozen.
        try tmux.waitForExit(timeout: 8)
    }
}
