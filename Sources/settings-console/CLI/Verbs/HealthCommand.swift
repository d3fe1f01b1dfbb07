import ArgumentParser
import Domain
import Foundation

/// `settings-console health`: every integration's health for a monitor (Nagios, cron, a
/// Prometheus textfile), with an exit code that says whether alerting works; `--watch` runs
/// the periodic checker instead.
struct HealthCommand: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Integration health for monitors; --watch runs the periodic checker.",
        discussion: """
            Exit codes: 0 every enabled integration is healthy; \(HealthVerdict.warning.exitKind.code) \
            some enabled integration is degraded or was never checked; \
            \(HealthVerdict.critical.exitKind.code) some enabled integration is unhealthy. Disabled \
            integrations never fail the check. Any member may run it (a monitor can log in with \
            a viewer's SSH key: ssh console@bastion health --json).
            With --watch (owners and admins) it tests each enabled integration every \
            check_interval_seconds of its settings (default 300), skipping paused and suspended \
            ones, and records every attempt; --once does one round and stops.
            \(ExitKind.summary)
            """)
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "Keep testing integrations when they are due (the checker).") var watch = false
    @Flag(help: "With --watch: one round, then stop.") var once = false
    @Option(help: "With --watch: seconds between rounds.") var tick: Double = 10

    func act(on store: SettingsStore) async throws(DomainError) -> CommandOutput {
        if watch {
            // The checker tests, so it needs the right to; say so at once, naming who has it.
            try await store.requireIntegrationTester()
            let checker = HealthChecker(
                store: store, sealer: try environmentSealer(required: false),
                tick: max(tick, 0.2))
            try await checker.run(once: once)
            return CommandOutput(text: "", json: DoneJSON(message: "checker stopped"))
        }
        let statuses = try await store.integrationStatuses()
        let verdict = HealthVerdict(statuses)
        return CommandOutput(
            text: HealthReportText.render(statuses, verdict: verdict),
            json: HealthReportJSON(statuses, verdict: verdict), exitKind: verdict.exitKind)
    }
}

/// What a monitor needs from the whole list: all good, look soon, or act now.
enum HealthVerdict: String, Encodable {
    case ok, warning, critical

    init(_ statuses: [IntegrationStatus]) {
        let enabled = statuses.map(\.integration).filter(\.enabled)
        if enabled.contains(where: { $0.health == .unhealthy }) {
            self = .critical
        } else if enabled.contains(where: { $0.health != .healthy }) {
            self = .warning
        } else {
            self = .ok
        }
    }

    var exitKind: ExitKind {
        switch self {
        case .ok: return .done
        case .warning: return .healthDegraded
        case .critical: return .healthUnhealthy
        }
    }
}

/// The table people read.
enum HealthReportText {
    static func render(_ statuses: [IntegrationStatus], verdict: HealthVerdict) -> PrintableText {
        var table = TextTable(headers: [
            "HEALTH", "NAME", "TYPE", "SINCE", "LAST CHECK", "LAST ERROR",
        ])
        for status in statuses {
            let item = status.integration
            table.add([
                item.enabled ? item.health.rawValue : "disabled", item.name, item.type.rawValue,
                status.since.map(HealthReportJSON.timestamp) ?? "-",
                item.lastHealthCheckAt.map(HealthReportJSON.timestamp) ?? "never",
                item.lastErrorMessage ?? "-",
            ])
        }
        return .joined(lines: [table.rendered(), "overall: \(verdict.rawValue)"])
    }
}

/// The JSON a monitor parses; times in ISO 8601 UTC.
struct HealthReportJSON: Encodable {
    let status: HealthVerdict
    let integrations: [Entry]

    struct Entry: Encodable {
        let id: String
        let name: String
        let type: String
        let enabled: Bool
        let health: String
        let since: Date?
        let reason: String?
        let lastCheckAt: Date?
        let lastSuccessAt: Date?
        let lastError: String?
        let lastErrorAt: Date?
        let deliveries: String
        let pausedUntil: Date?
    }

    init(_ statuses: [IntegrationStatus], verdict: HealthVerdict) {
        status = verdict
        integrations = statuses.map { status in
            let item = status.integration
            var deliveries = "active"
            var pausedUntil: Date?
            switch status.breaker {
            case .closed: break
            case .paused(let until, _):
                deliveries = "paused"
                pausedUntil = until
            case .suspended: deliveries = "suspended"
            }
            return Entry(
                id: item.id.description, name: item.name, type: item.type.rawValue,
                enabled: item.enabled, health: item.enabled ? item.health.rawValue : "disabled",
                since: status.since, reason: item.healthMessage,
                lastCheckAt: item.lastHealthCheckAt,
                lastSuccessAt: status.history.assessment.lastSuccessAt ?? item.lastSyncAt,
                lastError: item.lastErrorMessage, lastErrorAt: item.lastErrorAt,
                deliveries: deliveries, pausedUntil: pausedUntil)
        }
    }

    static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
