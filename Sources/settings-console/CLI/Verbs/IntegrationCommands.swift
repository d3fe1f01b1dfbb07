import ArgumentParser
import Domain
import Foundation

struct IntegrationsCLI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "integrations",
        abstract:
            "Integration health and settings: list, show, add, edit, enable, disable, remove, test, rotate-key.",
        discussion: """
            Credentials are read from an environment variable you name (--credentials-env), never \
            from the command line, and sealed with INTEGRATION_CREDENTIALS_KEY (32 bytes, base64).
            \(ExitKind.summary)
            """,
        subcommands: [
            IntegrationsList.self, IntegrationsShow.self, IntegrationsAdd.self,
            IntegrationsEdit.self,
            IntegrationsEnable.self, IntegrationsDisable.self, IntegrationsRemove.self,
            IntegrationsTest.self,
            IntegrationsRotateKey.self,
        ])
}

struct IntegrationJSON: Encodable {
    let id: String
    let type: String
    let name: String
    let enabled: Bool
    let health: String
    let healthMessage: String?
    let lastHealthCheckAt: Date?
    let lastSyncAt: Date?
    let eventsSent: Int
    let errors: Int
    let lastError: String?
    let credentials: String

    init(_ item: IntegrationHealth) {
        id = item.id.description
        type = item.type.rawValue
        name = item.name
        enabled = item.enabled
        health = item.health.rawValue
        healthMessage = item.healthMessage
        lastHealthCheckAt = item.lastHealthCheckAt
        lastSyncAt = item.lastSyncAt
        eventsSent = item.eventsSent
        errors = item.errors
        lastError = item.lastErrorMessage
        credentials = item.hasCredentials ? "configured" : "none"
    }
}

/// Options naming one integration.
struct IntegrationName: ParsableArguments {
    @Argument(help: "The integration's name (case-insensitive).") var name: String
    @Option(help: "Its type, when two integrations share the name.") var type: String?

    func find(in store: SettingsStore) async throws(DomainError) -> IntegrationHealth {
        try await store.integration(named: name, type: try type.map(IntegrationType.parse))
    }
}

/// Settings shared by add and edit; JSON values are parsed with their field named in errors.
struct IntegrationSettings: ParsableArguments {
    @Option(help: "Configuration as a JSON object (no secrets: use --credentials-env).") var config:
        String?
    @Option(help: "Event filters as a JSON object.") var eventFilters: String?
    @Option(help: "Retry settings as a JSON object.") var retry: String?
    @Option(help: "Events per minute (0 for no limit).") var rateLimit: Int?
    @Option(help: "Name of an environment variable holding the credentials to seal.")
    var credentialsEnv: String?

    func credentials() throws(DomainError) -> IntegrationDraft.Credentials? {
        guard let variable = credentialsEnv else { return nil }
        guard let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty else {
            throw .invalid(field: "credentials-env", reason: "the variable \(variable) is not set")
        }
        return .replace(Secret(value))
    }

    func apply(to draft: inout IntegrationDraft) throws(DomainError) {
        if let config { draft.config = try JSONValue.parse(config, field: "config") }
        if let eventFilters {
            draft.eventFilters = try JSONValue.parse(eventFilters, field: "event-filters")
        }
        if let retry { draft.retryConfig = try JSONValue.parse(retry, field: "retry") }
        if let rateLimit { draft.rateLimitPerMinute = rateLimit == 0 ? nil : rateLimit }
        if let credentials = try credentials() { draft.credentials = credentials }
    }
}

/// The sealer from INTEGRATION_CREDENTIALS_KEY, needed only when credentials are involved.
func environmentSealer(required: Bool) throws(DomainError) -> CredentialSealer? {
    do {
        return try CredentialSealer.fromEnvironment()
    } catch {
        if !required, case .missingKey = error { return nil }
        throw .invalid(field: CredentialSealer.keyVariable, reason: error.description)
    }
}

struct IntegrationsList: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Health of every integration, worst first.")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions

    func act(on store: SettingsStore) async throws(DomainError) -> CommandOutput {
        let items = try await store.integrations()
        var table = TextTable(headers: [
            "HEALTH", "NAME", "TYPE", "ENABLED", "EVENTS", "ERRORS", "LAST ERROR",
        ])
        for item in items {
            table.add([
                item.enabled ? item.health.rawValue : "disabled", item.name, item.type.rawValue,
                item.enabled ? "yes" : "no",
                String(item.eventsSent), String(item.errors), item.lastErrorMessage ?? "-",
            ])
        }
        return CommandOutput(text: table.rendered(), json: items.map(IntegrationJSON.init))
    }
}

