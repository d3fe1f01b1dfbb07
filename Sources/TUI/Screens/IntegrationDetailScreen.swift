import Foundation
import ViewModels

/// One integration in full: health, activity, configuration (secrets only as "configured"),
/// event filters, rate limit and retries. Times are absolute here, relative in the list.
enum IntegrationDetailScreen {
    static func draw(
        _ detail: IntegrationDetail, history: IntegrationHistory?, in rect: Rect, now: Date,
        on canvas: inout Canvas
    ) {
        let item = detail.summary
        let (symbol, role) = IntegrationsScreen.label(item.health)
        let status = history.flatMap {
            $0.id == item.id ? IntegrationStatus(integration: item, history: $0) : nil
        }
        let since = status?.since.map { " since \(AbsoluteTime.format($0))" } ?? ""
        var lines: [(String, String, StyleRole)] = [
            item.enabled
                ? ("Health", "\(symbol) \(item.health.rawValue)\(since)", role)
                : ("Health", "○ disabled (was \(item.health.rawValue))", .disabled)
        ]
        if let status {
            let breaker = status.breaker
            lines.append(
                (
                    "Deliveries", breaker.words(time: { AbsoluteTime.format($0) }),
                    breaker == .closed ? .body : .flashError
                ))
            lines.append(
                (
                    "Last success",
                    (status.history.assessment.lastSuccessAt ?? item.lastSyncAt).map {
                        AbsoluteTime.format($0)
                    } ?? "never", .body
                ))
        }
        lines += [
            ("Type", item.type.rawValue, .body),
            ("Message", item.healthMessage ?? "-", .body),
            (
                "Last check", item.lastHealthCheckAt.map { AbsoluteTime.format($0) } ?? "never",
                .body
            ),
            ("Last sync", item.lastSyncAt.map { AbsoluteTime.format($0) } ?? "never", .body),
            ("Events sent", NumberText.grouped(item.eventsSent), .body),
            ("Errors", errorText(item), .body),
            (
                "Last error",
                item.lastErrorMessage.map { msg in
                    msg + (item.lastErrorAt.map { " (\(AbsoluteTime.format($0)))" } ?? "")
                } ?? "-", item.lastErrorMessage == nil ? .body : .flashError
            ),
        ]
        // Attempts before settings: on a small screen on-call needs them more.
        for (index, attempt) in (status?.history.attempts.prefix(5) ?? []).enumerated() {
            lines.append(
                (
                    index == 0 ? "Recent attempts" : "",
                    "\(AbsoluteTime.format(attempt.attemptedAt)) \(attempt.source.rawValue) "
                        + "\(attempt.durationMS) ms \(attempt.summary)",
                    attempt.outcome.succeeded ? .body : .dim
                ))
        }
        lines += [
            ("Credentials", item.hasCredentials ? "configured" : "none", .body),
            ("Rate limit", detail.rateLimitPerMinute.map { "\($0) / minute" } ?? "none", .body),
            ("Retries", detail.retryConfig.jsonText, .body),
            ("Event filters", detail.eventFilters.jsonText, .body),
        ]
        for (key, value) in detail.config.objectValue?.sorted(by: { $0.key < $1.key }) ?? [] {
            lines.append(("config." + key, value.stringValue ?? value.jsonText, .body))
        }
        canvas.write(
            item.name, x: rect.x + 2, y: rect.y, style: Style(.title), maxWidth: rect.width - 4)
        canvas.write("Esc back", x: rect.maxX - 10, y: rect.y, style: Style(.dim))
        for (index, line) in lines.enumerated() where rect.y + 2 + index < rect.maxY {
            canvas.write(
                line.0, x: rect.x + 2, y: rect.y + 2 + index, style: Style(.label), maxWidth: 16)
            canvas.write(
                line.1, x: rect.x + 19, y: rect.y + 2 + index, style: Style(line.2),
                maxWidth: rect.width - 21)
        }
    }

    static func errorText(_ item: IntegrationHealth) -> String {
        guard let rate = item.errorRatePercent else { return NumberText.grouped(item.errors) }
        return "\(NumberText.grouped(item.errors)) (\(String(format: "%.1f", rate))% error rate)"
    }
}
