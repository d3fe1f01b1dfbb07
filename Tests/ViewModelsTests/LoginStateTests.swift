import Domain
import Foundation
import Testing
import ViewModels

/// The login screen's update function as plain call sequences: typing, moving between
/// fields, submitting, and what a refusal leaves behind.
@Suite struct LoginStateTests {
    /// Types `text` into the focused field.
    func type(_ text: String, into state: inout LoginState) {
        for character in text { #expect(state.update(.typed(character)).isEmpty) }
    }

    @Test func enterOnTheEmailMovesOnThenSignsIn() {
        var state = LoginState()
        type("admin@example.com", into: &state)
        #expect(state.update(.submitted).isEmpty)
        #expect(state.focus == .password)
        #expect(state.error == nil)
        type("demo-pass", into: &state)
        #expect(
            state.update(.submitted) == [
                .authenticate(email: "admin@example.com", password: "demo-pass")
            ])
        #expect(state.isSubmitting)
        // A second Enter while the check runs sends nothing more, and typing waits.
        #expect(state.update(.submitted).isEmpty)
        #expect(state.update(.typed("x")).isEmpty)
        #expect(state.password == "demo-pass")
    }

    @Test func aWrongPasswordSaysSoKeepsTheEmailAndClearsThePassword() {
        var state = LoginState(email: "admin@example.com")
        #expect(state.focus == .password)
        type("wrong", into: &state)
        _ = state.update(.submitted)
        #expect(state.update(.loginFinished(.failure(.invalidCredentials))).isEmpty)
        #expect(state.error == "Invalid credentials")
        #expect(state.email == "admin@example.com")
        #expect(state.password.isEmpty)
        #expect(state.focus == .password)
        #expect(state.attempts == 1)
        #expect(!state.isSubmitting)
        #expect(state.session == nil)
        #expect(!state.isFinished)
    }

    @Test func aLockedAccountShowsTheLockout() {
        var state = LoginState(email: "admin@example.com")
        type("demo-pass", into: &state)
        _ = state.update(.submitted)
        _ = state.update(
            .loginFinished(
                .failure(.locked(reason: "too many failed attempts; try again in 15 minutes"))))
        #expect(state.error == "Account locked: too many failed attempts; try again in 15 minutes")
        #expect(state.password.isEmpty)
        #expect(state.attempts == 1)
    }

    @Test func anUnreachableDatabaseKeepsThePasswordForARetry() {
        var state = LoginState(email: "admin@example.com")
        type("demo-pass", into: &state)
        _ = state.update(.submitted)
        _ = state.update(
            .loginFinished(
                .failure(.unavailable(reason: "the connection to PostgreSQL was lost; try again"))))
        #expect(state.error?.hasPrefix("Database unavailable") == true)
        #expect(state.password == "demo-pass")
        #expect(state.attempts == 0)
        #expect(
            state.update(.submitted) == [
                .authenticate(email: "admin@example.com", password: "demo-pass")
            ])
    }

    @Test func successEndsTheScreenWithTheSessionAndForgetsThePassword() {
        var state = LoginState(email: "viewer@example.com")
        type("demo-pass", into: &state)
        _ = state.update(.submitted)
        let session = Fixtures.session(.viewer)
        _ = state.update(.loginFinished(.success(session)))
        #expect(state.session == session)
        #expect(state.isFinished)
        #expect(state.password.isEmpty)
    }

    @Test func emptyFieldsAreExplainedNotSent() {
        var state = LoginState()
        #expect(state.update(.submitted).isEmpty)
        #expect(state.error == "Enter your email address")
        type("  ", into: &state)
        #expect(state.update(.submitted).isEmpty)
        #expect(state.error == "Enter your email address")
        _ = state.update(.fieldCleared)
        type("a@b.co", into: &state)
        _ = state.update(.nextField)
        #expect(state.update(.submitted).isEmpty)
        #expect(state.error == "Enter your password")
        #expect(state.focus == .password)
    }

    @Test func editingTouchesOnlyTheFocusedField() {
        var state = LoginState()
        type("ab", into: &state)
        _ = state.update(.nextField)
        type("secret", into: &state)
        _ = state.update(.backspace)
        #expect(state.password == "secre")
        _ = state.update(.previousField)
        _ = state.update(.backspace)
        #expect(state.email == "a")
        _ = state.update(.nextField)
        _ = state.update(.fieldCleared)
        #expect(state.password.isEmpty)
        #expect(state.email == "a")
    }

    @Test func inputIsCappedAtWhatTheAuthenticatorAccepts() {
        var state = LoginState()
        type(String(repeating: "a", count: LoginState.maximumEmail + 10), into: &state)
        #expect(state.email.count == LoginState.maximumEmail)
        _ = state.update(.nextField)
        type(String(repeating: "p", count: LoginState.maximumPassword + 10), into: &state)
        #expect(state.password.count == LoginState.maximumPassword)
    }

    @Test func quittingForgetsThePassword() {
        var state = LoginState(email: "admin@example.com")
        type("demo-pass", into: &state)
        #expect(state.update(.quitRequested).isEmpty)
        #expect(state.isQuitting)
        #expect(state.isFinished)
        #expect(state.password.isEmpty)
        #expect(state.session == nil)
    }
}
