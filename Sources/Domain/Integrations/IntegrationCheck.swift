import Foundation

/// The outcome of a test delivery: the attempt as recorded and the health it leads to.
public struct IntegrationCheck: Sendable, Equatable {
    public let id: IntegrationID
    public let name: String
    public let attempt: DeliveryAttempt
    public let assessment: HealthAssessment

    public init(
        id: IntegrationID, name: String, attempt: DeliveryAttempt, assessment: HealthAssessment
    ) {
        self.id = id
        self.name = name
        self.attempt = attempt
        self.assessment = assessment
    }

    public var passed: Bool { attempt.outcome.succeeded }
    /// One line for a flash or the command line: "delivered (HTTP 200) in 41 ms; healthy".
    public var message: String {
        // Nothing was sent when the console refused: a duration would suggest otherwise.
        let took = attempt.outcome == .blocked ? "" : " in \(attempt.durationMS) ms"
        return "\(attempt.summary)\(took); now \(assessment.status.rawValue)"
    }
}

/// An integration's recent attempts, newest first, and the health they add up to.
public struct IntegrationHistory: Sendable, Equatable {
    public let id: IntegrationID
    public let attempts: [DeliveryAttempt]
    public let assessment: HealthAssessment

    public init(id: IntegrationID, attempts: [DeliveryAttempt]) {
        self.id = id
        self.attempts = attempts
        self.assessment = HealthRules.assess(attempts)
    }
}

extension String {
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
