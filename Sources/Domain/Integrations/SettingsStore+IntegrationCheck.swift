import Foundation
import Postgres

extension SettingsStore {
    /// A dry-run health check that never reaches the network: validates the stored settings
    /// and opens the credentials with `sealer`, then records the time and the outcome on the
    /// row. A failure marks the integration unhealthy (it cannot deliver); a pass leaves the
    /// health as it was, since only a real delivery proves an integration healthy. Only
    /// health columns change (not `updated_by`): a check is an observation, not an edit, and
    /// must not make someone's open edit form stale. The audit row records who ran it.
    @discardableResult
    public func testIntegration(_ id: IntegrationID, sealer: CredentialSealer?)
        async throws(DomainError) -> IntegrationCheck
    {
        try await transaction { tx in
            try tx.policy().can(.manageIntegrations).enforce()
            let stored = try tx.storedIntegration(id, lock: true)
            let sealed = try tx.sealedCredentials(id)
            let outcome = IntegrationCheck.evaluate(stored, sealed: sealed, sealer: sealer)
            let row = try tx.query(
                """
                UPDATE integrations_config SET last_health_check_at = now(),
                    health_check_message = $3,
                    health_status = CASE WHEN $4 THEN health_status ELSE 'unhealthy' END
                WHERE workspace_id = $1 AND id = $2
                RETURNING last_health_check_at
                """,
                [tx.session.workspaceID.rawValue, id.rawValue, outcome.message, outcome.passed]
            ).first
            guard let row else {
                throw DomainError.notFound(what: "that integration no longer exists")
            }
            try tx.audit(
                "integrations.test", resourceType: "integration", resourceID: id.rawValue,
                after: [
                    "name": stored.summary.name, "passed": String(outcome.passed),
                    "message": outcome.message,
                ])
            return IntegrationCheck(
                id: id, passed: outcome.passed, message: outcome.message,
                checkedAt: try row.date("last_health_check_at"))
        }
    }
}
