import Foundation

/// How one delivery attempt ended, as `integration_checks.outcome` records it. The health
/// rules and the circuit breaker reason about these, never about raw status codes.
public enum DeliveryOutcome: String, Sendable, Codable, CaseIterable {
    /// A 2xx answer (and, for Slack, `"ok": true`).
    case delivered
    /// A 4xx answer: bad credentials, a gone endpoint. Retrying will not help.
    case rejected
    /// A 5xx answer, or 408/429: the receiver is struggling; worth retrying later.
    case serverError = "server_error"
    case timedOut = "timed_out"
    /// No answer at all: the name did not resolve, the connection or TLS failed.
    case unreachable
    /// Not sent: the console refused it (address, redirect, settings, missing credentials).
    case blocked

    public var succeeded: Bool { self == .delivered }

    /// Failures that pass by themselves; they count towards the back-off pause.
    var isTransient: Bool {
        switch self {
        case .serverError, .timedOut, .unreachable: return true
        case .delivered, .rejected, .blocked: return false
        }
    }

    /// Failures that need a person: deliveries are suspended until a test succeeds.
    var needsAction: Bool {
        switch self {
        case .rejected, .blocked: return true
        case .delivered, .serverError, .timedOut, .unreachable: return false
        }
    }
}

/// Who asked for an attempt: a person (`t`, `integrations test`) or the periodic checker.
public enum CheckSource: String, Sendable, Codable {
    case manual, checker
}

/// One recorded delivery attempt (a row of `integration_checks`). `error` is already
/// sanitised and capped: it came from outside and is shown in terminals.
public struct DeliveryAttempt: Sendable, Equatable {
    public let attemptedAt: Date
    public let durationMS: Int
    public let outcome: DeliveryOutcome
    public let httpStatus: Int?
    public let error: String?
    public let source: CheckSource

    public init(
        attemptedAt: Date, durationMS: Int, outcome: DeliveryOutcome, httpStatus: Int?,
        error: String?, source: CheckSource
    ) {
        self.attemptedAt = attemptedAt
        self.durationMS = durationMS
        self.outcome = outcome
        self.httpStatus = httpStatus
        self.error = error
        self.source = source
    }

    /// "HTTP 500: upstream failed", "timed out after 5000 ms", "delivered (HTTP 202)".
    public var summary: String {
        let status = httpStatus.map { "HTTP \($0)" }
        switch (outcome.succeeded, status, error) {
        case (true, let status?, _): return "delivered (\(status))"
        case (true, nil, _): return "delivered"
        case (false, let status?, let error?): return "\(status): \(error)"
        case (false, let status?, nil): return status
        case (false, nil, let error?): return error
        case (false, nil, nil): return outcome.rawValue.replacingOccurrences(of: "_", with: " ")
        }
    }
}
