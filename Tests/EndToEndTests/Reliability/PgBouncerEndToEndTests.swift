import Foundation
import Postgres
import TestSupport
import Testing

/// The command line and the console through PgBouncer in transaction pooling: many callers
/// share a few server connections, and who is acting never carries over from one caller's
/// transaction to the next (identity is bound with transaction-local settings only).
@Suite("through PgBouncer in transaction pooling", .serialized)
final class PgBouncerEndToEndTests {
    static let poolSize = 10
    /// Who calls, and which workspace's members they must see.
    static let callers: [(email: String, workspace: String, seesAudit: Bool)] = [
        ("demo@example.com", "acme", true), ("admin@example.com", "acme", true),
        ("member@example.com", "acme", false), ("viewer@example.com", "acme", false),
        ("owner@globex.example", "globex", true), ("member@globex.example", "globex", false),
    ]

    let database: TestDatabase
    let server: ServerAddress
    let pooler: Pooler

    init() async throws {
        database = try await TestDatabase.make(.seeded)
        let admin = database.adminClient()
        try await admin.transaction { try $0.execute(script: ReliabilitySQL.secondWorkspace) }
        // Logins check bcrypt in PostgreSQL: at the lowest cost 200 of them take seconds.
        try await admin.query(
            "UPDATE users SET password_hash = crypt('demo-pass', gen_salt('bf', 4)) WHERE password_hash IS NOT NULL"
        )
        await admin.close()
        server = try ServerAddress(conninfo: try TestCluster.adminConninfo())
        pooler = try Pooler(server: server, poolSize: Self.poolSize)
    }

    deinit { pooler.close() }

    var pooled: String { pooler.address.conninfo(user: "console_app", database: database.name) }
    var direct: String { server.conninfo(user: "console_app", database: database.name) }

    /// One verb as `email`: the exit status and, for `team list`, the emails it listed.
    static func call(_ verb: [String], as email: String, on conninfo: String) throws -> String {
        let result = try ProcessRun.run(
            [Binary.path] + verb + ["--database", conninfo, "--user", email, "--password-stdin"],
            input: "demo-pass\n",
            environment: [
                "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8",
            ])
        guard result.status == 0, verb.first == "team" else { return "exit \(result.status)" }
        struct Row: Decodable { let email: String }
        let rows = try JSONDecoder().decode([Row].self, from: Data(result.stdout.utf8))
        return "exit 0: " + rows.map(\.email).sorted().joined(separator: ",")
    }

    static func verb(_ index: Int) -> [String] {
        index % 2 == 0 ? ["team", "list", "--json"] : ["audit", "list", "--json", "--limit", "1"]
    }

