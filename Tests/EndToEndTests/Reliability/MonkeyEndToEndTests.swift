import Foundation
import Postgres
import TestSupport
import Testing

/// Random keys at the real binary, one console per role on a seeded test database, in tmux: printable text, control keys,
/// named keys, raw escape sequences (whole, cut short, unknown) and resizes down to 10x4.
/// The console must neither crash nor hang, and the database invariants must hold afterwards,
/// with an audit row for the last change of every row the monkey changed.
///
/// `SC_MONKEY_KEYS` sets the keys per role (default 600; `make reliability`: 25,000, so
/// 100,000 in all); `SC_SEED` replays a run. The seed is printed, and named on failure.
@Suite("monkey: random keys per role", .serialized)
struct MonkeyEndToEndTests {
    @Test(arguments: ["owner", "admin", "member", "viewer"])
    func randomKeysNeitherCrashNorHangAndKeepTheInvariants(_ role: String) async throws {
        if let only = ProcessInfo.processInfo.environment["SC_MONKEY_ROLE"], only != role { return }
        let keys = ReliabilitySize.value("SC_MONKEY_KEYS", default: 600)
        var random = SeededRandom.fromEnvironment()
        let seed = random.seed
        let database = try await TestDatabase.make(.seeded)
        let demo = try ConsoleRun(email: Monkey.emails[role] ?? "", on: database)
        defer { demo.close() }
        let start = try demo.value("SELECT clock_timestamp()::text") ?? ""
        var sent = 0
        var resizes = 0
        var checks = 0
        var recent: [String] = []
        while sent < keys {
            let batch = Monkey.batch(using: &random)
            switch batch {
            case .names(let names):
                try demo.tmux.send(keys: names)
                sent += names.count
            case .literal(let text):
                try demo.tmux.send(text, literal: true)
                sent += text.count
            case .resize(let width, let height):
                try demo.tmux.resize(width: width, height: height)
                resizes += 1
            }
            recent = Array((recent + [batch.description]).suffix(12))
            checks += 1
            if checks % 10 == 0, try demo.tmux.hasExited() {
                Issue.record(
                    "seed \(seed): the console exited after \(sent) keys; last: \(recent)\n\(try demo.tmux.screen())"
                )
                return
            }
        }
        // Still answering: tmux holds what the console has not read yet, so a marker typed
        // last shows only once every key before it was handled. Back to a normal size, out
        // of any dialog, and search the Team list for the marker.
        let typed = Date()
        try demo.tmux.resize(width: 120, height: 40)
        try demo.press("Escape", "Escape", "Escape", "C-u", "Escape", "1", "/", "C-u")
        try demo.type("zzmonkeyend")
        try demo.press("Enter")
        try demo.tmux.waitFor("the console to handle every key (seed \(seed))", timeout: 240) {
            $0.contains("search: \"zzmonkeyend\"")
        }
        let drained = Date().timeIntervalSince(typed)
        #expect(!(try demo.tmux.hasExited()), "seed \(seed)")

        let violations =
            try DatabaseInvariants.violations(on: demo.database)
            + (try demo.database.query(Monkey.unauditedChangesSQL, [start]).rows.map {
                try $0.string("problem")
            })
        let mutations =
            try demo.value(
                "SELECT count(*) FROM audit_logs WHERE created_at >= $1::timestamptz AND action NOT LIKE 'auth.%'",
                [start]) ?? "0"
        print(
            "monkey \(role): seed \(seed), \(sent) keys, \(resizes) resizes, \(mutations) audited mutations, \(violations.count) violations, caught up \(String(format: "%.1f", drained)) s after the last key"
        )
        #expect(violations.isEmpty, "seed \(seed): \(violations)")
        let activity = try demo.value(
            "SELECT string_agg(state || ': ' || left(query, 80), ' | ') FROM pg_stat_activity WHERE usename = 'console_app'"
        )
        let pids = try demo.tmux.paneProcesses()
        try demo.press("Escape", "Escape", "Escape", "q")
        do {
            try demo.tmux.waitForExit()
        } catch {
            let threads = pids.map { pid in
                let tasks =
                    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task"))
                    ?? []
                return "\(pid): "
                    + tasks.map { task in
                        (try? String(
                            contentsOfFile: "/proc/\(pid)/task/\(task)/wchan", encoding: .utf8))
                            ?? "?"
                    }.joined(separator: ",")
            }
            Issue.record(
                "seed \(seed): quitting hung; before: \(activity ?? "-"); threads: \(threads); screen:\n\((try? demo.tmux.screen()) ?? "")"
            )
        }
    }
}

