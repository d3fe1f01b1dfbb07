import Domain
import Foundation
import TestSupport
import Testing
import ViewModels

@testable import TUI

/// The real key loop (`ProgramLoop`, as `LoginRuntime` and `ConsoleRuntime` run it) on a
/// terminal in memory, against a real seeded database: keys in, effects on other threads,
/// drawn frames out.
@MainActor
@Suite("The program loop, driven by keys")
struct ProgramLoopTests {
    static let size = Size(width: 100, height: 30)

    /// A console logged in as the seeded user with `email`, on `terminal`.
    private func console(_ email: String, readOnly: Bool = false, terminal: ScriptedTerminal)
        async throws -> (ConsoleRuntime, TestDatabase)
    {
        let database = try await TestDatabase.make(.seeded)
        let client = database.appClient()
        let session = try await Authenticator(client: client).login(
            email: email, password: "demo-pass")
        let runner = EffectRunner(
            store: SettingsStore(client: client, session: session),
            authenticator: Authenticator(client: client))
        let runtime = ConsoleRuntime(
            state: AppState(session: session, readOnly: readOnly), runner: runner,
            terminal: terminal)
        return (runtime, database)
    }

    @Test func loginRefusesAWrongPasswordThenLetsTheRightOneIn() async throws {
        let database = try await TestDatabase.make(.seeded)
        let terminal = ScriptedTerminal(
            size: Self.size,
            ScriptedTerminal.typing("admin@example.com") + [.key(.tab)]
                + ScriptedTerminal.typing("wrong") + [
                    .key(.enter), .waitFor("Invalid credentials"),
                ]
                + Array(repeating: .key(.backspace), count: 5)
                + ScriptedTerminal.typing("demo-pass")
                + [.key(.enter), .waitForEnd])
        let runtime = LoginRuntime(
            runner: LoginRunner(authenticator: Authenticator(client: database.appClient())),
            terminal: terminal)
        let session = runtime.run()
        #expect(terminal.missed.isEmpty, "never shown: \(terminal.missed)")
        #expect(session?.email == "admin@example.com")
        #expect(session?.role == .admin)
        #expect(terminal.frames.contains { $0.text().contains("Invalid credentials") })
        // The password is drawn masked in every frame.
        #expect(!terminal.frames.contains { $0.text().contains("demo-pass") })
    }

    @Test func consoleLoadsTheTeamAndQuitsOnQ() async throws {
        let terminal = ScriptedTerminal(
            size: Self.size, [.waitFor("viewer@example.com"), .key(.character("q"))])
        let (runtime, _) = try await console("demo@example.com", terminal: terminal)
        let state = runtime.run()
        #expect(terminal.missed.isEmpty, "never shown: \(terminal.missed)")
        #expect(state.isQuitting)
        #expect(state.team.rows.contains { $0.email == "admin@example.com" })
    }

    /// Help scrolls by keys as app state: `G` goes to the last page (clamped to what the
    /// screen holds), `g` back to the top, and reopening help starts at the top again.
    @Test func helpScrollsThroughTheLoopAndStartsAtTheTopWhenReopened() async throws {
        let small = Size(width: 80, height: 24)
        let terminal = ScriptedTerminal(
            size: small,
            [
                .waitFor("viewer@example.com"), .key(.character("?")), .waitFor("Keys · Team"),
                .key(.character("G")), .waitFor("Quit"), .key(.escape),
                .key(.character("?")), .waitFor("Keys · Team"), .key(.escape),
                .key(.character("q")),
            ])
        let (runtime, _) = try await console("demo@example.com", terminal: terminal)
        let state = runtime.run()
        #expect(terminal.missed.isEmpty, "never shown: \(terminal.missed)")
        #expect(state.helpScroll == 0)
        let helpFrames = terminal.frames.map { $0.text() }.filter { $0.contains("Keys · Team") }
        let scrolled = try #require(helpFrames.first { $0.contains("Quit") })
        #expect(!scrolled.contains("Invite a member"), "the top of help is scrolled off")
        #expect(helpFrames.last?.contains("Invite a member") == true, "reopened at the top")
    }
}