    @Test func twoHundredConcurrentCallersOfMixedRolesEachGetTheirOwnResults() throws {
        // What each caller must get, asked directly of the server one at a time.
        var expected: [String: String] = [:]
        for caller in Self.callers {
            for index in 0..<2 {
                expected["\(caller.email) \(index)"] = try Self.call(
                    Self.verb(index), as: caller.email, on: direct)
            }
            #expect(expected["\(caller.email) 1"] == (caller.seesAudit ? "exit 0" : "exit 3"))
        }
        #expect(expected["demo@example.com 0"] != expected["owner@globex.example 0"])
        #expect(expected["demo@example.com 0"]?.contains("pending@example.com") == true)

        let answers = Shared<[(String, String)]>([])
        let peak = Shared(0)
        let done = Shared(false)
        let superuser = server.conninfo(user: "postgres", database: "postgres")
        let name = database.name
        Thread.detachNewThread {
            guard let connection = try? PostgresConnection(conninfo: superuser) else { return }
            defer { connection.close() }
            while !done.value.withLock({ $0 }) {
                let rows = try? connection.query(
                    "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND usename = 'console_app'",
                    [name])
                let count = (try? rows?.first?.int("n")) ?? 0
                peak.value.withLock { $0 = max($0, count) }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        let sessions = 200
        let group = DispatchGroup()
        let pooled = self.pooled
        for index in 0..<sessions {
            let caller = Self.callers[index % Self.callers.count]
            let verb = Self.verb(index / Self.callers.count)
            group.enter()
            Thread.detachNewThread {
                let answer = (try? Self.call(verb, as: caller.email, on: pooled)) ?? "failed to run"
                answers.value.withLock {
                    $0.append(("\(caller.email) \((index / Self.callers.count) % 2)", answer))
                }
                group.leave()
            }
        }
        group.wait()
        done.value.withLock { $0 = true }

        let all = answers.value.withLock { $0 }
        #expect(all.count == sessions)
        let wrong = all.filter { expected[$0.0] != $0.1 }
        #expect(wrong.isEmpty, "callers that got someone else's answer: \(wrong.prefix(5))")
        let servers = peak.value.withLock { $0 }
        #expect(servers <= Self.poolSize, "PgBouncer opened \(servers) server connections")
        print(
            "pgbouncer: \(sessions) concurrent CLI sessions, \(wrong.count) wrong answers, peak \(servers) server connections"
        )
    }

    /// After many callers, every pooled server connection is held at once and asked who it
    /// thinks is acting: nobody.
    @Test func noPooledServerConnectionKeepsAnIdentity() throws {
        for index in 0..<(Self.callers.count * 2) {
            let caller = Self.callers[index % Self.callers.count]
            _ = try Self.call(Self.verb(index), as: caller.email, on: pooled)
        }
        let clients = try (0..<Self.poolSize).map { _ in try PostgresConnection(conninfo: pooled) }
        defer { clients.forEach { $0.close() } }
        var backends = Set<Int>()
        for client in clients {
            try client.query("BEGIN")
            let row = try client.query(
                """
                SELECT pg_backend_pid() AS pid, current_user AS who,
                       coalesce(current_setting('app.current_user_id', true), '') AS user_id,
                       coalesce(current_setting('app.current_workspace_id', true), '') AS workspace_id
                """
            ).first
            backends.insert(try row?.int("pid") ?? 0)
            #expect(try row?.text("who") == "console_app")
            #expect(try row?.text("user_id") == "", "a pooled connection still names a user")
            #expect(try row?.text("workspace_id") == "", "a pooled connection names a workspace")
        }
        #expect(backends.count == Self.poolSize, "each client holds a server connection of its own")
        for client in clients { try client.query("COMMIT") }
    }

    /// The console through the pooler, listening on the server directly: it shows a change
    /// made by another caller through the pooler without being asked.
    @Test func theConsoleWorksThroughThePoolerAndListensDirectly() throws {
        let tmux = try TmuxSession(
            command:
                "\(TmuxSession.quote(Binary.path)) --database \(TmuxSession.quote(pooled)) --listen-database \(TmuxSession.quote(direct)) --user demo@example.com --poll-interval 0"
        )
        defer { tmux.close() }
        try tmux.waitFor(text: "Password")
        try tmux.send("demo-pass", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor(text: "pending@example.com")
        try tmux.waitFor(text: "● live")
        let invite = try ProcessRun.run(
            [
                Binary.path, "team", "invite", "pooled@example.com", "--role", "viewer",
                "--database",
                pooled, "--user", "admin@example.com", "--password-stdin",
            ],
            input: "demo-pass\n",
            environment: ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()])
        #expect(invite.status == 0, "\(invite.stderr)")
        try tmux.waitFor(text: "pooled@example.com", timeout: 10)
        try tmux.send("q")
        try tmux.waitForExit()
    }

    /// `--listen-database none`: no LISTEN at all, the console polls.
    @Test func withoutADirectConninfoTheConsolePolls() throws {
        let tmux = try TmuxSession(
            command:
                "\(TmuxSession.quote(Binary.path)) --database \(TmuxSession.quote(pooled)) --listen-database none --user viewer@example.com --poll-interval 1"
        )
        defer { tmux.close() }
        try tmux.waitFor(text: "Password")
        try tmux.send("demo-pass", literal: true)
        try tmux.send("Enter")
        let screen = try tmux.waitFor(text: "pending@example.com")
        #expect(!screen.contains("● live"))
        let invite = try ProcessRun.run(
            [
                Binary.path, "team", "invite", "polled@example.com", "--role", "viewer",
                "--database",
                pooled, "--user", "admin@example.com", "--password-stdin",
            ],
            input: "demo-pass\n",
            environment: ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()])
        #expect(invite.status == 0, "\(invite.stderr)")
        try tmux.waitFor(text: "polled@example.com", timeout: 10)
        #expect(!(try tmux.screen()).contains("● live"))
        try tmux.send("q")
        try tmux.waitForExit()
    }
}
