import Foundation
import Postgres
import Testing

@testable import Domain

/// The plan catalogue, usage meters and plan-change previews: pure functions, no database.
@Suite struct BillingPlanTests {
    @Test func catalogueMatchesSeed000sTable() {
        let free = PlanCatalogue.entry(for: .free)
        #expect(
            free.limits
                == PlanLimits(
                    tracesPerMonth: 10_000, seats: 3, apiKeys: 2, retentionDays: 7, integrations: 1)
        )
        #expect(free.monthlyPriceUSD == 0)
        let starter = PlanCatalogue.entry(for: .starter)
        #expect(
            starter.limits
                == PlanLimits(
                    tracesPerMonth: 100_000, seats: 10, apiKeys: 5, retentionDays: 30,
                    integrations: 3))
        #expect(starter.monthlyPriceUSD == 29)
        let professional = PlanCatalogue.entry(for: .professional)
        #expect(
            professional.limits
                == PlanLimits(
                    tracesPerMonth: 1_000_000, seats: 25, apiKeys: 10, retentionDays: 90,
                    integrations: 5))
        #expect(professional.monthlyPriceUSD == 99)
        let enterprise = PlanCatalogue.entry(for: .enterprise)
        #expect(
            enterprise.limits
                == PlanLimits(
                    tracesPerMonth: nil, seats: nil, apiKeys: nil, retentionDays: 365,
                    integrations: nil))
        #expect(enterprise.monthlyPriceUSD == nil)
        #expect(PlanCatalogue.all.map(\.plan) == [.free, .starter, .professional, .enterprise])
    }

    @Test(arguments: ["starter", " Professional ", "ENTERPRISE", "free"])
    func parsesPlanNamesLoosely(text: String) throws {
        #expect(
            try Plan.parse(text).rawValue == text.trimmingCharacters(in: .whitespaces).lowercased())
    }

    @Test(arguments: ["", "gold", "pro", "starter; DROP TABLE billing_config", "free\u{1B}[2J"])
    func refusesUnknownPlansNamingTheField(text: String) {
        let error = #expect(throws: DomainError.self) { try Plan.parse(text) }
        guard case .invalid(let field, let reason) = error else {
            Issue.record("wrong error \(String(describing: error))")
            return
        }
        #expect(field == "plan")
        #expect(reason.contains("use free, starter, professional or enterprise"))
        #expect(!reason.contains("\u{1B}"))
    }

    @Test func meterReadsPercentAndLevel() {
        let traces = UsageMeter(used: 650_000, limit: 1_000_000)
        #expect(traces.percent == 65)
        #expect(traces.level == .normal)
        #expect(traces.summary == "650,000 / 1,000,000 (65%)")
        #expect(UsageMeter(used: 8, limit: 10).level == .approaching)
        #expect(UsageMeter(used: 10, limit: 10).level == .exceeded)
        #expect(UsageMeter(used: 12, limit: 10).percent == 120)
        #expect(UsageMeter(used: 5, limit: nil).level == .unlimited)
        #expect(UsageMeter(used: 5, limit: nil).summary == "5 / unlimited")
        #expect(UsageMeter(used: 0, limit: 0).percent == 0)
        #expect(UsageMeter(used: 1, limit: 0).level == .exceeded)
    }

    @Test func previewListsEveryLimitThatWouldNoLongerFit() {
        let overview = Self.overview(seats: 26, integrations: 4, traces: 650_000, apiKeys: 3)
        let preview = overview.planChangePreview(to: .starter)
        #expect(preview.isDowngrade)
        #expect(preview.newLimits == PlanCatalogue.entry(for: .starter).limits)
        #expect(preview.newMonthlyPriceUSD == 29)
        #expect(
            preview.overruns.map(\.message) == [
                "650,000 traces this month, the starter plan allows 100,000",
                "26 seats in use, the starter plan allows 10",
                "4 integrations configured, the starter plan allows 3",
            ])
        guard case .limitReached(let reason)? = preview.blocker else {
            Issue.record("expected limitReached, got \(String(describing: preview.blocker))")
            return
        }
        #expect(reason.contains("26 seats in use, the starter plan allows 10"))
    }

    @Test func previewOfAnUpgradeFitsAndOfTheSamePlanIsInvalid() {
        let overview = Self.overview(seats: 26, integrations: 4, traces: 650_000, apiKeys: 3)
        let upgrade = overview.planChangePreview(to: .enterprise)
        #expect(upgrade.fits && upgrade.isUpgrade && upgrade.blocker == nil)
        #expect(upgrade.newMonthlyPriceUSD == nil)
        let same = overview.planChangePreview(to: .professional)
        #expect(same.isNoChange)
        #expect(
            same.blocker
                == .invalid(
                    field: "plan", reason: "the workspace is already on the professional plan"))
    }

    @Test func canceledOrSuspendedSubscriptionsCannotChangePlan() {
        for status in [PlanStatus.canceled, .suspended] {
            let preview = Self.overview(status: status).planChangePreview(to: .enterprise)
            guard case .conflict? = preview.blocker else {
                Issue.record(
                    "\(status): expected conflict, got \(String(describing: preview.blocker))")
                continue
            }
        }
        #expect(Self.overview(status: .pastDue).planChangePreview(to: .enterprise).blocker == nil)
    }

    @Test func policyExplainsBillingActionsInTheStoresWords() {
        let overview = Self.overview(seats: 11)
        #expect(
            Policy(actorRole: .admin).changePlan(overview.planChangePreview(to: .enterprise))
                .reason == "Only owners can change the plan")
        #expect(
            Policy(actorRole: .owner).changePlan(overview.planChangePreview(to: .enterprise))
                == .allowed)
        let denied = Policy(actorRole: .owner).changePlan(
            Self.overview(seats: 11, traces: 0).planChangePreview(to: .starter))
        #expect(denied.reason?.hasPrefix("11 seats in use, the starter plan allows 10") == true)
        #expect(
            Policy(actorRole: .owner).resumePlan(overview).reason
                == "No cancellation is scheduled")
        #expect(Policy(actorRole: .owner).cancelPlan(overview) == .allowed)
    }

    @Test func daysLeftCountsTodayAndStopsAtZero() throws {
        let overview = Self.overview()
        // Cycle 2026-11-01 .. 2026-11-30.
        let day = { (text: String) throws -> Date in try #require(PostgresTimestamp.parse(text)) }
        #expect(overview.daysLeft(now: try day("2026-11-23 09:00:00+00")) == 8)
        #expect(overview.daysLeft(now: try day("2026-11-30 23:59:59+00")) == 1)
        #expect(overview.daysLeft(now: try day("2026-12-01 00:00:00+00")) == 0)
        #expect(overview.daysLeft(now: try day("2026-11-01 00:00:00+00")) == 30)
    }

    @Test func moneyAndPaymentMethodReadWithoutLocale() {
        #expect(Self.overview().priceDescription == "$99.00 / month")
        #expect(PaymentMethod(brand: "Visa", last4: "4242").description == "Visa ending 4242")
        #expect(PaymentMethod(brand: "", last4: "0005").description == "Card ending 0005")
        #expect(Money.usd(Decimal(string: "1188.5") ?? 0) == "$1,188.50")
        #expect(
            CalendarDay(iso: "2026-02-28")?.days(until: CalendarDay(year: 2026, month: 3, day: 1))
                == 1)
        #expect(CalendarDay(iso: "2026-13-01") == nil)
    }

    static func overview(
        seats: Int = 5, integrations: Int = 4, traces: Int = 650_000, apiKeys: Int = 3,
        status: PlanStatus = .active
    ) -> BillingOverview {
        let limits = PlanCatalogue.entry(for: .professional).limits
        return BillingOverview(
            plan: .professional, status: status, limits: limits,
            traces: UsageMeter(used: traces, limit: limits.tracesPerMonth),
            seats: UsageMeter(used: seats, limit: limits.seats),
            apiKeys: UsageMeter(used: apiKeys, limit: limits.apiKeys),
            integrations: UsageMeter(used: integrations, limit: limits.integrations),
            cycleStart: CalendarDay(year: 2026, month: 11, day: 1),
            cycleEnd: CalendarDay(year: 2026, month: 11, day: 30),
            nextBillingDate: CalendarDay(year: 2026, month: 12, day: 1), monthlyPriceUSD: 99,
            annualPriceUSD: nil, interval: .monthly,
            paymentMethod: PaymentMethod(brand: "Visa", last4: "4242"), trialEndsAt: nil,
            autoRenew: true, cancellationRequested: false, cancellationEffectiveDate: nil,
            overageAllowed: false, version: RowVersion("v1"))
    }
}
