import Foundation

/// What a plan change would do, worked out before asking the owner to confirm it.
public struct PlanChangePreview: Sendable, Equatable {
    /// One limit the current usage would not fit under.
    public struct Overrun: Sendable, Equatable {
        public enum Resource: String, Sendable, Equatable, CaseIterable {
            case traces, seats, apiKeys, integrations
        }

        public let resource: Resource
        public let used: Int
        public let limit: Int
        /// "26 seats in use, the starter plan allows 10".
        public let message: String
    }

    public let from: Plan
    public let to: Plan
    public let currentLimits: PlanLimits
    public let newLimits: PlanLimits
    public let currentMonthlyPriceUSD: Decimal?
    public let newMonthlyPriceUSD: Decimal?
    /// Every usage figure that exceeds the target plan's limit; empty when all fit.
    public let overruns: [Overrun]
    /// The subscription's status when previewed; canceled and suspended ones cannot change.
    public let status: PlanStatus

    public var isUpgrade: Bool { to > from }
    public var isDowngrade: Bool { to < from }
    public var isNoChange: Bool { to == from }
    /// True when the change could be applied as previewed.
    public var fits: Bool { overruns.isEmpty }

    /// The preview of moving `overview`'s workspace to `target`. Pure: no database, no clock.
    public static func make(_ overview: BillingOverview, to target: Plan) -> PlanChangePreview {
        let entry = PlanCatalogue.entry(for: target)
        let limits = entry.limits
        var overruns: [Overrun] = []
        func check(_ resource: Overrun.Resource, _ meter: UsageMeter, _ limit: Int?, _ what: String)
        {
            guard let limit, !meter.fits(within: limit) else { return }
            overruns.append(
                Overrun(
                    resource: resource, used: meter.used, limit: limit,
                    message:
                        "\(what), the \(target.rawValue) plan allows \(Count.grouped(limit))"))
        }
        for resource in Overrun.Resource.allCases {
            switch resource {
            case .traces:
                check(
                    resource, overview.traces, limits.tracesPerMonth,
                    "\(Count.noun(overview.traces.used, "trace", "traces")) this month")
            case .seats:
                check(
                    resource, overview.seats, limits.seats,
                    "\(Count.noun(overview.seats.used, "seat", "seats")) in use")
            case .apiKeys:
                check(
                    resource, overview.apiKeys, limits.apiKeys,
                    "\(Count.noun(overview.apiKeys.used, "API key", "API keys")) in use")
            case .integrations:
                check(
                    resource, overview.integrations, limits.integrations,
                    "\(Count.noun(overview.integrations.used, "integration", "integrations")) configured"
                )
            }
        }
        return PlanChangePreview(
            from: overview.plan, to: target, currentLimits: overview.limits, newLimits: limits,
            currentMonthlyPriceUSD: overview.monthlyPriceUSD,
            newMonthlyPriceUSD: entry.monthlyPriceUSD, overruns: overruns,
            status: overview.status)
    }

    /// Why the change cannot be applied, or nil when it can; the words the store's errors use.
    public var blocker: DomainError? {
        switch status {
        case .active, .trialing, .pastDue: break
        case .canceled:
            return DomainError(.subscriptionCanceled)
        case .suspended:
            return DomainError(.subscriptionSuspended)
        }
        if isNoChange {
            return DomainError(.alreadyOnPlan(to))
        }
        guard overruns.isEmpty else {
            return DomainError(.planOverruns(overruns.map(\.message)))
        }
        return nil
    }
}

extension BillingOverview {
    /// The preview of moving this workspace to `target`; pure, so a dialog can show it as
    /// the owner moves through the plan list.
    public func planChangePreview(to target: Plan) -> PlanChangePreview {
        PlanChangePreview.make(self, to: target)
    }
}
