import Synchronization
import ViewModels

/// Where finished effects leave their result actions for the key loop to pick up.
///
/// Effects run on other threads; the loop drains this between key reads, so neither ever
/// waits for the other.
final class ActionInbox: Sendable {
    private let pending = Mutex<[AppAction]>([])

    func post(_ action: AppAction) {
        pending.withLock { $0.append(action) }
    }

    func drain() -> [AppAction] {
        pending.withLock { actions in
            defer { actions.removeAll() }
            return actions
        }
    }

    /// Effects started and not yet answered; the status line shows a spinner while > 0.
    let inFlight = Atomic<Int>(0)
}
