import Foundation
import Testing

/// `demo` must work for an ordinary user too (initdb refuses root, so root takes another path).
/// A normal user runs it as themselves; root runs it as `nobody`, from a copy of the binary
/// that `nobody` can reach (the checkout may be in a private directory such as /root).
@Suite("demo as a normal user", .serialized)
struct NormalUserEndToEndTests {
    @Test func demoRunsAndCleansUpAsANormalUser() throws {
        let scratch = try NormalUserScratch()
        defer { scratch.remove() }
        let errors = scratch.directory + "/demo.err"
        let command =
            geteuid() == 0
            ? "runuser -u nobody -- env HOME=/tmp \(TmuxSession.quote(scratch.binary)) demo --as viewer 2>\(TmuxSession.quote(errors))"
            : "\(TmuxSession.quote(scratch.binary)) demo --as viewer 2>\(TmuxSession.quote(errors))"
        let tmux = try TmuxSession(command: command, width: 100, height: 30)
        defer { tmux.close() }
        let screen = try tmux.waitFor(text: "pending@example.com")
        #expect(screen.contains("viewer@example.com (viewer)"))
        let text = try String(contentsOfFile: errors, encoding: .utf8)
        let directory = try #require(
            text.firstMatch(of: /\/tmp\/settings-console-demo\.[A-Za-z0-9]+/)
        ).output
        var owner = stat()
        #expect(stat(String(directory), &owner) == 0)
        #expect(owner.st_uid != 0, "the cluster belongs to the user who ran the demo")
        if geteuid() != 0 {
            #expect(owner.st_uid == geteuid(), "the cluster belongs to the user who ran the demo")
        }
        try tmux.send("q")
        try tmux.waitForExit()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, FileManager.default.fileExists(atPath: String(directory)) {
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(!FileManager.default.fileExists(atPath: String(directory)))
        #expect(processes(mentioning: String(directory)).isEmpty)
    }
}

/// A directory everyone can search, for the demo's standard error and, as root, a copy of the
/// binary that `nobody` can run.
struct NormalUserScratch {
    let directory: String
    let binary: String

    init() throws {
        var template = Array("/tmp/sc-normal-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw TmuxSession.Failure(description: "mkdtemp failed")
        }
        directory = String(cString: made)
        if geteuid() == 0 {
            chmod(directory, 0o755)
            binary = try Binary.copy(into: directory)
        } else {
            binary = Binary.path
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}
