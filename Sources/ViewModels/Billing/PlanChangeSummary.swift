import Domain
import Foundation

/// The plan picker's second step, in words: what the change costs, when it takes effect and
/// what is lost, read before anything is applied. Figures come from the plan catalogue's
/// limits in the preview.
public struct PlanChangeSummary: Sendable, Equatable {
    public let title: String
    /// "Price: $99.00 / month → $499.00 / month".
    public let price: String
    /// When the change applies, and what the next charge is.
    public let effect: String
    /// One line per limit that shrinks, or one line saying nothing is lost.
    public let losses: [String]
    public let isDowngrade: Bool
    public let confirmLabel: String

    public init(_ preview: PlanChangePreview, overview: BillingOverview) {
        title = "Confirm: \(preview.from.title) → \(preview.to.title)"
        price =
            "Price: \(Self.price(preview.currentMonthlyPriceUSD)) → "
            + Self.price(preview.newMonthlyPriceUSD)
        effect =
            "Takes effect as soon as you confirm"
            + (overview.nextBillingDate.map { "; the next charge, on \($0), is at the new price." }
                ?? ".")
        isDowngrade = preview.isDowngrade
        confirmLabel = "Change to \(preview.to.title)"
        let old = preview.currentLimits
        let new = preview.newLimits
        let shrinking: [(String, Int?, Int?, String)] = [
            ("Retention", old.retentionDays, new.retentionDays, " days"),
            ("Traces / month", old.tracesPerMonth, new.tracesPerMonth, ""),
            ("Seats", old.seats, new.seats, ""),
            ("API keys", old.apiKeys, new.apiKeys, ""),
            ("Integrations", old.integrations, new.integrations, ""),
        ].filter { Self.shrinks(from: $0.1, to: $0.2) }
        losses =
            shrinking.isEmpty
            ? ["Nothing is lost: every limit stays or grows."]
            : shrinking.map { label, before, after, unit in
                "You lose: \(label.lowercased()) \(Self.limit(before, unit)) → \(Self.limit(after, unit))"
            }
    }

    /// nil is no limit: a change from nil to a number shrinks.
    static func shrinks(from before: Int?, to after: Int?) -> Bool {
        guard let after else { return false }
        guard let before else { return true }
        return after < before
    }

    static func limit(_ value: Int?, _ unit: String) -> String {
        value.map { grouped($0) + unit } ?? "unlimited"
    }

    /// "$99.00 / month", or "custom" for negotiated (enterprise) pricing.
    public static func price(_ amount: Decimal?) -> String {
        guard let amount else { return "custom" }
        var scaled = amount * 100
        var cents = Decimal()
        NSDecimalRound(&cents, &scaled, 0, .plain)
        let total = NSDecimalNumber(decimal: cents).intValue
        let fraction = total % 100
        return "$\(grouped(total / 100)).\(fraction < 10 ? "0" : "")\(fraction) / month"
    }

    /// `650000` as `650,000`, whatever the locale.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }
}
