import Foundation
import ViewModels

/// The plan picker: the plans in a row, then the current and new limits side by side with
/// what is in use, and what would no longer fit. Confirm is disabled, with the reason, when
/// the previewed change cannot be applied.
enum PlanDialog {
    static func draw(_ picker: PlanPicker, state: AppState, in area: Rect, on canvas: inout Canvas)
    {
        guard let overview = state.billing.overview else { return }
        if picker.isConfirming {
            drawSummary(picker, overview: overview, in: area, on: &canvas)
            return
        }
        let preview = picker.preview(of: overview)
        let decision = state.planDecision(picker, overview)
        let lines = self.lines(
            preview, overview: overview, decision: decision, serverError: picker.serverError)
        let model = DialogModel(
            title: "Change plan",
            buttons: [
                DialogButton(picker.isSubmitting ? "Changing…" : "Change plan", keyHint: "Enter"),
                DialogButton("Cancel", keyHint: "Esc"),
            ],
            focusedButton: decision.isAllowed && !picker.isSubmitting ? 0 : nil,
            hint: "←/→ or first letter · Enter change · Esc cancel", contentHeight: 2 + lines.count,
            preferredWidth: 72)
        let content = DialogWidget.draw(model, in: area, on: &canvas)
        guard !content.isEmpty else { return }
        let plans = Plan.allCases
        ChoicePickerWidget.draw(
            ChoicePickerModel(
                label: "Plan", options: plans.map { ChoiceOption($0.rawValue) },
                selected: plans.firstIndex(of: picker.choice) ?? 0, isFocused: true),
            in: Rect(x: content.x, y: content.y, width: content.width, height: 1), labelWidth: 6,
            on: &canvas)
        for (index, line) in lines.enumerated() {
            let y = content.y + 2 + index
            guard y < content.maxY else { break }
            var x = content.x
            for (offset, cell) in line.cells.enumerated() {
                let isTable = line.cells.count > 1 && offset < columnWidths.count
                let width = isTable ? columnWidths[offset] : content.maxX - x
                canvas.write(
                    cell.text, x: x, y: y, style: Style(cell.role),
                    maxWidth: min(width, content.maxX - x))
                x += width
            }
        }
    }

    /// Label, now, new, in use.
    static let columnWidths = [16, 19, 19]

    struct Line {
        struct Cell {
            let text: String
            let role: StyleRole
        }

        let cells: [Cell]

        init(_ cells: [(String, StyleRole)]) {
            self.cells = cells.map { Cell(text: $0.0, role: $0.1) }
        }
    }

    /// The comparison table and the verdict under it, as rows of cells.
    static func lines(
        _ preview: PlanChangePreview, overview: BillingOverview, decision: Decision,
        serverError: String?
    ) -> [Line] {
        let current = preview.currentLimits
        let new = preview.newLimits
        func overrun(_ resource: PlanChangePreview.Overrun.Resource) -> Bool {
            preview.overruns.contains { $0.resource == resource }
        }
        func row(_ label: String, _ now: String, _ next: String, _ used: String, over: Bool = false)
            -> Line
        {
            Line([
                (label, .label), (now, .body),
                (over ? "✖ " + next : next, over ? .inputError : .body),
                (used, over ? .inputError : .dim),
            ])
        }
        var lines: [Line] = [
            Line([
                ("", .body), ("Now: \(preview.from.title)", .header),
                ("New: \(preview.to.title)", .header), ("In use", .header),
            ]),
            row(
                "Price", price(preview.currentMonthlyPriceUSD), price(preview.newMonthlyPriceUSD),
                ""),
            row(
                "Traces / month", limit(current.tracesPerMonth), limit(new.tracesPerMonth),
                NumberText.grouped(overview.traces.used), over: overrun(.traces)),
            row(
                "Seats", limit(current.seats), limit(new.seats),
                NumberText.grouped(overview.seats.used), over: overrun(.seats)),
            row(
                "API keys", limit(current.apiKeys), limit(new.apiKeys),
                NumberText.grouped(overview.apiKeys.used),
                over: overrun(.apiKeys)),
            row(
                "Integrations", limit(current.integrations), limit(new.integrations),
                NumberText.grouped(overview.integrations.used), over: overrun(.integrations)),
            row("Retention", days(current.retentionDays), days(new.retentionDays), ""),
            Line([]),
        ]
        if !preview.overruns.isEmpty {
            lines.append(
                Line([("✖ Would no longer fit on the \(preview.to.title) plan:", .inputError)]))
            lines += preview.overruns.map { Line([("  • " + $0.message, .inputError)]) }
            lines.append(Line([("Reduce usage first or choose a larger plan.", .disabled)]))
        } else if let reason = decision.reason {
            lines.append(Line([(reason, .disabled)]))
        } else {
            let direction = preview.isUpgrade ? "Upgrade" : "Downgrade"
            lines.append(
                Line([("✔ \(direction) to \(preview.to.title): everything in use fits.", .body)]))
        }
        if let serverError {
            lines.append(Line([]))
            lines.append(Line([("✖ " + serverError, .inputError)]))
        }
        return lines
    }

    /// The second step: price before and after, when it applies, what is lost.
    static func drawSummary(
        _ picker: PlanPicker, overview: BillingOverview, in area: Rect, on canvas: inout Canvas
    ) {
        let summary = picker.summary(of: overview)
        let model = DialogModel(
            title: summary.title, body: [summary.price, summary.effect] + summary.losses,
            buttons: [
                DialogButton(
                    picker.isSubmitting ? "Changing…" : summary.confirmLabel, keyHint: "Enter"),
                DialogButton("Cancel", keyHint: "Esc"),
            ],
            focusedButton: picker.isSubmitting ? nil : 0,
            hint: "Enter change · ←/→ back to the plans · Esc cancel", preferredWidth: 72,
            isDestructive: summary.isDowngrade)
        DialogWidget.draw(model, in: area, on: &canvas)
    }

    static func limit(_ value: Int?) -> String { value.map(NumberText.grouped) ?? "unlimited" }

    static func days(_ value: Int?) -> String { value.map { "\($0) days" } ?? "custom" }

    /// "$99.00 / month", or "custom" for negotiated (enterprise) pricing.
    static func price(_ amount: Decimal?) -> String { PlanChangeSummary.price(amount) }
}
