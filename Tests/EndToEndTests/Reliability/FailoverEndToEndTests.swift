import Foundation
import Postgres
import Testing

/// A primary and a synchronous streaming standby (`pg_basebackup`); the command line and the
/// console on one multi-host conninfo with `target_session_attrs=read-write`. The primary
/// crashes (`pg_ctl -m immediate`) while a writer keeps inviting, the standby is promoted:
/// every invitation the writer was told succeeded is on the new primary, and the console,
/// left open throughout, carries on against the new primary by itself.
@Suite("failover to a promoted standby", .serialized)
struct FailoverEndToEndTests {
    /// Acknowledged writes wanted on each side of the failover.
    static let writesPerSide = 8

    @Test func noAcknowledgedWriteIsLostAndTheConsoleFollowsTheNewPrimary() throws {
        let primary = try PrivateCluster(label: "pri")
        defer { primary.close() }
        for verb in ["migrate", "seed"] {
            try ProcessRun.check([Binary.path, verb, "--database", primary.superuser])
        }
        let setup = try PostgresConnection(conninfo: primary.superuser)
        try setup.query("UPDATE billing_config SET team_members_limit = NULL")
        setup.close()
        let standby = try PrivateCluster(standbyOf: primary)
        defer { standby.close() }
        let both =
            "host=\(primary.address.host),\(standby.address.host) port=\(primary.address.port),\(standby.address.port) "
            + "user=console_app dbname=postgres target_session_attrs=read-write connect_timeout=3"

        let tmux = try TmuxSession(
            command:
                "\(TmuxSession.quote(Binary.path)) --database \(TmuxSession.quote(both)) --user demo@example.com --poll-interval 2"
        )
        defer { tmux.close() }
        try tmux.waitFor(text: "Password")
        try tmux.send("demo-pass", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor(text: "pending@example.com")

        let writer = Writer(conninfo: both)
        writer.start()
        defer { writer.stop() }
        try writer.waitFor(acknowledged: Self.writesPerSide)
        try primary.crash()
        let beforePromotion = writer.acknowledged.count
        try standby.promote()
        try writer.waitFor(acknowledged: beforePromotion + Self.writesPerSide)
        writer.stop()

        let newPrimary = try PostgresConnection(conninfo: standby.superuser)
        defer { newPrimary.close() }
        #expect(try newPrimary.query("SELECT pg_is_in_recovery() AS r").first?.bool("r") == false)
        let stored = Set(
            try newPrimary.query(
                "SELECT invitation_email AS e FROM team_members WHERE invitation_email LIKE 'failover-%'"
            ).rows.map { try $0.string("e") })
        let acknowledged = writer.acknowledged
        let lost = acknowledged.filter { !stored.contains($0) }
        #expect(lost.isEmpty, "acknowledged but missing on the new primary: \(lost)")
        print(
            "failover: \(writer.attempts) writes attempted, \(acknowledged.count) acknowledged, \(writer.failed) refused during the failover, \(lost.count) lost"
        )

        // The console, never restarted, writes to the new primary.
        try tmux.send("r")
        try tmux.waitFor("the console to be connected again", timeout: 30) {
            ($0.contains("● connected") || $0.contains("● live")) && !$0.contains("reconnecting")
        }
        try tmux.send("i")
        try tmux.waitFor(text: "Invite a member")
        try tmux.send("after-failover@example.com", literal: true)
        try tmux.send("Tab")
        try tmux.send("v", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor(text: "will not be shown again", timeout: 30)
        #expect(
            try newPrimary.query(
                "SELECT count(*) AS n FROM team_members WHERE invitation_email = 'after-failover@example.com'"
            ).first?.int("n") == 1)
        try tmux.send("Enter")
        try tmux.send("q")
        try tmux.waitForExit()
    }
}

/// Invites `failover-N@example.com` one after another through the command line and keeps
/// the emails it was told were invited (exit 0).
final class Writer: @unchecked Sendable {
    let conninfo: String
    private let lock = NSLock()
    private var ackedEmails: [String] = []
    private var attemptCount = 0
    private var failedCount = 0
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    init(conninfo: String) { self.conninfo = conninfo }

    var acknowledged: [String] { lock.withLock { ackedEmails } }
    var attempts: Int { lock.withLock { attemptCount } }
    var failed: Int { lock.withLock { failedCount } }

    func start() {
        Thread.detachNewThread { [self] in
            defer { finished.signal() }
            var index = 0
            while !lock.withLock({ stopped }) {
                index += 1
                let email = "failover-\(index)@example.com"
                let result = try? ProcessRun.run(
                    [
                        Binary.path, "team", "invite", email, "--role", "viewer", "--database",
                        conninfo, "--user", "demo@example.com", "--password-stdin",
                    ],
                    input: "demo-pass\n",
                    environment: ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()])
                lock.withLock {
                    attemptCount += 1
                    if result?.status == 0 { ackedEmails.append(email) } else { failedCount += 1 }
                }
                if result?.status != 0 { Thread.sleep(forTimeInterval: 0.2) }
            }
        }
    }

    /// Asks the writer to stop and waits for the invitation under way to finish.
    func stop() {
        let first = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        if first { _ = finished.wait(timeout: .now() + 30) }
    }

    func waitFor(acknowledged count: Int, timeout: TimeInterval = 60) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while acknowledged.count < count {
            guard Date() < deadline else {
                throw TmuxSession.Failure(
                    description: "only \(acknowledged.count) of \(count) writes acknowledged")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
}
