import Foundation

/// What deliveries may do now, after GitLab's webhook rules: a run of transient failures
/// pauses them with back-off; a refusal (4xx, blocked) suspends them until someone acts.
public enum Breaker: Sendable, Equatable {
    case closed
    /// The periodic checker waits until `until`; a person may still test.
    case paused(until: Date, failures: Int)
    /// Nothing is retried automatically; a successful test by a person closes it.
    case suspended(since: Date, reason: String)
}

/// Health judged from the recorded attempts (see `HealthRules`).
public struct HealthAssessment: Sendable, Equatable {
    public let status: HealthStatus
    /// When the integration entered `status`, as far as the kept history shows.
    public let since: Date?
    public let consecutiveFailures: Int
    public let lastSuccessAt: Date?
    public let breaker: Breaker
    /// The sentence recorded as `health_check_message`: why the status is what it is.
    public let reason: String

    public static let neverChecked = HealthAssessment(
        status: .unknown, since: nil, consecutiveFailures: 0, lastSuccessAt: nil,
        breaker: .closed, reason: "never checked")
}

/// The health rules, written down in docs/user-guide.md ("Health rules"). Pure, so every
/// rule is a table-driven test.
public enum HealthRules {
    /// How many recent attempts the failure rate looks at.
    public static let window = 20
    /// Degraded when more than this share of the window failed...
    public static let degradedFailureShare = 0.2
    /// ...once the window holds this many attempts: one failure in three is not a trend.
    public static let minimumSample = 5
    /// Unhealthy after this many failures in a row.
    public static let unhealthyAfter = 3
    /// Deliveries pause after this many transient failures in a row.
    public static let pauseAfter = 4
    public static let firstPause: TimeInterval = 60
    public static let longestPause: TimeInterval = 24 * 60 * 60
    /// Attempts to read for `since`: the window plus enough to see where a state began.
    public static let historyNeeded = 60

    /// Judges `attempts`, newest first.
    public static func assess(_ attempts: [DeliveryAttempt]) -> HealthAssessment {
        guard let latest = attempts.first else { return .neverChecked }
        let (status, reason) = judge(attempts)
        var since = latest.attemptedAt
        for start in attempts.indices.dropFirst() {
            guard judge(Array(attempts[start...])).0 == status else { break }
            since = attempts[start].attemptedAt
        }
        let failures = attempts.prefix { !$0.outcome.succeeded }.count
        let breaker = breaker(attempts)
        var fullReason = reason
        switch breaker {
        case .closed: break
        case .paused(_, let count):
            fullReason += "; deliveries paused (back-off \(Self.duration(pause(after: count))))"
        case .suspended:
            fullReason += "; deliveries suspended until a test succeeds"
        }
        return HealthAssessment(
            status: status, since: since, consecutiveFailures: failures,
            lastSuccessAt: attempts.first { $0.outcome.succeeded }?.attemptedAt,
            breaker: breaker, reason: fullReason)
    }

    /// 1 minute after the 4th transient failure in a row, doubling up to 24 hours.
    public static func pause(after failures: Int) -> TimeInterval {
        let doublings = max(0, min(failures - pauseAfter, 20))
        return min(firstPause * pow(2, Double(doublings)), longestPause)
    }

    private static func judge(_ attempts: [DeliveryAttempt]) -> (HealthStatus, String) {
        guard let latest = attempts.first else { return (.unknown, "never checked") }
        if latest.outcome.needsAction {
            return (.unhealthy, latest.summary)
        }
        let failures = attempts.prefix { !$0.outcome.succeeded }.count
        if failures >= unhealthyAfter {
            return (.unhealthy, "\(failures) failures in a row; last: \(latest.summary)")
        }
        if failures > 0 {
            return (
                .degraded,
                "\(failures == 1 ? "1 failure" : "\(failures) failures") in a row; last: \(latest.summary)"
            )
        }
        let recent = attempts.prefix(window)
        let failed = recent.filter { !$0.outcome.succeeded }.count
        if recent.count >= minimumSample,
            Double(failed) > Double(recent.count) * degradedFailureShare
        {
            return (.degraded, "\(failed) of the last \(recent.count) attempts failed")
        }
        return (.healthy, "\(latest.summary) in \(latest.durationMS) ms")
    }

    private static func breaker(_ attempts: [DeliveryAttempt]) -> Breaker {
        guard let latest = attempts.first else { return .closed }
        if latest.outcome.needsAction {
            return .suspended(since: latest.attemptedAt, reason: latest.summary)
        }
        let transient = attempts.prefix { $0.outcome.isTransient }.count
        guard transient >= pauseAfter else { return .closed }
        return .paused(
            until: latest.attemptedAt.addingTimeInterval(pause(after: transient)),
            failures: transient)
    }

    /// "1m", "2h 8m", "24h".
    public static func duration(_ seconds: TimeInterval) -> String {
        let minutes = Int(seconds / 60)
        if minutes < 60 { return "\(max(minutes, 1))m" }
        let hours = minutes / 60
        return minutes % 60 == 0 ? "\(hours)h" : "\(hours)h \(minutes % 60)m"
    }
}
