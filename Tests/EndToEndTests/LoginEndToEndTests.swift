import Foundation
import Postgres
import TestSupport
import Testing

/// `settings-console` with neither an SSH key nor `--user`, in a real terminal: the login
/// screen, its refusals, the lockout that outlives the process, and the console after it.
@Suite("Login screen in a real terminal", .serialized)
struct LoginEndToEndTests {
    let database: TestDatabase
    let conninfo: String

    init() async throws {
        database = try await TestDatabase.make(.seeded)
        conninfo = database.adminConninfo + " dbname=\(database.name) user=console_app"
    }

    func console() throws -> TmuxSession {
        try TmuxSession(
            command: "\(TmuxSession.quote(Binary.path)) --database \(TmuxSession.quote(conninfo))",
            width: 100, height: 30)
    }

    /// Types one attempt: the email (when given), then the password, each with Enter.
    func attempt(_ tmux: TmuxSession, email: String? = nil, password: String) throws {
        if let email {
            try tmux.send("C-u")
            try tmux.send(email, literal: true)
            try tmux.send("Enter")
        }
        try tmux.send(password, literal: true)
        try tmux.send("Enter")
    }

    func authEvents() async throws -> [String] {
        try await database.adminClient().query(
            """
            SELECT action || ' ' || (changes ->> 'method') AS event FROM audit_logs
            WHERE action LIKE 'auth.%' ORDER BY created_at, id
            """
        ).rows.map { try $0.string("event") }
    }

    @Test func aWrongPasswordIsRefusedThenTheRightOneOpensTheConsole() async throws {
        let tmux = try console()
        defer { tmux.close() }
        try tmux.waitFor(text: "sign in")
        try attempt(tmux, email: "admin@example.com", password: "not-the-password")
        let refused = try tmux.waitFor(text: "Invalid credentials")
        #expect(refused.contains("admin@example.com"), "the email stays after a refusal")
        #expect(!refused.contains("not-the-password"))
        try attempt(tmux, password: "demo-pass")
        try tmux.waitFor("the console as the admin") {
            $0.contains("admin@example.com (admin)") && $0.contains("pending@example.com")
        }
        try tmux.send("q")
        try tmux.waitForExit()
        #expect(try await authEvents() == ["auth.failed password", "auth.login password"])
    }

    /// Five failures within 15 minutes lock the account, counted in the database: quitting
    /// and starting again does not reset them.
    @Test func theLockoutOutlivesTheProcess() async throws {
        let first = try console()
        defer { first.close() }
        try first.waitFor(text: "sign in")
        for number in 1...3 {
            try attempt(
                first, email: number == 1 ? "viewer@example.com" : nil, password: "wrong-\(number)")
            try await waitUntilRefused(first, failures: number)
        }
        try first.send("Escape")
        try first.waitForExit()

        let second = try console()
        defer { second.close() }
        try second.waitFor(text: "sign in")
        for number in 4...5 {
            try attempt(
                second, email: number == 4 ? "viewer@example.com" : nil, password: "wrong-\(number)"
            )
            try await waitUntilRefused(second, failures: number)
        }
        try attempt(second, password: "demo-pass")
        let locked = try second.waitFor(text: "Account locked")
        #expect(!locked.contains("viewer@example.com (viewer)"))
        try second.send("C-c")
        try second.waitForExit()
    }

    /// Waits until the database has recorded `failures` refusals and the screen has taken the
    /// last one in (no "Signing in…"), so the next keys reach an idle form.
    func waitUntilRefused(_ tmux: TmuxSession, failures: Int) async throws {
        let deadline = Date().addingTimeInterval(20)
        while try await authEvents().filter({ $0 == "auth.failed password" }).count < failures {
            guard Date() < deadline else {
                throw TmuxSession.Failure(description: "refusal \(failures) never recorded")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        try tmux.waitFor("the form to take refusal \(failures)") {
            !$0.contains("Signing in…") && $0.contains("Invalid credentials")
        }
    }

    @Test func escapeLeavesWithoutLoggingAnyoneIn() async throws {
        let tmux = try console()
        defer { tmux.close() }
        try tmux.waitFor(text: "sign in")
        try tmux.send("Escape")
        try tmux.waitForExit()
        #expect(try await authEvents().isEmpty)
    }

    @Test func withoutATerminalThereIsNoLoginScreenAndNoGuess() throws {
        let result = try ProcessRun.run([Binary.path, "--database", conninfo])
        #expect(result.status == 64)
        #expect(
            result.stderr.contains("without a terminal there is no login screen"),
            "\(result.stderr)")
    }
}
