import Foundation

/// The limits a plan grants; `nil` means unlimited.
public struct PlanLimits: Sendable, Equatable, Codable {
    public let tracesPerMonth: Int?
    public let seats: Int?
    public let apiKeys: Int?
    public let retentionDays: Int?
    public let integrations: Int?

    public init(
        tracesPerMonth: Int?, seats: Int?, apiKeys: Int?, retentionDays: Int?, integrations: Int?
    ) {
        self.tracesPerMonth = tracesPerMonth
        self.seats = seats
        self.apiKeys = apiKeys
        self.retentionDays = retentionDays
        self.integrations = integrations
    }
}

/// Seed 000's "Subscription Plan Limits" table as data: what each plan grants and costs.
///
/// A plan change copies these figures into `billing_config`, so the row stays the single
/// source of truth for enforcement (a sales-negotiated enterprise row can differ).
public enum PlanCatalogue {
    /// One plan's terms. `monthlyPriceUSD` is `nil` for custom (enterprise) pricing.
    public struct Entry: Sendable, Equatable {
        public let plan: Plan
        public let limits: PlanLimits
        public let monthlyPriceUSD: Decimal?
    }

    public static func entry(for plan: Plan) -> Entry {
        switch plan {
        case .free:
            return Entry(
                plan: plan,
                limits: PlanLimits(
                    tracesPerMonth: 10_000, seats: 3, apiKeys: 2, retentionDays: 7, integrations: 1),
                monthlyPriceUSD: Decimal(0))
        case .starter:
            return Entry(
                plan: plan,
                limits: PlanLimits(
                    tracesPerMonth: 100_000, seats: 10, apiKeys: 5, retentionDays: 30,
                    integrations: 3),
                monthlyPriceUSD: Decimal(29))
        case .professional:
            return Entry(
                plan: plan,
                limits: PlanLimits(
                    tracesPerMonth: 1_000_000, seats: 25, apiKeys: 10, retentionDays: 90,
                    integrations: 5),
                monthlyPriceUSD: Decimal(99))
        case .enterprise:
            return Entry(
                plan: plan,
                limits: PlanLimits(
                    tracesPerMonth: nil, seats: nil, apiKeys: nil, retentionDays: 365,
                    integrations: nil),
                monthlyPriceUSD: nil)
        }
    }

    /// Every plan, cheapest first, for a plan picker.
    public static var all: [Entry] { Plan.allCases.map(entry(for:)) }
}
