import Domain
import Foundation
import Testing

/// The health rules and the circuit breaker as call sequences: attempts in, health out.
@Suite struct HealthRulesTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// Attempts oldest first (as they happen), returned newest first (as the store reads them).
    static func history(_ outcomes: [DeliveryOutcome], every seconds: TimeInterval = 60)
        -> [DeliveryAttempt]
    {
        outcomes.enumerated().map { index, outcome in
            DeliveryAttempt(
                attemptedAt: start.addingTimeInterval(Double(index) * seconds), durationMS: 40,
                outcome: outcome,
                httpStatus: outcome == .serverError ? 503 : outcome == .rejected ? 401 : nil,
                error: outcome.succeeded ? nil : "boom", source: .checker)
        }.reversed()
    }

    @Test func neverCheckedIsUnknown() {
        let assessment = HealthRules.assess([])
        #expect(assessment.status == .unknown)
        #expect(assessment.breaker == .closed)
    }

    @Test(arguments: [
        ([DeliveryOutcome.delivered], HealthStatus.healthy),
        ([.delivered, .serverError], .degraded),
        ([.delivered, .timedOut, .timedOut], .degraded),
        ([.delivered, .serverError, .timedOut, .unreachable], .unhealthy),
        ([.delivered, .rejected], .unhealthy),
        ([.delivered, .blocked], .unhealthy),
        // 5 failures in the last 20, all recovered: still degraded (more than 20% failed).
        (
            [DeliveryOutcome](repeating: .delivered, count: 15)
                + [.serverError, .delivered, .serverError, .delivered, .serverError, .delivered]
                + [.serverError, .delivered, .serverError, .delivered], .degraded
        ),
        (
            [DeliveryOutcome](repeating: .delivered, count: 19) + [.serverError, .delivered],
            .healthy
        ),
    ])
    func statusFollowsTheRules(outcomes: [DeliveryOutcome], expected: HealthStatus) {
        #expect(HealthRules.assess(Self.history(outcomes)).status == expected)
    }

    @Test func unhealthySinceIsWhenTheThirdFailureInARowHappened() {
        let attempts = Self.history([
            .delivered, .serverError, .serverError, .serverError, .timedOut,
        ])
        let assessment = HealthRules.assess(attempts)
        #expect(assessment.status == .unhealthy)
        #expect(assessment.since == Self.start.addingTimeInterval(3 * 60))
        #expect(assessment.lastSuccessAt == Self.start)
        #expect(assessment.consecutiveFailures == 4)
    }

    @Test func fourTransientFailuresPauseWithDoublingBackOff() {
        let three = HealthRules.assess(Self.history([.serverError, .timedOut, .serverError]))
        #expect(three.breaker == .closed)
        let four = Self.history([.serverError, .timedOut, .serverError, .unreachable])
        #expect(
            HealthRules.assess(four).breaker
                == .paused(until: four[0].attemptedAt.addingTimeInterval(60), failures: 4))
        let six = Self.history([DeliveryOutcome](repeating: .serverError, count: 6))
        #expect(
            HealthRules.assess(six).breaker
                == .paused(until: six[0].attemptedAt.addingTimeInterval(240), failures: 6))
        #expect(HealthRules.pause(after: 4) == 60)
        #expect(HealthRules.pause(after: 5) == 120)
        #expect(HealthRules.pause(after: 40) == 24 * 60 * 60)
        #expect(HealthRules.assess(six).reason.contains("paused (back-off 4m)"))
    }

    @Test func aRefusalSuspendsAndASuccessCloses() {
        let refused = HealthRules.assess(Self.history([.delivered, .rejected]))
        guard case .suspended(_, let reason) = refused.breaker else {
            Issue.record("expected suspended, got \(refused.breaker)")
            return
        }
        #expect(reason == "HTTP 401: boom")
        let fixed = HealthRules.assess(Self.history([.delivered, .rejected, .delivered]))
        #expect(fixed.breaker == .closed)
        #expect(fixed.status == .healthy)
    }
}
