import Synchronization

/// Where finished effects (and the live feed) leave their result actions for the key loop to
/// pick up.
///
/// Effects run on other threads; the loop drains this between key reads, so neither ever
/// waits for the other, and a post wakes the loop from its wait for a key.
final class Inbox<Action: Sendable>: Sendable {
    private let pending = Mutex<[Action]>([])

    /// Signalled by every post, so the loop's wait for a key ends when an answer arrives.
    let wakeUp = WakeUpPipe()

    func post(_ action: Action) {
        pending.withLock { $0.append(action) }
        wakeUp.signal()
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
