import Foundation

/// The base URL of each service's HTTP API. Defaults are the public services; an environment
/// variable (for a region or a proxy) or an integration's own `api_url` setting replaces them,
/// which is also how tests point deliveries at a local server.
public struct DeliveryEndpoints: Sendable, Equatable {
    public var slack: String
    public var pagerduty: String
    public var sentry: String
    public var datadog: String

    public init(
        slack: String = "https://slack.com", pagerduty: String = "https://events.pagerduty.com",
        sentry: String = "https://sentry.io", datadog: String = "https://api.datadoghq.com"
    ) {
        self.slack = slack
        self.pagerduty = pagerduty
        self.sentry = sentry
        self.datadog = datadog
    }

    /// `SETTINGS_CONSOLE_SLACK_URL`, `_PAGERDUTY_URL`, `_SENTRY_URL`, `_DATADOG_URL`.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> DeliveryEndpoints {
        var endpoints = DeliveryEndpoints()
        func value(_ name: String) -> String? {
            environment["SETTINGS_CONSOLE_\(name)_URL"].flatMap { $0.isEmpty ? nil : $0 }
        }
        if let url = value("SLACK") { endpoints.slack = url }
        if let url = value("PAGERDUTY") { endpoints.pagerduty = url }
        if let url = value("SENTRY") { endpoints.sentry = url }
        if let url = value("DATADOG") { endpoints.datadog = url }
        return endpoints
    }

    func base(for type: IntegrationType) -> String? {
        switch type {
        case .slack: return slack
        case .pagerduty: return pagerduty
        case .sentry: return sentry
        case .datadog: return datadog
        case .webhook, .custom: return nil
        }
    }
}
