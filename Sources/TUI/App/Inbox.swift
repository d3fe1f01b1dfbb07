import Foundation
import Synchronization

/// Where finished effects (and the live feed) leave their result actions for the key loop to
/// pick up, and which effects are still running, since when.
///
/// Effects run on other threads; the loop drains this between key reads, so neither ever
/// waits for the other.
final class Inbox<Action: Sendable>: Sendable {
    private struct Running {
        var nextTicket: UInt64 = 0
        var startedAt: [UInt64: Date] = [:]
    }

    private let pending = Mutex<[Action]>([])
    private let running = Mutex(Running())

    func post(_ action: Action) {
        pending.withLock { $0.append(action) }
    }

    func drain() -> [Action] {
        pending.withLock { actions in
            defer { actions.removeAll() }
            return actions
        }
    }

    /// An effect starts at `date`; pass the ticket to `finish` when it has answered.
    func begin(at date: Date) -> UInt64 {
        running.withLock { running in
            running.nextTicket += 1
            running.startedAt[running.nextTicket] = date
            return running.nextTicket
        }
    }

    /// Posts the effect's answer, then stops counting it as running.
    func finish(_ ticket: UInt64, posting action: Action) {
        post(action)
        running.withLock { _ = $0.startedAt.removeValue(forKey: ticket) }
    }

    /// Whether any effect is running; the status line shows a spinner meanwhile.
    var isBusy: Bool { running.withLock { !$0.startedAt.isEmpty } }

    /// When the longest-running effect started: how long the database has kept someone
    /// waiting. nil when nothing runs.
    var oldestStart: Date? { running.withLock { $0.startedAt.values.min() } }
}
