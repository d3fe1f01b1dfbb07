import Foundation
import Postgres
import Testing

/// The console's own server frozen (`kill -STOP`) or crashed and started again while the user
/// types and while a change is in flight: the console says so, keeps what was typed, resumes
/// by itself, and leaves no change half-made.
@Suite("database outages in a real terminal", .serialized)
struct OutageEndToEndTests {
    /// The console on a migrated, seeded cluster of its own, logged in as the owner. It never
    /// polls: what it does after an outage must come from the outage's end, not from the
    /// periodic reload (which would hide a console that forgot the search typed meanwhile).
    private func console(on cluster: PrivateCluster) throws -> TmuxSession {
        for verb in ["migrate", "seed"] {
            try ProcessRun.check([Binary.path, verb, "--database", cluster.superuser])
        }
        let conninfo = cluster.address.conninfo(user: "console_app", database: "postgres")
        let tmux = try TmuxSession(
            command:
                "\(TmuxSession.quote(Binary.path)) --database \(TmuxSession.quote(conninfo)) --poll-interval 0 --user demo@example.com"
        )
        try tmux.waitFor(text: "Password")
        try tmux.send("demo-pass", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor(text: "pending@example.com")
        return tmux
    }

    /// The status line's "database not answering (N s)", if shown.
    private func notAnsweringAge(_ screen: String) -> Int? {
        screen.firstMatch(of: /database not answering \((\d+) s\)/).flatMap { Int($0.1) }
    }

    /// The search prompt shows `search` and the table lists that one member only.
    private func listsOnly(_ search: String, _ screen: String) -> Bool {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.firstIndex(where: { $0.contains("Last active") }) else {
            return false
        }
        let rows = lines[(header + 1)...].prefix {
            !$0.trimmingCharacters(in: .whitespaces).isEmpty
        }
        return rows.count == 1 && rows.first?.contains(search) == true
    }

    /// Frozen (`kill -STOP` on the postmaster and its backends): the status line names the
    /// outage with the oldest request's age, typing goes on (a search, the invite form), and
    /// on thawing the waiting requests complete by themselves, once each.
    @Test func aFrozenDatabaseIsNamedWithItsAgeAndTheConsoleRecoversWithTheSearchKept() throws {
        let cluster = try PrivateCluster(label: "freeze")
        defer { cluster.close() }
        let tmux = try console(on: cluster)
        defer { tmux.close() }

        let postmaster = try cluster.postmasterPID()
        let frozen = [postmaster] + childProcesses(of: postmaster)
        for pid in frozen { kill(pid, SIGSTOP) }
        var thawed = false
        defer { if !thawed { for pid in frozen { kill(pid, SIGCONT) } } }
        let frozenAt = Date()

        try tmux.send("/")
        try tmux.send("vie", literal: true)
        let first = try tmux.waitFor("the notice", timeout: 15) { notAnsweringAge($0) != nil }
        let firstAge = try #require(notAnsweringAge(first))
        #expect(firstAge >= 3 && firstAge < 10, "\(first)")
        #expect(first.contains("/vie"))
        // The rest of the search supersedes the stuck one, whose statement the console cancels
        // on a server that cannot take the request: typing must go on regardless.
        try tmux.send("wer", literal: true)
        try tmux.waitFor(text: "/viewer", timeout: 5)
        let later = try tmux.waitFor("the age to grow", timeout: 10) {
            (notAnsweringAge($0) ?? 0) >= firstAge + 2
        }
        #expect(later.contains("/viewer"), "the search typed is kept")

        // The invite form, typed and sent while frozen: it keeps what was typed, and the
        // invitation goes out once, when the server thaws.
        try tmux.send("Escape")  // closes the prompt; "viewer" stays the list's filter
        try tmux.send("i")
        try tmux.waitFor(text: "Invite a member", timeout: 5)
        try tmux.send("frozen@example.com", literal: true)
        try tmux.waitFor(text: "frozen@example.com", timeout: 5)
        try tmux.send("Enter")
        let sending = try tmux.waitFor(text: "Sending…", timeout: 5)
        #expect(sending.contains("frozen@example.com"), "the form keeps the email")
        #expect(notAnsweringAge(sending) != nil)
        let lastAge = notAnsweringAge(sending) ?? 0

        for pid in frozen { kill(pid, SIGCONT) }
        thawed = true
        let thawedAt = Date()
        let receipt = try tmux.waitFor("the invitation's link, the notice gone", timeout: 30) {
            notAnsweringAge($0) == nil && $0.contains("will not be shown again")
        }
        #expect(receipt.contains("frozen@example.com"))
        let answeredAfter = Date().timeIntervalSince(thawedAt)
        try tmux.send("Enter")
        let recovered = try tmux.waitFor("the search's answer", timeout: 30) {
            listsOnly("viewer", $0) && $0.contains("search: \"viewer\"")
        }
        #expect(recovered.contains("● connected") || recovered.contains("● live"))
        let database = try PostgresConnection(conninfo: cluster.superuser)
        defer { database.close() }
        let counts = try database.query(
            """
            SELECT (SELECT count(*) FROM team_members WHERE invitation_email = 'frozen@example.com') AS invited,
                   (SELECT count(*) FROM audit_logs WHERE action = 'team.invite') AS audits
            """
        ).first
        #expect(try counts?.int("invited") == 1, "one invitation")
        #expect(try counts?.int("audits") == 1, "one audit row")
        try tmux.send("q")
        try tmux.waitForExit()
        print(
            "fault frozen: notice at \(firstAge) s, grew to \(lastAge) s over "
                + "\(Int(thawedAt.timeIntervalSince(frozenAt))) s frozen; the invitation sent "
                + "while frozen answered " + String(format: "%.1f", answeredAfter)
                + " s after thawing (1 row, 1 audit row)")
    }

    /// The server crashes (`pg_ctl -m immediate`) while a role change waits on a row lock,
    /// the user types a search while it is down, and the server starts again: the console says
    /// "reconnecting…", then runs the search by itself; the role change was not applied, and
    /// left no audit row.
    @Test func aRestartMidWriteAndMidTypingResumesWithNothingHalfApplied() throws {
        let cluster = try PrivateCluster(label: "restart")
        defer { cluster.close() }
        let tmux = try console(on: cluster)
        defer { tmux.close() }

        // Someone else holds the member's row, so the role change waits in its transaction.
        let holder = try PostgresConnection(conninfo: cluster.superuser)
        try holder.query("BEGIN")
        try holder.query(
            "SELECT tm.id FROM team_members tm JOIN users u ON u.id = tm.user_id WHERE u.email = 'member@example.com' FOR UPDATE OF tm"
        )
        try tmux.send("/")
        try tmux.send("member@", literal: true)
        try tmux.waitFor("member@ listed alone") { listsOnly("member@example.com", $0) }
        try tmux.send("Enter")
        try tmux.send("c")
        try tmux.waitFor(text: "New role")
        try tmux.send("a")
        try tmux.send("Enter")
        let deadline = Date().addingTimeInterval(20)
        var waiting = false
        while Date() < deadline, !waiting {
            waiting =
                try holder.query(
                    "SELECT count(*) AS n FROM pg_stat_activity WHERE usename = 'console_app' AND wait_event_type = 'Lock'"
                ).first?.int("n") == 1
            if !waiting { Thread.sleep(forTimeInterval: 0.1) }
        }
        try #require(waiting, "the role change never waited on the lock")

        try cluster.crash()
        holder.close()
        let outage = try tmux.waitFor("reconnecting", timeout: 15) {
            $0.contains("reconnecting…")
        }
        #expect(!outage.contains("SQLSTATE"), "no raw libpq text")
        try tmux.send("/")
        try tmux.send("C-u")
        try tmux.send("vie", literal: true)
        try tmux.waitFor(text: "/vie")
        try tmux.send("wer", literal: true)
        let down = try tmux.waitFor(text: "/viewer")
        #expect(down.contains("reconnecting…"), "\(down)")

        let restartedAt = Date()
        try cluster.startAgain()
        let resumed = try tmux.waitFor("the search to run by itself", timeout: 30) {
            ($0.contains("● connected") || $0.contains("● live")) && listsOnly("viewer", $0)
        }
        #expect(resumed.contains("/viewer"), "the prompt keeps what was typed")

        let admin = try PostgresConnection(conninfo: cluster.superuser)
        defer { admin.close() }
        let role = try admin.query(
            "SELECT tm.role FROM team_members tm JOIN users u ON u.id = tm.user_id WHERE u.email = 'member@example.com'"
        ).first?.string("role")
        #expect(role == "member", "the change cut off before COMMIT is not applied")
        let audits = try admin.query(
            "SELECT count(*) AS n FROM audit_logs WHERE action = 'team.change_role'"
        ).first?.int("n")
        #expect(audits == 0, "and left no audit row")
        try tmux.send("Escape")
        try tmux.send("q")
        try tmux.waitForExit()
        print(
            "fault restart: role change cut mid-write (not applied, 0 audit rows); search typed "
                + "while down answered "
                + String(format: "%.1f", Date().timeIntervalSince(restartedAt))
                + " s after the restart began")
    }
}
