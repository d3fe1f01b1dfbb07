import Foundation
import Testing

/// `demo` must work for an ordinary user too (initdb refuses root, so root takes another path).
@Suite("demo as a normal user", .serialized)
struct NormalUserEndToEndTests {
    @Test func demoRunsAndCleansUpAsNobody() throws {
        try #require(
            geteuid() == 0,
            "this test switches to the user nobody and must start as root (as CI does)")
        let errors = "/tmp/sc-e2e-nobody-\(UUID().uuidString).err"
        let tmux = try TmuxSession(
            command:
                "runuser -u nobody -- env HOME=/tmp \(TmuxSession.quote(Binary.path)) demo --as viewer 2>\(errors)",
            width: 100, height: 30)
        defer {
            tmux.close()
            try? FileManager.default.removeItem(atPath: errors)
        }
        let screen = try tmux.waitFor(text: "pending@example.com")
        #expect(screen.contains("viewer@example.com (viewer)"))
        let text = try String(contentsOfFile: errors, encoding: .utf8)
        let directory = try #require(
            text.firstMatch(of: /\/tmp\/settings-console-demo\.[A-Za-z0-9]+/)
        ).output
        var owner = stat()
        #expect(stat(String(directory), &owner) == 0)
        #expect(owner.st_uid != 0, "the cluster belongs to the user who ran the demo")
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
