import Foundation
import Postgres

/// The SQL that reads a workspace's billing row with its live usage counts, and its decoding.
enum BillingRows {
    /// `$1` is the workspace id. Usage comes from `console_plan_limits()`, which counts what
    /// the database's limit triggers count: seats are active members plus pending
    /// invitations, API keys those not revoked, integrations all of the workspace's.
    static func select(lock: Bool) -> SQL {
        """
        SELECT bc.plan_type, bc.plan_status,
               bc.traces_per_month_limit, bc.team_members_limit, bc.api_keys_limit,
               bc.data_retention_days, bc.custom_integrations_limit, bc.traces_current_month,
               bc.billing_cycle_start::text AS cycle_start, bc.billing_cycle_end::text AS cycle_end,
               bc.next_billing_date::text AS next_billing_date,
               bc.monthly_price_usd, bc.annual_price_usd,
               COALESCE(bc.billing_interval, 'monthly') AS billing_interval,
               bc.payment_method_brand, bc.payment_method_last4, bc.trial_ends_at,
               COALESCE(bc.auto_renew, true) AS auto_renew,
               COALESCE(bc.cancellation_requested, false) AS cancellation_requested,
               bc.cancellation_effective_date::text AS cancellation_effective_date,
               COALESCE(bc.overage_allowed, false) AS overage_allowed,
               bc.updated_at::text AS version,
               pl.seats_used, pl.api_keys_used, pl.integrations_used
        FROM billing_config bc
        CROSS JOIN console_plan_limits() pl
        WHERE bc.workspace_id = $1
        """ + (lock ? "\nFOR UPDATE OF bc" : "")
    }

    static func decode(_ row: PostgresRow) throws -> BillingOverview {
        func day(_ name: String) throws -> CalendarDay? {
            guard let text = try row.optionalString(name) else { return nil }
            guard let day = CalendarDay(iso: text) else {
                throw PostgresError(
                    kind: .unexpectedResult, serverMessage: "column \(name) is not a date")
            }
            return day
        }
        guard let plan = Plan(rawValue: try row.string("plan_type")),
            let status = PlanStatus(rawValue: try row.string("plan_status")),
            let interval = BillingInterval(rawValue: try row.string("billing_interval")),
            let cycleStart = try day("cycle_start")
        else {
            throw PostgresError(
                kind: .unexpectedResult, serverMessage: "unknown plan, status or interval")
        }
        let limits = PlanLimits(
            tracesPerMonth: try row.optionalInt("traces_per_month_limit"),
            seats: try row.optionalInt("team_members_limit"),
            apiKeys: try row.optionalInt("api_keys_limit"),
            retentionDays: try row.optionalInt("data_retention_days"),
            integrations: try row.optionalInt("custom_integrations_limit"))
        let brand = try row.optionalString("payment_method_brand")
        let last4 = try row.optionalString("payment_method_last4")
        return BillingOverview(
            plan: plan, status: status, limits: limits,
            traces: UsageMeter(
                used: try row.int("traces_current_month"), limit: limits.tracesPerMonth),
            seats: UsageMeter(used: try row.int("seats_used"), limit: limits.seats),
            apiKeys: UsageMeter(used: try row.int("api_keys_used"), limit: limits.apiKeys),
            integrations: UsageMeter(
                used: try row.int("integrations_used"), limit: limits.integrations),
            cycleStart: cycleStart, cycleEnd: try day("cycle_end"),
            nextBillingDate: try day("next_billing_date"),
            monthlyPriceUSD: try row.optionalDecimal("monthly_price_usd"),
            annualPriceUSD: try row.optionalDecimal("annual_price_usd"),
            interval: interval,
            paymentMethod: last4.map { PaymentMethod(brand: brand ?? "", last4: $0) },
            trialEndsAt: try row.optionalDate("trial_ends_at"),
            autoRenew: try row.bool("auto_renew"),
            cancellationRequested: try row.bool("cancellation_requested"),
            cancellationEffectiveDate: try day("cancellation_effective_date"),
            overageAllowed: try row.bool("overage_allowed"),
            version: RowVersion(try row.string("version")))
    }

    /// The audit view of a billing row: plan, limits and price, nothing about the card.
    static func auditFields(plan: Plan, limits: PlanLimits, monthlyPriceUSD: Decimal?) -> [String:
        String]
    {
        func text(_ value: Int?) -> String { value.map(String.init) ?? "unlimited" }
        return [
            "plan": plan.rawValue,
            "traces_per_month_limit": text(limits.tracesPerMonth),
            "team_members_limit": text(limits.seats),
            "api_keys_limit": text(limits.apiKeys),
            "data_retention_days": text(limits.retentionDays),
            "custom_integrations_limit": text(limits.integrations),
            "monthly_price_usd": monthlyPriceUSD.map { "\($0)" } ?? "custom",
        ]
    }
}
