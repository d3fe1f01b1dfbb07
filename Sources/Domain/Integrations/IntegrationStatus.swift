import Foundation
import Postgres

/// One integration's health as on-call reads it: the stored status, since when, the last
/// success and error, and what the circuit breaker is doing. Disabled integrations read
/// "disabled", not the health they had when someone switched them off.
public struct IntegrationStatus: Sendable, Equatable {
    public let integration: IntegrationHealth
    public let history: IntegrationHistory

    public init(integration: IntegrationHealth, history: IntegrationHistory) {
        self.integration = integration
        self.history = history
    }

    /// When the current status began, if the kept attempts agree with the stored status
    /// (the platform may have written a health of its own since).
    public var since: Date? {
        let assessment = history.assessment
        return assessment.status == integration.health ? assessment.since : nil
    }

    public var breaker: Breaker { history.assessment.breaker }

    /// Whether the checker should test it at `now`: enabled, not suspended, past any pause,
    /// and `interval` after the last attempt.
    public func isDue(at now: Date, interval: TimeInterval) -> Bool {
        guard integration.enabled else { return false }
        switch breaker {
        case .suspended: return false
        case .paused(let until, _): if now < until { return false }
        case .closed: break
        }
        guard let last = history.attempts.first?.attemptedAt else { return true }
        return now.timeIntervalSince(last) >= interval
    }
}

extension SettingsStore {
    /// Every integration with its recent attempts, worst first; any active member may read
    /// it (a monitor logs in as a viewer).
    public func integrationStatuses() async throws(DomainError) -> [IntegrationStatus] {
        try await transaction { tx in
            try tx.policy().can(.viewWorkspace).enforce()
            let items = try tx.query(
                IntegrationRows.summarySelect + "\nWHERE ic.workspace_id = $1",
                [tx.session.workspaceID.rawValue]
            ).rows.map(IntegrationRows.decodeSummary).sorted(by: IntegrationHealth.worstFirst)
            return try items.map { item in
                IntegrationStatus(
                    integration: item,
                    history: IntegrationHistory(
                        id: item.id,
                        attempts: try tx.attempts(of: item.id, limit: HealthRules.historyNeeded)))
            }
        }
    }
}
