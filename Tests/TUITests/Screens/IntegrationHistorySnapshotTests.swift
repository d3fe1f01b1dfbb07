import Domain
import Foundation
import Testing
import ViewModels

@testable import TUI

/// The detail view once attempts are recorded: since when, what deliveries are doing (the
/// circuit breaker) and the recent attempts, with a hostile error kept printable.
@Suite struct IntegrationHistorySnapshotTests {
    let now = ScreenFixtures.now

    func state(_ outcomes: [(DeliveryOutcome, Int?, String?)]) -> AppState {
        var state = ScreenFixtures.viewState(.admin, .integrationDetail)
        let id = state.integrations.detail?.id ?? IntegrationID(UUID())
        let attempts = outcomes.enumerated().map { index, outcome in
            DeliveryAttempt(
                attemptedAt: now.addingTimeInterval(Double(index - outcomes.count) * 300),
                durationMS: 120 + index, outcome: outcome.0, httpStatus: outcome.1,
                error: outcome.2, source: index == outcomes.count - 1 ? .manual : .checker)
        }
        state.integrations.history = IntegrationHistory(id: id, attempts: attempts.reversed())
        return state
    }

    @Test func pausedAfterFourServerErrors() {
        let state = state(
            [(.delivered, 200, nil)]
                + Array(
                    repeating: (.serverError, 503, "upstream \u{1B}[31mdown\u{1B}[0m"), count: 4))
        for size in SnapshotSize.both {
            let canvas = ConsoleScreen.render(
                state, size: Size(width: size.width, height: size.height), now: now)
            assertSnapshot(canvas, named: "integration-history-paused-\(size)")
            #expect(canvas.text().contains("paused until"))
            #expect(!canvas.text().contains("\u{1B}"))
        }
    }

    @Test func theListSaysWhenDeliveriesArePausedOrSuspended() {
        var state = ScreenFixtures.viewState(.viewer, .integrations)
        let items = state.integrations.items
        state.integrations.breakers = [
            items[0].id: .paused(until: now.addingTimeInterval(240), failures: 5),
            items[1].id: .suspended(since: now, reason: "HTTP 401: invalid token"),
        ]
        for size in SnapshotSize.both {
            let canvas = ConsoleScreen.render(
                state, size: Size(width: size.width, height: size.height), now: now)
            assertSnapshot(canvas, named: "integration-list-breakers-\(size)")
            #expect(canvas.text().contains("paused, retry in 4m"))
            #expect(canvas.text().contains("suspended"))
        }
    }
}
