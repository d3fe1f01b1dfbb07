import Domain
import Foundation
import Synchronization
import ViewModels

/// The key loop of the login screen: read a key, update, check the password off the loop,
/// draw. Ends with the session, or nil when the user quits.
///
/// It draws on the terminal the console will use next, so logging in flows straight into
/// the console without restarting curses.
@MainActor
public final class LoginRuntime {
    private var state: LoginState
    private let runner: LoginRunner
    private let terminal: any Terminal
    private let inbox = LoginInbox()

    public init(state: LoginState = LoginState(), runner: LoginRunner, terminal: any Terminal) {
        self.state = state
        self.runner = runner
        self.terminal = terminal
    }

    public func run() -> Session? {
        var needsDraw = true
        while !state.isFinished {
            for action in inbox.drain() {
                apply(action)
                needsDraw = true
            }
            if state.isFinished { break }
            if needsDraw {
                terminal.draw(LoginScreen.render(state, size: terminal.size))
                needsDraw = false
            }
            guard let key = terminal.readKey(timeoutMilliseconds: 50) else { continue }
            needsDraw = true
            if let action = LoginKeys.action(for: key) { apply(action) }
        }
        return state.session
    }

    private func apply(_ action: LoginAction) {
        for effect in state.update(action) {
            let runner = self.runner
            let inbox = self.inbox
            Task.detached { inbox.post(await runner.run(effect)) }
        }
    }
}

/// Results of the password check, waiting for the loop to pick them up.
final class LoginInbox: Sendable {
    private let pending = Mutex<[LoginAction]>([])

    func post(_ action: LoginAction) { pending.withLock { $0.append(action) } }

    func drain() -> [LoginAction] {
        pending.withLock { actions in
            defer { actions.removeAll() }
            return actions
        }
    }
}
