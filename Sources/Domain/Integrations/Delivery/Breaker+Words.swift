import Foundation

extension Breaker {
    /// The breaker in words, shared by the tab and the command line: "active", "paused until
    /// 02:31 after 4 failures in a row (back-off)", "suspended since ...: HTTP 401; ...".
    public func words(time: (Date) -> String) -> String {
        switch self {
        case .closed: return "active"
        case .paused(let until, let failures):
            return "paused until \(time(until)) after \(failures) failures in a row (back-off)"
        case .suspended(let since, let reason):
            return "suspended since \(time(since)): \(reason); fix it, then test (t)"
        }
    }
}
