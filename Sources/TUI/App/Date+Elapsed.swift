import Foundation

extension Date {
    /// Whether `seconds` or more lie between this and `other`, either way: the loop's clocks
    /// (tick, poll, reconnect probe) must not stop when the wall clock is set back (NTP, a
    /// resumed VM) until it catches up again.
    func isAtLeast(_ seconds: TimeInterval, awayFrom other: Date) -> Bool {
        abs(timeIntervalSince(other)) >= seconds
    }

    /// The first instant after this one at which the whole seconds counted from `origin` (as
    /// "refreshed 5s ago" counts them) go up by one.
    func nextWholeSecond(countedFrom origin: Date) -> Date {
        origin.addingTimeInterval(timeIntervalSince(origin).rounded(.down) + 1)
    }
}
