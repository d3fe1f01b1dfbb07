import Foundation
import Postgres

extension SettingsStore {
    /// Adds an integration. Credentials in the draft are sealed with `sealer` under the new
    /// row's id and never returned. Refused when the plan's integrations are all in use or
    /// an integration of the same type and name exists.
    @discardableResult
    public func addIntegration(_ draft: IntegrationDraft, sealer: CredentialSealer? = nil)
        async throws(DomainError) -> IntegrationDetail
    {
        let valid = try IntegrationValidation.validate(draft)
        let secret = try Self.secretToSeal(valid.credentials, sealer: sealer)
        return try await transaction { tx in
            let policy = try tx.policy()
            try policy.can(.manageIntegrations).enforce()
            // The same lock as invitations and plan changes, so two admins adding at once
            // cannot both take the last free integration.
            try tx.lockWorkspace()
            let usage = try tx.integrationUsage()
            if let limit = usage.limit, usage.used >= limit {
                throw DomainError(.integrationsUsed(limit: limit))
            }
            try tx.refuseDuplicate(valid.type, valid.name, except: nil)
            let row = try tx.query(
                """
                INSERT INTO integrations_config (workspace_id, integration_type, integration_name,
                    config_data, is_enabled, event_filters, rate_limit_per_minute, retry_config,
                    health_status, created_by, updated_by)
                VALUES ($1, $2, $3, $4::jsonb, $5, $6::jsonb, $7, $8::jsonb, 'unknown', $9, $9)
                RETURNING id
                """,
                [
                    tx.session.workspaceID.rawValue, valid.type.rawValue, valid.name,
                    valid.config.jsonText, valid.enabled, valid.eventFilters.jsonText,
                    valid.rateLimitPerMinute,
                    (valid.retryConfig ?? IntegrationDraft.defaultRetryConfig).jsonText,
                    tx.session.userID.rawValue,
                ]
            ).first
            guard let row else {
                throw DomainError(.integrationNotSaved)
            }
            let id = IntegrationID(try row.uuid("id"))
            if let (secret, sealer) = secret {
                try tx.storeCredentials(secret, sealer: sealer, for: id)
            }
            let stored = try tx.storedIntegration(id)
            try tx.audit(
                "integrations.add", resourceType: "integration", resourceID: id.rawValue,
                after: stored.auditFields)
            return stored.detail
        }
    }

    /// Replaces an integration's settings with `draft` (its type cannot change). Members of
    /// the configuration still reading "configured" keep their stored values.
    @discardableResult
    public func editIntegration(
        _ id: IntegrationID, _ draft: IntegrationDraft, expected: RowVersion? = nil,
        sealer: CredentialSealer? = nil
    ) async throws(DomainError) -> IntegrationDetail {
        let secret = try Self.secretToSeal(draft.credentials, sealer: sealer)
        return try await transaction { tx in
            try tx.policy().can(.manageIntegrations).enforce()
            let before = try tx.storedIntegration(id, lock: true)
            try tx.requireUnchanged(before, expected: expected)
            guard draft.type == before.summary.type else {
                throw DomainError(.integrationTypeCannotChange(draft.type))
            }
            let valid = try IntegrationValidation.validate(draft, storedConfig: before.config)
            try tx.refuseDuplicate(valid.type, valid.name, except: id)
            try tx.query(
                """
                UPDATE integrations_config SET integration_name = $3, config_data = $4::jsonb,
                    is_enabled = $5, event_filters = $6::jsonb, rate_limit_per_minute = $7,
                    retry_config = COALESCE($8::jsonb, retry_config), updated_by = $9
                WHERE workspace_id = $1 AND id = $2
                """,
                [
                    tx.session.workspaceID.rawValue, id.rawValue, valid.name, valid.config.jsonText,
                    valid.enabled, valid.eventFilters.jsonText, valid.rateLimitPerMinute,
                    valid.retryConfig?.jsonText, tx.session.userID.rawValue,
                ])
            switch valid.credentials {
            case .keep: break
            case .replace:
                if let (secret, sealer) = secret {
                    try tx.storeCredentials(secret, sealer: sealer, for: id)
                }
            case .remove:
                try tx.query(
                    """
                    UPDATE integrations_config SET credentials_encrypted = NULL,
                        encryption_key_id = NULL
                    WHERE workspace_id = $1 AND id = $2
                    """, [tx.session.workspaceID.rawValue, id.rawValue])
            }
            let after = try tx.storedIntegration(id)
            try tx.audit(
                "integrations.edit", resourceType: "integration", resourceID: id.rawValue,
                before: before.auditFields,
                after: after.auditFields.merging(
                    ["credentials_changed": Self.credentialsChange(valid.credentials)]) { $1 })
            return after.detail
        }
    }

    @discardableResult
    public func enableIntegration(_ id: IntegrationID, expected: RowVersion? = nil)
        async throws(DomainError) -> IntegrationHealth
    {
        try await setIntegration(id, enabled: true, expected: expected)
    }

