/// What a user submits to add or edit an integration, before validation.
public struct IntegrationDraft: Sendable, Equatable {
    /// What to do with the sealed credentials.
    public enum Credentials: Sendable, Equatable {
        /// Leave them as they are (none, when adding).
        case keep
        /// Seal this secret in their place.
        case replace(Secret)
        /// Delete them.
        case remove
    }

    public var type: IntegrationType
    public var name: String
    /// A JSON object. Secret-looking members are refused: they belong in `credentials`.
    /// A member still reading `"configured"` keeps the stored value (edit of a redacted view).
    public var config: JSONValue
    public var enabled: Bool
    /// A JSON object of filter rules (`alert_types`, `severity_min`, `agents`).
    public var eventFilters: JSONValue
    /// Events per minute; `nil` means no limit.
    public var rateLimitPerMinute: Int?
    /// A JSON object (`max_retries`, `backoff`); `nil` keeps the database default.
    public var retryConfig: JSONValue?
    public var credentials: Credentials

    public init(
        type: IntegrationType, name: String, config: JSONValue = .emptyObject, enabled: Bool = true,
        eventFilters: JSONValue = .emptyObject, rateLimitPerMinute: Int? = nil,
        retryConfig: JSONValue? = nil, credentials: Credentials = .keep
    ) {
        self.type = type
        self.name = name
        self.config = config
        self.enabled = enabled
        self.eventFilters = eventFilters
        self.rateLimitPerMinute = rateLimitPerMinute
        self.retryConfig = retryConfig
        self.credentials = credentials
    }
}

/// A draft that passed validation: what the store writes.
struct ValidIntegration: Sendable, Equatable {
    let type: IntegrationType
    let name: String
    let config: JSONValue
    let enabled: Bool
    let eventFilters: JSONValue
    let rateLimitPerMinute: Int?
    let retryConfig: JSONValue?
    let credentials: IntegrationDraft.Credentials
}
