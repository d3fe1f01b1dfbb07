import Foundation
import Postgres

extension SettingsStore {
    /// Sends a real test event through the integration's own delivery path with its stored
    /// credentials and timeout, records the attempt, and sets the health the rules give.
    ///
    /// Three steps, so no transaction stays open while the network is slow: read the
    /// settings and open the credentials; deliver; record (re-checking the actor's role,
    /// since it may have changed meanwhile). Health columns change, not `updated_by`: a test
    /// is an observation, so it never makes someone's open edit form stale. A success never
    /// touches `last_error_message`: the failure that made it unhealthy stays readable.
    /// Credentials that do not open here (no key, another key) are the console's problem,
    /// not the integration's: that is refused and nothing is recorded. Test events are kept
    /// in the check history, not in the event totals, which count the platform's events.
    @discardableResult
    public func testIntegration(
        _ id: IntegrationID, sealer: CredentialSealer?, delivery: HTTPDelivery = HTTPDelivery(),
        source: CheckSource = .manual
    ) async throws(DomainError) -> IntegrationCheck {
        let (stored, sealed) = try await transaction { tx in
            try tx.requireIntegrationManager()
            return (try tx.storedIntegration(id), try tx.sealedCredentials(id))
        }
        var credentials: Secret?
        if let sealed {
            guard let sealer else {
                throw CredentialError.missingKey(variable: CredentialSealer.keyVariable)
                    .domainError
            }
            do {
                credentials = try sealer.open(sealed.sealed, keyID: sealed.keyID, for: id)
            } catch {
                throw error.domainError
            }
        }
        let result: HTTPDelivery.Result
        switch Self.plan(
            stored, credentials: credentials, endpoints: delivery.endpoints,
            quiet: source == .checker)
        {
        case .success(let request):
            result = await delivery.send(request)
        case .failure(let refusal):
            result = HTTPDelivery.Result(
                outcome: .blocked, status: nil, error: "not sent: \(refusal.reason)",
                durationMS: 0)
        }
        return try await record(result, for: stored, source: source)
    }

    /// The request to send, after the stored settings pass today's validation (a row written
    /// before a rule existed must not slip past it).
    private static func plan(
        _ stored: StoredIntegration, credentials: Secret?, endpoints: DeliveryEndpoints,
        quiet: Bool
    ) -> Result<DeliveryRequest, DeliveryRefusal> {
        let draft = IntegrationDraft(
            type: stored.summary.type, name: stored.summary.name, config: stored.config,
            enabled: stored.summary.enabled, eventFilters: stored.eventFilters,
            rateLimitPerMinute: stored.rateLimitPerMinute, retryConfig: stored.retryConfig)
        do {
            _ = try IntegrationValidation.validate(draft)
        } catch {
            return .failure(DeliveryRefusal("settings invalid: \(error.reason.lowercasedFirst)"))
        }
        return DeliveryRequest.make(
            for: stored, credentials: credentials, endpoints: endpoints, now: Date(), quiet: quiet)
    }

    private func record(
        _ result: HTTPDelivery.Result, for stored: StoredIntegration, source: CheckSource
    ) async throws(DomainError) -> IntegrationCheck {
        let id = stored.summary.id
        return try await transaction { tx in
            try tx.policy().can(.manageIntegrations).enforce()
            _ = try tx.storedIntegration(id, lock: true)
            try tx.query(
                """
                INSERT INTO integration_checks (workspace_id, integration_id, attempted_at,
                    duration_ms, outcome, http_status, error_message, source, triggered_by)
                VALUES ($1, $2, now() - make_interval(secs => $3::int / 1000.0), $3, $4, $5, $6,
                    $7, $8)
                """,
                [
                    tx.session.workspaceID.rawValue, id.rawValue, result.durationMS,
                    result.outcome.rawValue, result.status,
                    result.error.map { ExternalText.clean($0, limit: 500) }, source.rawValue,
                    tx.session.userID.rawValue,
                ])
            let history = IntegrationHistory(
                id: id, attempts: try tx.attempts(of: id, limit: HealthRules.historyNeeded))
            guard let attempt = history.attempts.first else {
                throw DomainError(.attemptNotRecorded)
            }
            let assessment = history.assessment
            try tx.query(
                """
                UPDATE integrations_config SET health_status = $3, health_check_message = $4,
                    last_health_check_at = $5::timestamptz,
                    last_sync_at = CASE WHEN $6 THEN $5::timestamptz ELSE last_sync_at END,
                    last_error_at = CASE WHEN $6 THEN last_error_at ELSE $5::timestamptz END,
                    last_error_message = CASE WHEN $6 THEN last_error_message ELSE $7 END
                WHERE workspace_id = $1 AND id = $2
                """,
                [
                    tx.session.workspaceID.rawValue, id.rawValue, assessment.status.rawValue,
                    assessment.reason, attempt.attemptedAt, attempt.outcome.succeeded,
                    attempt.summary,
                ])
            if source == .manual {
                try tx.audit(
                    "integrations.test", resourceType: "integration", resourceID: id.rawValue,
                    after: [
                        "name": stored.summary.name, "outcome": attempt.outcome.rawValue,
                        "status": attempt.httpStatus.map(String.init) ?? "none",
                        "health": assessment.status.rawValue,
                    ])
            }
            return IntegrationCheck(
                id: id, name: stored.summary.name, attempt: attempt, assessment: assessment)
        }
    }

    /// The recent attempts of one integration and the health they add up to; any member.
    public func integrationHistory(_ id: IntegrationID) async throws(DomainError)
        -> IntegrationHistory
    {
        try await transaction { tx in
            try tx.policy().can(.viewWorkspace).enforce()
            return IntegrationHistory(
                id: id, attempts: try tx.attempts(of: id, limit: HealthRules.historyNeeded))
        }
    }
}

extension WorkspaceTransaction {
    /// The newest `limit` attempts of an integration of this workspace, newest first.
    func attempts(of id: IntegrationID, limit: Int) throws -> [DeliveryAttempt] {
        try query(
            """
            SELECT attempted_at, duration_ms, outcome, http_status, error_message, source
            FROM integration_checks
            WHERE workspace_id = $1 AND integration_id = $2
            ORDER BY attempted_at DESC, id DESC LIMIT $3
            """, [session.workspaceID.rawValue, id.rawValue, limit]
        ).rows.map { row in
            guard let outcome = DeliveryOutcome(rawValue: try row.string("outcome")),
                let source = CheckSource(rawValue: try row.string("source"))
            else {
                throw PostgresError(kind: .unexpectedResult, serverMessage: "unknown check outcome")
            }
            return DeliveryAttempt(
                attemptedAt: try row.date("attempted_at"), durationMS: try row.int("duration_ms"),
                outcome: outcome, httpStatus: try row.optionalInt("http_status"),
                error: try row.optionalString("error_message"), source: source)
        }
    }
}