struct IntegrationsShow: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One integration in full; secrets show as \"configured\".")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var target: IntegrationName

    static let recentAttempts = 10

    struct DetailJSON: Encodable {
        let summary: IntegrationJSON
        let since: Date?
        let attempts: [AttemptJSON]
        let config: JSONValue
        let eventFilters: JSONValue
        let retry: JSONValue
        let rateLimitPerMinute: Int?
    }

    func act(on store: SettingsStore) async throws(DomainError) -> CommandOutput {
        let detail = try await store.integration(try await target.find(in: store).id)
        let item = detail.summary
        let status = IntegrationStatus(
            integration: item, history: try await store.integrationHistory(item.id))
        let stamp = HealthReportJSON.timestamp
        let health =
            item.enabled
            ? item.health.rawValue + (status.since.map { " since \(stamp($0))" } ?? "")
            : "disabled (was \(item.health.rawValue))"
        let attempts = status.history.attempts.prefix(Self.recentAttempts).map {
            "  \(stamp($0.attemptedAt))  \($0.source.rawValue)  \($0.durationMS) ms  \($0.summary)"
        }
        let text = PrintableText.joined(
            lines: ([
                "Name          \(item.name) (\(item.type.rawValue))",
                "Health        \(health)",
                "Message       \(item.healthMessage ?? "-")",
                "Deliveries    \(status.breaker.words(time: stamp))",
                "Last success  \((status.history.assessment.lastSuccessAt ?? item.lastSyncAt).map(stamp) ?? "never")",
                "Events/errors \(item.eventsSent) / \(item.errors)",
                "Last error    \(item.lastErrorMessage ?? "-")",
                "Credentials   \(item.hasCredentials ? "configured" : "none")",
                "Rate limit    \(detail.rateLimitPerMinute.map { "\($0)/min" } ?? "none")",
                "Config        \(detail.config.jsonText)",
                "Event filters \(detail.eventFilters.jsonText)",
                "Retry         \(detail.retryConfig.jsonText)",
                "Recent attempts" + (attempts.isEmpty ? "  none" : ""),
            ] + attempts).map { PrintableText.untrusted($0) })
        return CommandOutput(
            text: text,
            json: DetailJSON(
                summary: IntegrationJSON(item), since: status.since,
                attempts: status.history.attempts.prefix(Self.recentAttempts).map(AttemptJSON.init),
                config: detail.config,
                eventFilters: detail.eventFilters,
                retry: detail.retryConfig, rateLimitPerMinute: detail.rateLimitPerMinute))
    }
}

struct IntegrationsAdd: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add an integration (owners and admins).")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "slack, pagerduty, webhook, sentry, datadog or custom.") var type: String
    @Option(help: "A name people recognise.") var name: String
    @Flag(help: "Add it disabled.") var disabled = false
    @OptionGroup var settings: IntegrationSettings

    func act(on store: SettingsStore) async throws(DomainError) -> CommandOutput {
        var draft = IntegrationDraft(
            type: try IntegrationType.parse(type), name: name, enabled: !disabled)
        try settings.apply(to: &draft)
        let sealer = try environmentSealer(required: settings.credentialsEnv != nil)
        let detail = try await store.addIntegration(draft, sealer: sealer)
        return CommandOutput(
            text: "Added \(detail.summary.name) (\(detail.summary.type.rawValue))",
            json: IntegrationJSON(detail.summary))
    }
}

struct IntegrationsEdit: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Change an integration's settings (owners and admins).")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var target: IntegrationName
    @Option(name: .customLong("rename"), help: "A new name.") var newName: String?
    @Flag(help: "Delete the stored credentials.") var removeCredentials = false
    @OptionGroup var settings: IntegrationSettings

    func act(on store: SettingsStore) async throws(DomainError) -> CommandOutput {
        let current = try await store.integration(try await target.find(in: store).id)
        var draft = current.draft
        if let newName { draft.name = newName }
        try settings.apply(to: &draft)
        if removeCredentials { draft.credentials = .remove }
        let sealer = try environmentSealer(required: settings.credentialsEnv != nil)
        let detail = try await store.editIntegration(
            current.id, draft, expected: current.version, sealer: sealer)
        return CommandOutput(
            text: "Saved \(detail.summary.name)",
            json: IntegrationJSON(detail.summary))
    }
}

