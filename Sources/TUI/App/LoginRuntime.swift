import Foundation
import ViewModels

/// The login screen on the program loop: read a key, update, check the password off the
/// loop, draw. Ends with the session, or nil when the user quits.
///
/// It draws on the terminal the console will use next, so logging in flows straight into
/// the console without restarting curses.
@MainActor
public final class LoginRuntime {
    private let loop: ProgramLoop<LoginState, LoginAction, LoginEffect>

    public init(state: LoginState = LoginState(), runner: LoginRunner, terminal: any Terminal) {
        loop = ProgramLoop(state: state, program: Self.program(runner), terminal: terminal)
    }

    public func run() -> Session? {
        loop.run().session
    }

    /// The login screen as a program: every printable key is text, Enter checks the password.
    static func program(_ runner: LoginRunner) -> Program<LoginState, LoginAction, LoginEffect> {
        Program(
            update: { state, action, _ in state.update(action) },
            run: { effect in await runner.run(effect) },
            action: { key, _, _ in LoginKeys.action(for: key) },
            render: { state, size, _, _ in LoginScreen.render(state, size: size) },
            isFinished: \.isFinished)
    }
}
