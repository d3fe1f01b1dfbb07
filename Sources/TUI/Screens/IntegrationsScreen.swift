import Foundation
import ViewModels

/// The Integrations tab: health at a glance, worst first, with a detail view on Enter.
enum IntegrationsScreen {
    static let columns = [
        TableColumn("Health", width: .fixed(11)),
        TableColumn("Name", width: .flex(weight: 3, min: 10)),
        TableColumn("Type", width: .fixed(9)),
        TableColumn("On", width: .fixed(3)),
        TableColumn("Checked", width: .fixed(8)),
        TableColumn("Last error", width: .flex(weight: 3, min: 8)),
    ]

    /// Symbol and word per status, so health reads without colour (UX.md).
    static func label(_ health: HealthStatus) -> (symbol: String, role: StyleRole) {
        switch health {
        case .healthy: return ("●", .healthHealthy)
        case .degraded: return ("▲", .healthDegraded)
        case .unhealthy: return ("✖", .healthUnhealthy)
        case .unknown: return ("?", .healthUnknown)
        }
    }

    static func draw(
        _ state: AppState, in rect: Rect, now: Date, offset: inout Int, on canvas: inout Canvas
    ) {
        let integrations = state.integrations
        if let detail = integrations.detail {
            IntegrationDetailScreen.draw(
                detail, history: integrations.history, in: rect, now: now, on: &canvas)
            return
        }
        let (header, rest) = rect.splitTop(2)
        canvas.within(header) { region in
            region.write(summary(integrations.items), x: 1, y: 0, style: Style(.title))
            region.write(
                "worst first · disabled last · Enter for details", x: 1, y: 1, style: Style(.dim))
        }
        let visible = TableLayout.visibleRowCount(tableHeight: rest.height)
        offset = TableLayout.scrollOffset(
            selected: integrations.items.isEmpty ? nil : integrations.selected,
            currentOffset: offset,
            visibleRows: visible, totalRows: integrations.items.count)
        let rows = integrations.items.dropFirst(offset).prefix(visible).map {
            row(for: $0, breaker: integrations.breakers[$0.id] ?? .closed, now: now)
        }
        let table = TableModel(
            columns: columns, rows: Array(rows), totalRowCount: integrations.items.count,
            firstRowIndex: offset,
            selectedIndex: integrations.items.isEmpty ? nil : integrations.selected,
            emptyMessage: integrations.loadError
                ?? (integrations.hasLoaded ? "No integrations configured" : "Loading…"))
        TableWidget.draw(table, in: rest, on: &canvas)
    }

    /// "4 integrations · 1 degraded · 1 disabled".
    static func summary(_ items: [IntegrationHealth]) -> String {
        var parts = ["\(items.count) \(items.count == 1 ? "integration" : "integrations")"]
        for status in [HealthStatus.unhealthy, .degraded] {
            let count = items.filter { $0.enabled && $0.health == status }.count
            if count > 0 { parts.append("\(count) \(status.rawValue)") }
        }
        let disabled = items.filter { !$0.enabled }.count
        if disabled > 0 { parts.append("\(disabled) disabled") }
        return parts.joined(separator: " · ")
    }

    static func row(for item: IntegrationHealth, breaker: Breaker = .closed, now: Date)
        -> TableRow
    {
        // A disabled integration pages nobody: its old health symbol would mislead.
        let (symbol, role) = item.enabled ? label(item.health) : ("○", StyleRole.disabled)
        let checked = item.lastHealthCheckAt.map { RelativeTime.format($0, now: now) } ?? "never"
        var error =
            item.lastErrorMessage ?? (item.health == .healthy ? "" : item.healthMessage ?? "")
        // Why nothing is being delivered comes first: it is what on-call acts on.
        if item.enabled {
            switch breaker {
            case .closed: break
            case .paused(let until, _):
                let retry =
                    until.timeIntervalSince(now) < 60
                    ? "within a minute" : RelativeTime.format(until, now: now)
                error = ["paused, retry \(retry)", error].filter { !$0.isEmpty }
                    .joined(separator: " · ")
            case .suspended:
                error = ["suspended until a test succeeds", error].filter { !$0.isEmpty }
                    .joined(separator: " · ")
            }
        }
        return TableRow(
            [
                TableCell(
                    "\(symbol) \(item.enabled ? item.health.rawValue : "disabled")",
                    style: Style(role)),
                TableCell(item.name), TableCell(item.type.rawValue),
                TableCell(item.enabled ? "yes" : "no"),
                TableCell(checked), TableCell(error, style: error.isEmpty ? nil : Style(.dim)),
            ], style: item.enabled ? nil : Style(.disabled))
    }
}