/// enable, disable, remove and test share their shape: find by name, act, report.
protocol IntegrationVerb: StoreCommand {
    var target: IntegrationName { get }
    func perform(_ item: IntegrationHealth, on store: SettingsStore) async throws(DomainError)
        -> PrintableText
}

extension IntegrationVerb {
    func act(on store: SettingsStore) async throws(DomainError) -> CommandOutput {
        let item = try await target.find(in: store)
        return CommandOutput(message: try await perform(item, on: store))
    }
}

struct IntegrationsEnable: IntegrationVerb {
    static let configuration = CommandConfiguration(
        commandName: "enable", abstract: "Enable an integration.")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var target: IntegrationName
    func perform(_ item: IntegrationHealth, on store: SettingsStore) async throws(DomainError)
        -> PrintableText
    {
        _ = try await store.enableIntegration(item.id, expected: item.version)
        return "Enabled \(item.name)"
    }
}

struct IntegrationsDisable: IntegrationVerb {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Disable an integration.")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var target: IntegrationName
    func perform(_ item: IntegrationHealth, on store: SettingsStore) async throws(DomainError)
        -> PrintableText
    {
        _ = try await store.disableIntegration(item.id, expected: item.version)
        return "Disabled \(item.name)"
    }
}

struct IntegrationsRemove: IntegrationVerb {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Delete an integration and its credentials.")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var target: IntegrationName
    func perform(_ item: IntegrationHealth, on store: SettingsStore) async throws(DomainError)
        -> PrintableText
    {
        try await store.removeIntegration(item.id, expected: item.version)
        return "Removed \(item.name)"
    }
}

struct IntegrationsTest: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract:
            "Send a real test event with the stored credentials and record the result (owners and admins)."
    )
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var target: IntegrationName

    /// What a script needs from one test: the attempt as recorded and the health it led to.
    struct TestJSON: Encodable {
        let name: String
        let delivered: Bool
        let attempt: AttemptJSON
        let health: String
        let since: Date?
        let deliveries: String
    }

    /// Prints the result either way; exits 5 when the event was not delivered.
    func act(on store: SettingsStore) async throws(DomainError) -> CommandOutput {
        let item = try await target.find(in: store)
        let check = try await store.testIntegration(
            item.id, sealer: try environmentSealer(required: false))
        let deliveries: String
        switch check.assessment.breaker {
        case .closed: deliveries = "active"
        case .paused: deliveries = "paused"
        case .suspended: deliveries = "suspended"
        }
        let text = "\(item.name): \(check.passed ? "test" : "test failed:") \(check.message)"
        return CommandOutput(
            text: .untrusted(text),
            json: TestJSON(
                name: item.name, delivered: check.passed, attempt: AttemptJSON(check.attempt),
                health: check.assessment.status.rawValue, since: check.assessment.since,
                deliveries: deliveries),
            exitKind: check.passed ? .done : DomainError.conflict(reason: "").exitKind)
    }
}

struct IntegrationsRotateKey: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate-key",
        abstract:
            "Re-seal every credential under INTEGRATION_CREDENTIALS_KEY, reading the old key from --old-key-env."
    )
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Environment variable holding the old key (base64).") var oldKeyEnv: String

    func act(on store: SettingsStore) async throws(DomainError) -> CommandOutput {
        let environment = ProcessInfo.processInfo.environment
        let old: CredentialSealer
        do {
            old = try CredentialSealer(base64Key: environment[oldKeyEnv] ?? "", variable: oldKeyEnv)
        } catch {
            throw .invalid(field: oldKeyEnv, reason: error.description)
        }
        guard let new = try environmentSealer(required: true) else {
            throw .invalid(field: CredentialSealer.keyVariable, reason: "not set")
        }
        let count = try await store.rotateCredentialsKey(from: old, to: new)
        return CommandOutput(
            message: "Re-sealed \(count) credential\(count == 1 ? "" : "s") under key \(new.keyID)")
    }
}

/// One recorded attempt for `integrations show --json`.
struct AttemptJSON: Encodable {
    let at: Date
    let source: String
    let durationMS: Int
    let outcome: String
    let httpStatus: Int?
    let error: String?

    init(_ attempt: DeliveryAttempt) {
        at = attempt.attemptedAt
        source = attempt.source.rawValue
        durationMS = attempt.durationMS
        outcome = attempt.outcome.rawValue
        httpStatus = attempt.httpStatus
        error = attempt.error
    }
}