    /// Stops sending events to an integration without losing its settings.
    @discardableResult
    public func disableIntegration(_ id: IntegrationID, expected: RowVersion? = nil)
        async throws(DomainError) -> IntegrationHealth
    {
        try await setIntegration(id, enabled: false, expected: expected)
    }

    /// Deletes an integration and its sealed credentials; the audit log keeps what it was.
    public func removeIntegration(_ id: IntegrationID, expected: RowVersion? = nil)
        async throws(DomainError)
    {
        try await transaction { tx in
            try tx.policy().can(.manageIntegrations).enforce()
            try tx.lockWorkspace()
            let before = try tx.storedIntegration(id, lock: true)
            try tx.requireUnchanged(before, expected: expected)
            try tx.query(
                "DELETE FROM integrations_config WHERE workspace_id = $1 AND id = $2",
                [tx.session.workspaceID.rawValue, id.rawValue])
            try tx.audit(
                "integrations.remove", resourceType: "integration", resourceID: id.rawValue,
                before: before.auditFields)
        }
    }

    private func setIntegration(_ id: IntegrationID, enabled: Bool, expected: RowVersion?)
        async throws(DomainError) -> IntegrationHealth
    {
        try await transaction { tx in
            let policy = try tx.policy()
            try policy.can(.manageIntegrations).enforce()
            let before = try tx.storedIntegration(id, lock: true)
            try tx.requireUnchanged(before, expected: expected)
            if let reason = policy.setEnabled(before.summary, to: enabled).reason {
                throw DomainError.conflict(reason: reason)
            }
            try tx.query(
                """
                UPDATE integrations_config SET is_enabled = $3, updated_by = $4
                WHERE workspace_id = $1 AND id = $2
                """,
                [tx.session.workspaceID.rawValue, id.rawValue, enabled, tx.session.userID.rawValue])
            try tx.audit(
                enabled ? "integrations.enable" : "integrations.disable",
                resourceType: "integration", resourceID: id.rawValue,
                before: ["name": before.summary.name, "enabled": String(!enabled)],
                after: ["name": before.summary.name, "enabled": String(enabled)])
            return try tx.storedIntegration(id).summary
        }
    }

    /// The secret and sealer to use, checked before any transaction starts: a draft with new
    /// credentials and no key is refused rather than stored in the clear.
    static func secretToSeal(_ credentials: IntegrationDraft.Credentials, sealer: CredentialSealer?)
        throws(DomainError) -> (Secret, CredentialSealer)?
    {
        switch credentials {
        case .keep, .remove: return nil
        case .replace(let secret):
            guard let sealer else {
                throw CredentialError.missingKey(variable: CredentialSealer.keyVariable).domainError
            }
            guard !secret.revealed.isEmpty else {
                throw DomainError(.credentialsEmpty)
            }
            guard secret.revealed.utf8.count <= CredentialSealer.maximumSecretBytes else {
                throw DomainError(.credentialsTooLong)
            }
            return (secret, sealer)
        }
    }

    static func credentialsChange(_ credentials: IntegrationDraft.Credentials) -> String {
        switch credentials {
        case .keep: return "no"
        case .replace: return "replaced"
        case .remove: return "removed"
        }
    }
}

extension IntegrationDraft {
    /// What seed 002's DDL defaults `retry_config` to.
    public static let defaultRetryConfig = JSONValue.object([
        "max_retries": .number(3), "backoff": .string("exponential"),
    ])
}

extension WorkspaceTransaction {
    /// Seals `secret` under the row's id and stores it with the key id beside it.
    func storeCredentials(
        _ secret: Secret, sealer: CredentialSealer, for id: IntegrationID
    )
        throws
    {
        let sealed: String
        do { sealed = try sealer.seal(secret, for: id) } catch { throw error.domainError }
        try query(
            """
            UPDATE integrations_config SET credentials_encrypted = $3, encryption_key_id = $4,
                updated_by = $5
            WHERE workspace_id = $1 AND id = $2
            """,
            [
                session.workspaceID.rawValue, id.rawValue, sealed, sealer.keyID,
                session.userID.rawValue,
            ])
    }

    /// Refuses a second integration with the same type and name (compared without case, so
    /// "Alerts" and "alerts" cannot both exist to confuse on-call).
    func refuseDuplicate(_ type: IntegrationType, _ name: String, except id: IntegrationID?) throws
    {
        let row = try query(
            """
            SELECT 1 AS taken FROM integrations_config
            WHERE workspace_id = $1 AND integration_type = $2 AND lower(integration_name) = lower($3)
              AND ($4::uuid IS NULL OR id <> $4)
            LIMIT 1
            """, [session.workspaceID.rawValue, type.rawValue, name, id?.rawValue]
        ).first
        if row != nil {
            throw DomainError(.integrationExists(type, name: name))
        }
    }
}
