import Foundation
import TestSupport
import Testing

/// The console's start-up with an SSH key, in a real terminal: `SC_STARTUP_TRACE` records
/// every step in order and nothing but step names and times, and a refused key, looked up
/// while the terminal starts, still ends with the terminal restored and the refusal on it.
@Suite("Start-up by SSH key")
final class StartupEndToEndTests {
    let database: TestDatabase
    let conninfo: String
    let directory: String

    init() async throws {
        database = try await TestDatabase.make(.seeded)
        conninfo = database.adminConninfo + " dbname=\(database.name) user=console_app"
        directory = try SSHKeygen.temporaryDirectory()
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// sshd's `SSH_USER_AUTH` file naming `key`, mode 0600.
    func authFile(for key: GeneratedSSHKey) throws -> String {
        let path = directory + "/auth-" + UUID().uuidString
        let line =
            "publickey " + key.publicLine.split(separator: " ").prefix(2).joined(separator: " ")
        try (line + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        return path
    }

    func console(authFile: String, trace: String) throws -> TmuxSession {
        try TmuxSession(
            command:
                "\(TmuxSession.quote(Binary.path)) --database \(TmuxSession.quote(conninfo))",
            environment: [
                "SSH_USER_AUTH": authFile, "SC_STARTUP_TRACE": trace,
                "XDG_STATE_HOME": NSTemporaryDirectory(),
            ])
    }

    @Test func theTraceNamesEveryStepInOrderAndNothingElse() throws {
        let key = try SSHKeygen.generate("ed25519", comment: "admin", in: directory, name: "admin")
        try ProcessRun.check(
            [
                Binary.path, "keys", "add", "admin@example.com", "--key", key.publicLine,
                "--database", conninfo, "--user", "demo@example.com", "--password-stdin",
            ], input: "demo-pass\n")
        let trace = directory + "/trace"
        let tmux = try console(authFile: try authFile(for: key), trace: trace)
        defer { tmux.close() }
        try tmux.waitFor(text: "viewer@example.com")
        try tmux.send("q")
        try tmux.waitForExit()

        let lines = try String(contentsOfFile: trace, encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.allSatisfy { $0.count == 2 && UInt64($0[1]) != nil }, "\(lines)")
        var firstSeen: [String: UInt64] = [:]
        for line in lines where firstSeen[line[0]] == nil { firstSeen[line[0]] = UInt64(line[1]) }
        let steps = [
            "main", "identity-planned", "connected", "session", "terminal", "first-frame",
            "counts", "first-page", "first-full-frame",
        ]
        #expect(Set(firstSeen.keys) == Set(steps))
        // The terminal starts beside the connection and the lookup; everything else in order.
        for (earlier, later) in [
            ("main", "identity-planned"), ("identity-planned", "connected"),
            ("connected", "session"), ("identity-planned", "terminal"),
            ("session", "first-frame"), ("terminal", "first-frame"),
            ("first-frame", "first-page"), ("first-page", "first-full-frame"),
        ] {
            #expect(
                (firstSeen[earlier] ?? .max) <= (firstSeen[later] ?? 0),
                "\(earlier) before \(later)")
        }
        #expect(lines.last?.first == "first-full-frame", "nothing is written after it")
    }

    @Test func aRefusedKeyLeavesTheTerminalRestoredWithTheReason() throws {
        let stranger = try SSHKeygen.generate("ed25519", in: directory, name: "stranger")
        let tmux = try console(authFile: try authFile(for: stranger), trace: directory + "/none")
        defer { tmux.close() }
        try tmux.waitForExit()
        let screen = try tmux.screen()
        #expect(screen.contains("ask an owner or admin to add it"), "\(screen)")
        #expect(!screen.contains("Members"), "no console frame is left on the screen")
    }
}
