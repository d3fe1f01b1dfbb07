import Domain
import Foundation
import Testing
import ViewModels

@testable import TUI

/// The login screen as text snapshots (`__Snapshots__/login-*`): empty, typed with the
/// password masked, refused, locked, and a terminal too small for the form.
@Suite("Login screen snapshots")
struct LoginScreenSnapshotTests {
    func typed(_ email: String, _ password: String) -> LoginState {
        var state = LoginState(email: email)
        for character in password { _ = state.update(.typed(character)) }
        return state
    }

    @Test func emptyFormAt80x24() {
        assertSnapshot(
            LoginScreen.render(LoginState(), size: Size(width: 80, height: 24)),
            named: "login-empty-80x24", styled: true)
    }

    @Test func thePasswordIsNeverDrawn() {
        let canvas = LoginScreen.render(
            typed("admin@example.com", "demo-pass"), size: Size(width: 80, height: 24))
        #expect(canvas.text().contains("admin@example.com"))
        #expect(!canvas.text().contains("demo-pass"))
        #expect(canvas.text().contains("•••••••••"))
        assertSnapshot(canvas, named: "login-typed-80x24")
    }

    @Test func aRefusalKeepsTheEmailAndWarnsOfTheLockout() {
        var state = typed("admin@example.com", "wrong")
        _ = state.update(.submitted)
        _ = state.update(.loginFinished(.failure(.invalidCredentials)))
        let canvas = LoginScreen.render(state, size: Size(width: 100, height: 30))
        #expect(canvas.text().contains("✖ Invalid credentials"))
        #expect(canvas.text().contains("admin@example.com"))
        #expect(
            canvas.text().replacingOccurrences(of: "\n", with: " ").contains("lock the account"))
        assertSnapshot(canvas, named: "login-invalid-100x30", styled: true)
    }

    @Test func aLockedAccountSaysForHowLong() {
        var state = typed("admin@example.com", "demo-pass")
        _ = state.update(.submitted)
        _ = state.update(
            .loginFinished(
                .failure(.locked(reason: "too many failed attempts; try again in 15 minutes"))))
        let canvas = LoginScreen.render(state, size: Size(width: 60, height: 18))
        #expect(canvas.text().replacingOccurrences(of: "\n", with: " ").contains("Account locked"))
        assertSnapshot(canvas, named: "login-locked-60x18")
    }

    @Test func whileCheckingTheButtonSaysSo() {
        var state = typed("admin@example.com", "demo-pass")
        _ = state.update(.submitted)
        let canvas = LoginScreen.render(state, size: Size(width: 80, height: 24))
        #expect(canvas.text().contains("Signing in…"))
        assertSnapshot(canvas, named: "login-submitting-80x24")
    }

    @Test func tooSmallSaysWhatItNeeds() {
        let canvas = LoginScreen.render(LoginState(), size: Size(width: 30, height: 8))
        let text = canvas.text().replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("44x14"))
        #expect(text.contains("Esc to quit"))
        #expect(!text.contains("press q"), "q is text on the login screen")
    }

    @Test func keysMapToLoginActions() {
        #expect(LoginKeys.action(for: .character("q")) == .typed("q"))
        #expect(LoginKeys.action(for: .escape) == .quitRequested)
        #expect(LoginKeys.action(for: .control("c")) == .quitRequested)
        #expect(LoginKeys.action(for: .enter) == .submitted)
        #expect(LoginKeys.action(for: .tab) == .nextField)
        #expect(LoginKeys.action(for: .backTab) == .previousField)
        #expect(LoginKeys.action(for: .backspace) == .backspace)
        #expect(LoginKeys.action(for: .control("u")) == .fieldCleared)
        #expect(LoginKeys.action(for: .resize) == nil)
    }
}
