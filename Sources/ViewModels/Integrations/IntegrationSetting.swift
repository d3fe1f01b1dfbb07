import Domain

/// One of a type's key configuration settings, edited as a field of its own so nobody has to
/// write JSON for the common case; everything else goes in the form's JSON field.
public struct IntegrationSetting: Sendable, Hashable {
    /// The member of `config_data` it fills.
    public let key: String
    public let label: String
    /// An example value, drawn dim while the field is empty.
    public let placeholder: String

    public init(key: String, label: String, placeholder: String) {
        self.key = key
        self.label = label
        self.placeholder = placeholder
    }

    /// The settings each type shows as fields, most important first.
    public static func settings(for type: IntegrationType) -> [IntegrationSetting] {
        switch type {
        case .slack:
            return [
                IntegrationSetting(
                    key: "channel_name", label: "Channel", placeholder: "e.g. #agent-alerts"),
                IntegrationSetting(
                    key: "workspace_url", label: "Slack URL",
                    placeholder: "e.g. https://acme.slack.com"),
            ]
        case .pagerduty:
            return [
                IntegrationSetting(
                    key: "service_id", label: "Service ID", placeholder: "e.g. PSERVICE123")
            ]
        case .webhook:
            return [
                IntegrationSetting(
                    key: "url", label: "URL", placeholder: "e.g. https://example.com/hooks/agents"),
                IntegrationSetting(key: "method", label: "Method", placeholder: "e.g. POST"),
            ]
        case .sentry:
            return [
                IntegrationSetting(
                    key: "environment", label: "Environment", placeholder: "e.g. production")
            ]
        case .datadog:
            return [
                IntegrationSetting(key: "site", label: "Site", placeholder: "e.g. datadoghq.com")
            ]
        case .custom:
            return [
                IntegrationSetting(
                    key: "url", label: "URL", placeholder: "optional, e.g. https://…")
            ]
        }
    }
}
