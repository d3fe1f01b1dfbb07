import Foundation
import ViewModels

/// The Billing tab: for owners the plan, usage gauges, cycle and payment method; for anyone
/// else the reason they cannot see it.
enum BillingScreen {
    static func draw(_ state: AppState, in rect: Rect, now: Date, on canvas: inout Canvas) {
        if let reason = state.billingDenial {
            DeniedPanel.draw(
                title: "Billing is not available to you", reason: reason,
                hint: "Ask an owner of this workspace to change the plan or see usage.", in: rect,
                on: &canvas)
            return
        }
        guard let overview = state.billing.overview else {
            let text = state.billing.loadError ?? "Loading billing…"
            canvas.write(
                text, x: 2, y: 1, style: Style(state.billing.loadError == nil ? .dim : .flashError))
            return
        }
        var y = rect.y + 1
        for banner in banners(overview, now: now) {
            let height = BannerWidget.height(
                of: banner.text, severity: banner.severity, width: rect.width - 2)
            BannerWidget.draw(
                banner.text, severity: banner.severity,
                in: Rect(x: rect.x + 1, y: y, width: rect.width - 2, height: height), on: &canvas)
            y += height + 1
        }
        let left = rect.x + 2
        let width = rect.width - 4
        canvas.write("Plan", x: left, y: y, style: Style(.label))
        canvas.write(
            "\(overview.plan.title) · \(overview.status.title)", x: left + 16, y: y,
            style: Style(.title),
            maxWidth: width - 16)
        let price = overview.priceDescription
        canvas.write(price, x: left + width - DisplayWidth.of(price), y: y, style: Style(.body))
        y += 2
        let traces = GaugeModel(
            label: "Traces this cycle", used: overview.traces.used, limit: overview.traces.limit,
            unit: "traces")
        GaugeWidget.draw(traces, in: Rect(x: left, y: y, width: width, height: 2), on: &canvas)
        y += 3
        let small: [(String, UsageMeter)] = [
            ("Seats", overview.seats), ("API keys", overview.apiKeys),
            ("Integrations", overview.integrations),
        ]
        for (label, meter) in small {
            GaugeWidget.drawCompact(
                GaugeModel(label: label, used: meter.used, limit: meter.limit),
                in: Rect(x: left, y: y, width: width, height: 1),
                labelWidth: 16, on: &canvas)
            y += 1
        }
        y += 1
        for (label, value) in facts(overview, now: now) where y < rect.maxY {
            canvas.write(label, x: left, y: y, style: Style(.label), maxWidth: 16)
            canvas.write(value, x: left + 16, y: y, style: Style(.body), maxWidth: width - 16)
            y += 1
        }
    }

    static func facts(_ overview: BillingOverview, now: Date) -> [(String, String)] {
        var cycle = overview.cycleStart.description
        if let end = overview.cycleEnd {
            cycle += " → \(end)"
            if let left = overview.daysLeft(now: now) {
                cycle += " (\(left) \(left == 1 ? "day" : "days") left)"
            }
        }
        return [
            ("Billing cycle", cycle),
            (
                "Next billing",
                overview.nextBillingDate?.description
                    ?? (overview.autoRenew ? "-" : "does not renew")
            ),
            ("Payment method", overview.paymentMethod?.description ?? "none on file"),
            ("Retention", overview.limits.retentionDays.map { "\($0) days" } ?? "custom"),
        ]
    }

    struct Banner {
        let text: String
        let severity: Severity
    }

    static func banners(_ overview: BillingOverview, now: Date) -> [Banner] {
        var banners: [Banner] = []
        switch overview.status {
        case .trialing:
            let days =
                overview.trialDaysLeft(now: now).map { "\($0) \($0 == 1 ? "day" : "days") left" }
                ?? "trial"
            banners.append(
                Banner(
                    text:
                        "Trial: \(days). Add a payment method to keep the \(overview.plan.title) plan.",
                    severity: .info))
        case .pastDue:
            banners.append(
                Banner(
                    text: "Payment past due: update the payment method to avoid suspension.",
                    severity: .error))
        case .suspended:
            banners.append(
                Banner(
                    text:
                        "Workspace suspended: trace ingestion is paused until billing is resolved.",
                    severity: .error))
        case .canceled:
            banners.append(Banner(text: "Subscription canceled.", severity: .warning))
        case .active:
            break
        }
        if overview.cancellationRequested {
            let when =
                overview.cancellationEffectiveDate.map { " on \($0)" } ?? " at the end of the cycle"
            banners.append(
                Banner(
                    text: "Cancellation requested: the plan ends\(when). Resume to keep it.",
                    severity: .warning))
        }
        if overview.traces.level == .exceeded {
            banners.append(Banner(text: "Trace limit exceeded for this cycle.", severity: .error))
        }
        return banners
    }
}
