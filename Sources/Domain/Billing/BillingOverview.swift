import Foundation

/// Everything the Billing tab shows: plan, status, usage against limits, cycle and payment.
///
/// Limits come from the workspace's own `billing_config` row (the catalogue is only copied
/// there on a plan change), and usage is counted from the live rows, not from the row's
/// cached counters, so the figures match what enforcement sees.
public struct BillingOverview: Sendable, Equatable {
    public let plan: Plan
    public let status: PlanStatus
    public let limits: PlanLimits
    public let traces: UsageMeter
    /// Active members plus pending invitations.
    public let seats: UsageMeter
    /// API keys that are not revoked.
    public let apiKeys: UsageMeter
    /// Every integration of the workspace, enabled or not.
    public let integrations: UsageMeter
    public let cycleStart: CalendarDay
    public let cycleEnd: CalendarDay?
    public let nextBillingDate: CalendarDay?
    /// `nil` for custom (enterprise) pricing.
    public let monthlyPriceUSD: Decimal?
    public let annualPriceUSD: Decimal?
    public let interval: BillingInterval
    public let paymentMethod: PaymentMethod?
    public let trialEndsAt: Date?
    public let autoRenew: Bool
    public let cancellationRequested: Bool
    public let cancellationEffectiveDate: CalendarDay?
    public let overageAllowed: Bool
    public let version: RowVersion

    public init(
        plan: Plan, status: PlanStatus, limits: PlanLimits, traces: UsageMeter, seats: UsageMeter,
        apiKeys: UsageMeter, integrations: UsageMeter, cycleStart: CalendarDay,
        cycleEnd: CalendarDay?, nextBillingDate: CalendarDay?, monthlyPriceUSD: Decimal?,
        annualPriceUSD: Decimal?, interval: BillingInterval, paymentMethod: PaymentMethod?,
        trialEndsAt: Date?, autoRenew: Bool, cancellationRequested: Bool,
        cancellationEffectiveDate: CalendarDay?, overageAllowed: Bool, version: RowVersion
    ) {
        self.plan = plan
        self.status = status
        self.limits = limits
        self.traces = traces
        self.seats = seats
        self.apiKeys = apiKeys
        self.integrations = integrations
        self.cycleStart = cycleStart
        self.cycleEnd = cycleEnd
        self.nextBillingDate = nextBillingDate
        self.monthlyPriceUSD = monthlyPriceUSD
        self.annualPriceUSD = annualPriceUSD
        self.interval = interval
        self.paymentMethod = paymentMethod
        self.trialEndsAt = trialEndsAt
        self.autoRenew = autoRenew
        self.cancellationRequested = cancellationRequested
        self.cancellationEffectiveDate = cancellationEffectiveDate
        self.overageAllowed = overageAllowed
        self.version = version
    }

    /// Days left in the billing cycle counting today (UTC), 0 once it has ended; `nil` when
    /// the cycle has no end date. A pure function of `now`, so screens can be tested.
    public func daysLeft(now: Date) -> Int? {
        guard let cycleEnd else { return nil }
        return max(0, CalendarDay(now).days(until: cycleEnd) + 1)
    }

    /// Days until the trial ends (rounded up), `nil` when not on a trial.
    public func trialDaysLeft(now: Date) -> Int? {
        guard let trialEndsAt else { return nil }
        return max(0, Int((trialEndsAt.timeIntervalSince(now) / 86_400).rounded(.up)))
    }

    /// "$99.00 / month", "$1,188.00 / year" or "custom pricing".
    public var priceDescription: String {
        switch interval {
        case .monthly:
            guard let monthlyPriceUSD else { return "custom pricing" }
            return "\(Money.usd(monthlyPriceUSD)) / month"
        case .annual:
            guard let annualPriceUSD else {
                guard let monthlyPriceUSD else { return "custom pricing" }
                return "\(Money.usd(monthlyPriceUSD)) / month"
            }
            return "\(Money.usd(annualPriceUSD)) / year"
        }
    }
}

/// Dollar amounts as text, independent of the machine's locale.
enum Money {
    /// "$99.00", "$1,188.50".
    static func usd(_ amount: Decimal) -> String {
        var cents = Decimal()
        var scaled = amount * 100
        NSDecimalRound(&cents, &scaled, 0, .plain)
        let total = NSDecimalNumber(decimal: cents).intValue
        let sign = total < 0 ? "-" : ""
        let magnitude = abs(total)
        let fraction = magnitude % 100
        return "\(sign)$\(Count.grouped(magnitude / 100)).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