/// What the monkey types.
enum Monkey {
    /// The seeded user of each role.
    static let emails = [
        "owner": "demo@example.com", "admin": "admin@example.com", "member": "member@example.com",
        "viewer": "viewer@example.com",
    ]

    enum Batch: CustomStringConvertible {
        case names([String])
        case literal(String)
        case resize(Int, Int)

        var description: String {
            switch self {
            case .names(let names): names.joined(separator: " ")
            case .literal(let text): text.debugDescription
            case .resize(let width, let height): "resize \(width)x\(height)"
            }
        }
    }

    /// tmux key names: movement, editing, function keys, and control keys other than those
    /// that stop or suspend the process (C-c, C-z, C-\) or the flow (C-s, C-q).
    static let named =
        [
            "Up", "Down", "Left", "Right", "PageUp", "PageDown", "Home", "End", "Enter", "Tab",
            "BTab", "Escape", "BSpace", "DC", "IC", "Space", "F1", "F2", "F5", "F10", "F12",
            "M-a", "M-x", "M-Enter", "C-Up", "S-Left",
        ] + "abdefghijklmnoprtuvwxy".map { "C-\($0)" }

    /// Raw escape sequences: real ones, ones cut short, unknown ones, a paste bracket, OSC, DCS
    /// (none holding a `q`: the decoder reads an unknown sequence's tail as keys).
    static let sequences = [
        "\u{1B}[A", "\u{1B}[1;5C", "\u{1B}[5~", "\u{1B}[999~", "\u{1B}[", "\u{1B}O", "\u{1B}OP",
        "\u{1B}[200~pasted\u{1B}[201~", "\u{1B}]0;title\u{07}", "\u{1B}[?1049h", "\u{1B}\u{1B}",
        "\u{1B}[M !!", "\u{1B}[<0;10;5M", "\u{9B}2J", "\u{1B}P1$r0m\u{1B}\\",
    ]

    /// Printable text, without `q` and `Q` (quitting would end the run, not test it), `-`
    /// (tmux would read a leading one as an option) and `;` (tmux's command separator).
    static let printable = Array(
        "abcdefghijklmnoprstuvwxyzABCDEFGHIJKLMNOPRSTUVWXYZ0123456789 :/?_.,@!#$%^&*()[]{}<>|'\"`~=+éß日本€"
    )

    static func batch(using random: inout SeededRandom) -> Batch {
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<3:
            return .resize(
                Int.random(in: 10...140, using: &random), Int.random(in: 4...50, using: &random))
        case 3..<15:
            return .literal(sequences.randomElement(using: &random) ?? "\u{1B}")
        case 15..<55:
            let count = Int.random(in: 1...12, using: &random)
            return .literal(
                String((0..<count).map { _ in printable.randomElement(using: &random) ?? "a" }))
        default:
            let count = Int.random(in: 1...8, using: &random)
            return .names((0..<count).map { _ in named.randomElement(using: &random) ?? "Up" })
        }
    }

    /// Rows changed since $1 whose last change has no audit row in the same transaction
    /// (`updated_at` and the audit row's `created_at` are both that transaction's now()).
    static let unauditedChangesSQL: SQL = """
        SELECT 'team_members ' || t.id || ' changed at ' || t.updated_at || ' without an audit row' AS problem
        FROM team_members t
        WHERE t.updated_at >= $1::timestamptz
          AND NOT EXISTS (SELECT 1 FROM audit_logs a WHERE a.resource_id = t.id
                          AND a.created_at = t.updated_at)
        UNION ALL
        SELECT 'integrations_config ' || i.id || ' changed at ' || i.updated_at || ' without an audit row'
        FROM integrations_config i
        WHERE i.updated_at >= $1::timestamptz
          AND NOT EXISTS (SELECT 1 FROM audit_logs a WHERE a.resource_id = i.id
                          AND a.created_at = i.updated_at)
        UNION ALL
        SELECT 'two audit rows for one change: ' || action || ' ' || resource_id
        FROM audit_logs WHERE created_at >= $1::timestamptz AND resource_id IS NOT NULL
        GROUP BY action, resource_id, created_at HAVING count(*) > 1
        """
}

extension TmuxSession {
    /// Sends several named keys in one tmux call.
    func send(keys: [String]) throws {
        try Self.tmux(socket, ["send-keys", "-t", "0"] + keys)
    }
}
