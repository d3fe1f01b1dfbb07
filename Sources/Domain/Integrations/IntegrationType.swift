/// The kinds of integration seed 002 allows (`integrations_config.integration_type`).
public enum IntegrationType: String, Sendable, CaseIterable, Codable {
    case slack, pagerduty, webhook, sentry, datadog, custom

    public var title: String {
        switch self {
        case .slack: return "Slack"
        case .pagerduty: return "PagerDuty"
        case .webhook: return "Webhook"
        case .sentry: return "Sentry"
        case .datadog: return "Datadog"
        case .custom: return "Custom"
        }
    }

    /// Whether it wakes people up: disabling it silences on-call, so the console asks first.
    public var pages: Bool {
        switch self {
        case .pagerduty, .slack: return true
        case .webhook, .sentry, .datadog, .custom: return false
        }
    }

    /// Parses user input such as `PagerDuty` or ` webhook `.
    public static func parse(_ text: String) throws(DomainError) -> IntegrationType {
        let cleaned = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let type = IntegrationType(rawValue: cleaned) else {
            throw DomainError(.unknownIntegrationType(text))
        }
        return type
    }
}

/// The last known health of an integration (`integrations_config.health_status`).
public enum HealthStatus: String, Sendable, CaseIterable, Codable {
    case healthy, degraded, unhealthy, unknown

    /// Order in an on-call list: what needs attention first. Unknown sits above healthy
    /// because nobody has confirmed it works.
    public var urgency: Int {
        switch self {
        case .unhealthy: return 0
        case .degraded: return 1
        case .unknown: return 2
        case .healthy: return 3
        }
    }

    public var title: String {
        switch self {
        case .healthy: return "Healthy"
        case .degraded: return "Degraded"
        case .unhealthy: return "Unhealthy"
        case .unknown: return "Unknown"
        }
    }
}
