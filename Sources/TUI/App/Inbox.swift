import Foundation
import Synchronization

/// Where finished effects (and the live feed) leave their result actions for the key loop to
/// pick up, and which effects are still running, since when.
///
/// Effects run on other threads; the loop drains this between key reads, so neither ever
/// waits for the other, and a post wakes the loop from its wait for a key.
final class Inbox<Action: Sendable>: Sendable {
    private struct Running {
        var nextTicket: UInt64 = 0
        var startedAt: [UInt64: Date] = [:]
        /// The running effects the screen shows as work in progress.
        var shown: Set<UInt64> = []
    }

    private let pending = Mutex<[Action]>([])
    private let running = Mutex(Running())

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

    /// An effect starts at `date`; pass the ticket to `finish` when it has answered. One that
    /// `showsBusy` makes the screen busy meanwhile; every one counts for `oldestStart`.
    func begin(at date: Date, showsBusy: Bool = true) -> UInt64 {
        running.withLock { running in
            running.nextTicket += 1
            running.startedAt[running.nextTicket] = date
            if showsBusy { running.shown.insert(running.nextTicket) }
            return running.nextTicket
        }
    }

    /// Stops counting the effect as running, then posts its answer: the post wakes the loop,
    /// whose next frame must not show a spinner for an effect that has answered.
    func finish(_ ticket: UInt64, posting action: Action) {
        running.withLock { running in
            running.startedAt.removeValue(forKey: ticket)
            running.shown.remove(ticket)
        }
        post(action)
    }

    /// Whether an effect the screen shows is running; the status line shows a spinner
    /// meanwhile.
    var isBusy: Bool { running.withLock { !$0.shown.isEmpty } }

    /// When the longest-running effect started: how long the database has kept someone
    /// waiting. nil when nothing runs.
    var oldestStart: Date? { running.withLock { $0.startedAt.values.min() } }
}
