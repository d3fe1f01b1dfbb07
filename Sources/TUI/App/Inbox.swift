import Synchronization

/// Where finished effects (and the live feed) leave their result actions for the key loop to
/// pick up.
///
/// Effects run on other threads; the loop drains this between key reads, so neither ever
/// waits for the other.
final class Inbox<Action: Sendable>: Sendable {
    private let pending = Mutex<[Action]>([])

    func post(_ action: Action) {
        pending.withLock { $0.append(action) }
    }

    func drain() -> [Action] {
        pending.withLock { actions in
            defer { actions.removeAll() }
            return actions
        }
    }

    /// Effects started and not yet answered; the status line shows a spinner while > 0.
    let inFlight = Atomic<Int>(0)
}
