import Foundation

/// One row of the Integrations tab: what on-call needs to judge an integration at a glance.
/// Never holds credentials, only whether some are stored.
public struct IntegrationHealth: Sendable, Equatable, Identifiable {
    public let id: IntegrationID
    public let type: IntegrationType
    public let name: String
    public let enabled: Bool
    public let health: HealthStatus
    public let healthMessage: String?
    public let lastHealthCheckAt: Date?
    public let lastSyncAt: Date?
    public let eventsSent: Int
    public let errors: Int
    public let lastErrorMessage: String?
    public let lastErrorAt: Date?
    public let hasCredentials: Bool
    public let version: RowVersion

    public init(
        id: IntegrationID, type: IntegrationType, name: String, enabled: Bool, health: HealthStatus,
        healthMessage: String?, lastHealthCheckAt: Date?, lastSyncAt: Date?, eventsSent: Int,
        errors: Int, lastErrorMessage: String?, lastErrorAt: Date?, hasCredentials: Bool,
        version: RowVersion
    ) {
        self.id = id
        self.type = type
        self.name = name
        self.enabled = enabled
        self.health = health
        self.healthMessage = healthMessage
        self.lastHealthCheckAt = lastHealthCheckAt
        self.lastSyncAt = lastSyncAt
        self.eventsSent = eventsSent
        self.errors = errors
        self.lastErrorMessage = lastErrorMessage
        self.lastErrorAt = lastErrorAt
        self.hasCredentials = hasCredentials
        self.version = version
    }

    /// Errors per event sent, as a percentage; `nil` before the first event.
    public var errorRatePercent: Double? {
        guard eventsSent > 0 else { return nil }
        return Double(errors) * 100 / Double(eventsSent)
    }

    /// Worst first: enabled integrations by urgency (unhealthy, degraded, unknown, healthy),
    /// then disabled ones, which page nobody; ties by name, then id, so the order is stable.
    public static func worstFirst(_ lhs: IntegrationHealth, _ rhs: IntegrationHealth) -> Bool {
        if lhs.enabled != rhs.enabled { return lhs.enabled }
        if lhs.health.urgency != rhs.health.urgency {
            return lhs.health.urgency < rhs.health.urgency
        }
        let left = lhs.name.lowercased()
        let right = rhs.name.lowercased()
        if left != right { return left < right }
        return lhs.id.description < rhs.id.description
    }
}

/// One integration in full, for the detail view and the edit form. Secret-looking members
/// of the configuration read "configured"; the credentials themselves are never included.
public struct IntegrationDetail: Sendable, Equatable {
    public let summary: IntegrationHealth
    /// `config_data` with secrets replaced by "configured".
    public let config: JSONValue
    public let eventFilters: JSONValue
    public let rateLimitPerMinute: Int?
    public let retryConfig: JSONValue
    /// Which key sealed the credentials (an id, not the key), for rotation.
    public let encryptionKeyID: String?
    public let createdAt: Date
    public let updatedAt: Date
    public let createdBy: String?
    public let updatedBy: String?

    public init(
        summary: IntegrationHealth, config: JSONValue, eventFilters: JSONValue,
        rateLimitPerMinute: Int?, retryConfig: JSONValue, encryptionKeyID: String?,
        createdAt: Date, updatedAt: Date, createdBy: String?, updatedBy: String?
    ) {
        self.summary = summary
        self.config = config
        self.eventFilters = eventFilters
        self.rateLimitPerMinute = rateLimitPerMinute
        self.retryConfig = retryConfig
        self.encryptionKeyID = encryptionKeyID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.createdBy = createdBy
        self.updatedBy = updatedBy
    }

    public var id: IntegrationID { summary.id }
    public var version: RowVersion { summary.version }

    /// A draft holding what is stored now, to edit field by field; credentials are kept.
    public var draft: IntegrationDraft {
        IntegrationDraft(
            type: summary.type, name: summary.name, config: config, enabled: summary.enabled,
            eventFilters: eventFilters, rateLimitPerMinute: rateLimitPerMinute,
            retryConfig: retryConfig, credentials: .keep)
    }
}
