import Foundation
import Postgres

/// The SQL that reads integrations and the decoding of its rows. The ciphertext is not
/// among them: `console_app` cannot read that column, and only `sealedCredentials` fetches
/// it (through `console_integration_credentials`, owners and admins) to open or re-seal it.
/// A stored key id means credentials are stored (a CHECK keeps the two together).
enum IntegrationRows {
    static let summaryColumns: SQL = """
        ic.id, ic.integration_type, ic.integration_name, ic.is_enabled,
        COALESCE(ic.health_status, 'unknown') AS health_status, ic.health_check_message,
        ic.last_health_check_at, ic.last_sync_at, COALESCE(ic.total_events_sent, 0) AS total_events_sent,
        COALESCE(ic.total_errors, 0) AS total_errors, ic.last_error_message, ic.last_error_at,
        (ic.encryption_key_id IS NOT NULL) AS has_credentials, ic.updated_at::text AS version
        """

    static let detailColumns: SQL = """
        \(summaryColumns), ic.config_data::text AS config_data,
        COALESCE(ic.event_filters, '{}'::jsonb)::text AS event_filters, ic.rate_limit_per_minute,
        COALESCE(ic.retry_config, '{}'::jsonb)::text AS retry_config, ic.encryption_key_id,
        ic.created_at, ic.updated_at,
        (SELECT u.email FROM users u WHERE u.id = ic.created_by) AS created_by_email,
        (SELECT u.email FROM users u WHERE u.id = ic.updated_by) AS updated_by_email
        """

    static let summarySelect: SQL = "SELECT \(summaryColumns) FROM integrations_config ic"
    static let detailSelect: SQL = "SELECT \(detailColumns) FROM integrations_config ic"

    static func decodeSummary(_ row: PostgresRow) throws -> IntegrationHealth {
        guard let type = IntegrationType(rawValue: try row.string("integration_type")),
            let health = HealthStatus(rawValue: try row.string("health_status"))
        else {
            throw PostgresError(
                kind: .unexpectedResult, serverMessage: "unknown integration type or health")
        }
        return IntegrationHealth(
            id: IntegrationID(try row.uuid("id")), type: type,
            name: try row.string("integration_name"), enabled: try row.bool("is_enabled"),
            health: health, healthMessage: try row.optionalString("health_check_message"),
            lastHealthCheckAt: try row.optionalDate("last_health_check_at"),
            lastSyncAt: try row.optionalDate("last_sync_at"),
            eventsSent: try row.int("total_events_sent"), errors: try row.int("total_errors"),
            lastErrorMessage: try row.optionalString("last_error_message"),
            lastErrorAt: try row.optionalDate("last_error_at"),
            hasCredentials: try row.bool("has_credentials"),
            version: RowVersion(try row.string("version")))
    }

    /// The full row with its configuration as stored (unredacted: for internal use).
    static func decodeStored(_ row: PostgresRow) throws -> StoredIntegration {
        func json(_ name: String) throws -> JSONValue {
            do { return try JSONValue.parse(try row.string(name), field: name) } catch {
                throw PostgresError(
                    kind: .unexpectedResult, serverMessage: "column \(name) is not JSON")
            }
        }
        return StoredIntegration(
            summary: try decodeSummary(row), config: try json("config_data"),
            eventFilters: try json("event_filters"),
            rateLimitPerMinute: try row.optionalInt("rate_limit_per_minute"),
            retryConfig: try json("retry_config"),
            encryptionKeyID: try row.optionalString("encryption_key_id"),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
            createdBy: try row.optionalString("created_by_email"),
            updatedBy: try row.optionalString("updated_by_email"))
    }
}

/// An integration as stored, configuration unredacted. Internal: it leaves the module only
/// as an `IntegrationDetail`.
struct StoredIntegration: Sendable {
    let summary: IntegrationHealth
    let config: JSONValue
    let eventFilters: JSONValue
    let rateLimitPerMinute: Int?
    let retryConfig: JSONValue
    let encryptionKeyID: String?
    let createdAt: Date
    let updatedAt: Date
    let createdBy: String?
    let updatedBy: String?

    var detail: IntegrationDetail {
        IntegrationDetail(
            summary: summary, config: SecretRedaction.redact(config),
            eventFilters: SecretRedaction.redact(eventFilters),
            rateLimitPerMinute: rateLimitPerMinute,
            retryConfig: retryConfig, encryptionKeyID: encryptionKeyID, createdAt: createdAt,
            updatedAt: updatedAt, createdBy: createdBy, updatedBy: updatedBy)
    }

    /// The fields the audit log records: names and settings, never credentials, and the
    /// configuration only in its redacted form.
    var auditFields: [String: String] {
        [
            "type": summary.type.rawValue,
            "name": summary.name,
            "enabled": String(summary.enabled),
            "config": SecretRedaction.redact(config).jsonText,
            "event_filters": SecretRedaction.redact(eventFilters).jsonText,
            "rate_limit_per_minute": rateLimitPerMinute.map(String.init) ?? "none",
            "credentials": summary.hasCredentials ? SecretRedaction.placeholder : "none",
        ]
    }
}
