import Domain
import Foundation
import ViewModels

/// One integration in full: health, activity, configuration (secrets only as "configured"),
/// event filters, rate limit and retries. Times are absolute here, relative in the list.
enum IntegrationDetailScreen {
    static func draw(_ detail: IntegrationDetail, in rect: Rect, now: Date, on canvas: inout Canvas)
    {
        let item = detail.summary
        let (symbol, role) = IntegrationsScreen.label(item.health)
        var lines: [(String, String, StyleRole)] = [
            (
                "Health", "\(symbol) \(item.health.rawValue)\(item.enabled ? "" : " (disabled)")",
                item.enabled ? role : .disabled
            ),
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
