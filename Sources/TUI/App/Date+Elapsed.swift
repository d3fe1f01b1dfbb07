import Foundation

extension Date {
    /// Whether `seconds` or more lie between this and `other`, either way: the loop's clocks
    /// (tick, poll, reconnect probe) must not stop when the wall clock is set back (NTP, a
    /// resumed VM) until it catches up again.
    func isAtLeast(_ seconds: TimeInterval, awayFrom other: Date) -> Bool {
        abs(timeIntervalSince(other)) >= seconds
    }
}
