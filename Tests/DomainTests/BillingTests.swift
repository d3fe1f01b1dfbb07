import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// Billing through the store, against the seeded demo workspace (professional plan,
/// 650,000 of 1,000,000 traces, Visa ending 4242, 4 active + 1 pending seats, 3 API keys,
/// 4 integrations).
@Suite struct BillingTests {
    let database: TestDatabase

    init() async throws {
        database = try await TestDatabase.make(.seeded)
    }

    @Test func ownerSeesPlanUsageCycleAndPaymentMethod() async throws {
        let store = try await DemoLogin.store(database, .owner)
        let billing = try await store.billing()
        #expect(billing.plan == .professional)
        #expect(billing.status == .active)
        #expect(billing.traces == UsageMeter(used: 650_000, limit: 1_000_000))
        #expect(billing.traces.percent == 65)
        #expect(billing.traces.level == .normal)
        #expect(billing.seats == UsageMeter(used: 5, limit: 25))
        #expect(billing.apiKeys == UsageMeter(used: 3, limit: 10))
        #expect(billing.integrations == UsageMeter(used: 4, limit: 5))
        #expect(billing.limits.retentionDays == 90)
        #expect(billing.paymentMethod?.description == "Visa ending 4242")
        #expect(billing.monthlyPriceUSD == 99)
        #expect(billing.interval == .monthly)
        #expect(billing.priceDescription == "$99.00 / month")
        #expect(billing.autoRenew && !billing.cancellationRequested)
        let today = try #require(try await DemoLogin.scalar(database, "SELECT CURRENT_DATE::text"))
        let todayDay = try #require(CalendarDay(iso: today))
        #expect(
            billing.cycleStart == CalendarDay(year: todayDay.year, month: todayDay.month, day: 1))
        let cycleEnd = try #require(billing.cycleEnd)
        #expect(billing.nextBillingDate.map { cycleEnd.days(until: $0) } == 1)
        let noon = try #require(PostgresTimestamp.parse("\(today) 12:00:00+00"))
        #expect(billing.daysLeft(now: noon) == todayDay.days(until: cycleEnd) + 1)
    }

    @Test(arguments: [Role.admin, .member, .viewer])
    func onlyOwnersSeeBilling(role: Role) async throws {
        let store = try await DemoLogin.store(database, role)
        let error = await DemoLogin.error { () async throws(DomainError) in
            try await store.billing()
        }
        #expect(error == .forbidden(reason: "Only owners can view billing"))
    }

    @Test(arguments: [Role.admin, .member, .viewer])
    func onlyOwnersChangeThePlanOrCancel(role: Role) async throws {
        let store = try await DemoLogin.store(database, role)
        let denied = DomainError.forbidden(reason: "Only owners can change the plan")
        #expect(
            await DemoLogin.error { () async throws(DomainError) in
                try await store.changePlan(to: .enterprise)
            } == denied)
        #expect(
            await DemoLogin.error { () async throws(DomainError) in
                try await store.cancelAtPeriodEnd()
            } == denied)
        #expect(
            await DemoLogin.error { () async throws(DomainError) in try await store.resume() }
                == denied)
        #expect(
            try await DemoLogin.scalar(database, "SELECT plan_type FROM billing_config")
                == "professional")
    }

    @Test func changingThePlanAppliesTheCataloguesLimitsAndPrice() async throws {
        let store = try await DemoLogin.store(database, .owner)
        let before = try await store.billing()
        let enterprise = try await store.changePlan(to: .enterprise, expected: before.version)
        #expect(enterprise.plan == .enterprise)
        #expect(enterprise.limits == PlanCatalogue.entry(for: .enterprise).limits)
        #expect(enterprise.monthlyPriceUSD == nil)
        #expect(enterprise.priceDescription == "custom pricing")
        #expect(enterprise.traces.level == .unlimited)
        #expect(enterprise.version != before.version)
        // Back down to starter once the usage fits: traces reset, one integration removed.
        try await database.adminClient().query(
            "UPDATE billing_config SET traces_current_month = 1000")
        let integrations = try await store.integrations()
        try await store.removeIntegration(try #require(integrations.last).id)
        let starter = try await store.changePlan(to: .starter)
        #expect(
            starter.limits
                == PlanLimits(
                    tracesPerMonth: 100_000, seats: 10, apiKeys: 5, retentionDays: 30,
                    integrations: 3))
        #expect(starter.monthlyPriceUSD == 29)
        #expect(starter.integrations == UsageMeter(used: 3, limit: 3))
        let row = try #require(
            try await database.adminClient().query(
                "SELECT plan_type, team_members_limit, custom_integrations_limit, monthly_price_usd::text AS price, updated_by::text AS by FROM billing_config"
            ).first)
        #expect(try row.string("plan_type") == "starter")
        #expect(try row.int("team_members_limit") == 10)
        #expect(try row.int("custom_integrations_limit") == 3)
        #expect(try row.string("price") == "29.00")
        #expect(try row.string("by") == store.session.userID.description)
        let audited = try await database.adminClient().query(
            "SELECT changes->'before'->>'plan' AS was, changes->'after'->>'plan' AS now FROM audit_logs WHERE action = 'billing.change_plan' ORDER BY created_at"
        )
        #expect(
            try audited.rows.map { "\(try $0.string("was"))->\(try $0.string("now"))" }
                == ["professional->enterprise", "enterprise->starter"])
    }

    @Test func downgradeIsRefusedWhileSeatsDoNotFit() async throws {
        try await database.adminClient().query("UPDATE billing_config SET traces_current_month = 0")
        try await DemoLogin.addActiveMembers(database, count: 6)
        try await database.adminClient().query(
            "DELETE FROM integrations_config WHERE integration_type IN ('sentry', 'pagerduty')")
        let store = try await DemoLogin.store(database, .owner)
        let before = try await store.billing()
        #expect(before.seats.used == 11)
        #expect(
            before.planChangePreview(to: .starter).overruns.map(\.message)
                == ["11 seats in use, the starter plan allows 10"])
        let error = await DemoLogin.error { () async throws(DomainError) in
            try await store.changePlan(to: .starter)
        }
        guard case .limitReached(let reason)? = error else {
            Issue.record("expected limitReached, got \(String(describing: error))")
            return
        }
        #expect(reason.hasPrefix("11 seats in use, the starter plan allows 10"))
        let after = try await store.billing()
        #expect(after == before)
    }

    @Test func downgradeIsRefusedWhileIntegrationsDoNotFit() async throws {
        try await database.adminClient().query("UPDATE billing_config SET traces_current_month = 0")
        let store = try await DemoLogin.store(database, .owner)
        let error = await DemoLogin.error { () async throws(DomainError) in
            try await store.changePlan(to: .starter)
        }
        #expect(
            error
                == .limitReached(
                    reason:
                        "4 integrations configured, the starter plan allows 3; reduce usage first or choose a larger plan"
                ))
        let free = await DemoLogin.error { () async throws(DomainError) in
            try await store.changePlan(to: .free)
        }
        guard case .limitReached(let reason)? = free else {
            Issue.record("expected limitReached, got \(String(describing: free))")
            return
        }
        #expect(reason.contains("5 seats in use, the free plan allows 3"))
        #expect(reason.contains("3 API keys in use, the free plan allows 2"))
        #expect(reason.contains("4 integrations configured, the free plan allows 1"))
        #expect(try await store.billing().plan == .professional)
    }

    @Test func theSamePlanIsNotAChange() async throws {
        let store = try await DemoLogin.store(database, .owner)
        let error = await DemoLogin.error { () async throws(DomainError) in
            try await store.changePlan(to: .professional)
        }
        #expect(
            error
                == .invalid(
                    field: "plan", reason: "the workspace is already on the professional plan"))
    }

    @Test func cancelAtPeriodEndThenResume() async throws {
        let store = try await DemoLogin.store(database, .owner)
        let before = try await store.billing()
        let canceled = try await store.cancelAtPeriodEnd(expected: before.version)
        #expect(canceled.cancellationRequested)
        #expect(canceled.cancellationEffectiveDate == before.cycleEnd)
        #expect(!canceled.autoRenew)
        #expect(canceled.status == .active)
        let twice = await DemoLogin.error { () async throws(DomainError) in
            try await store.cancelAtPeriodEnd()
        }
        #expect(
            twice
                == .conflict(
                    reason: "cancellation is already scheduled for \(try #require(before.cycleEnd))"
                ))
        let resumed = try await store.resume(expected: canceled.version)
        #expect(!resumed.cancellationRequested)
        #expect(resumed.cancellationEffectiveDate == nil)
        #expect(resumed.autoRenew)
        let again = await DemoLogin.error { () async throws(DomainError) in try await store.resume()
        }
        #expect(again == .conflict(reason: "no cancellation is scheduled"))
        let actions = try await database.adminClient().query(
            "SELECT action FROM audit_logs WHERE action LIKE 'billing.%' ORDER BY created_at")
        #expect(
            try actions.rows.map { try $0.string("action") } == [
                "billing.cancel", "billing.resume",
            ])
    }

    @Test func aChangeOnAStaleViewIsAConflict() async throws {
        let store = try await DemoLogin.store(database, .owner)
        let other = try await DemoLogin.store(database, .owner)
        let seen = try await store.billing()
        try await other.cancelAtPeriodEnd()
        let stale = DomainError.conflict(
            reason: "billing was changed by someone else; refresh and try again")
        #expect(
            await DemoLogin.error { () async throws(DomainError) in
                try await store.changePlan(to: .enterprise, expected: seen.version)
            } == stale)
        #expect(
            await DemoLogin.error { () async throws(DomainError) in
                try await store.resume(expected: seen.version)
            } == stale)
        let now = try await store.billing()
        #expect(now.plan == .professional && now.cancellationRequested)
        // Usage counters are telemetry: a new trace count does not make a view stale.
        try await database.adminClient().query(
            "UPDATE billing_config SET traces_current_month = 700000")
        #expect(try await store.resume(expected: now.version).traces.used == 700_000)
    }

    @Test func rowLevelSecurityKeepsBillingFromNonOwnersEvenInRawSQL() async throws {
        for role in [Role.admin, .member, .viewer] {
            let (visible, updated) = try await DemoLogin.asConsoleApp(database, role) {
                connection in
                let visible = try connection.query("SELECT count(*) AS n FROM billing_config")
                    .first?.int("n")
                let updated = try connection.query(
                    "UPDATE billing_config SET plan_type = 'enterprise', traces_per_month_limit = NULL"
                ).affectedRows
                return (visible, updated)
            }
            #expect(visible == 0, "\(role) sees billing_config")
            #expect(updated == 0, "\(role) changed billing_config")
        }
        let owner = try await DemoLogin.asConsoleApp(database, .owner) { connection in
            try connection.query("SELECT count(*) AS n FROM billing_config").first?.int("n")
        }
        #expect(owner == 1)
        #expect(
            try await DemoLogin.scalar(database, "SELECT plan_type FROM billing_config")
                == "professional")
    }

    @Test func lowerLimitsThanUsageAreRefusedByTheDatabaseToo() async throws {
        let error = await #expect(throws: PostgresError.self) {
            try await DemoLogin.asConsoleApp(database, .owner) { connection in
                try connection.query("UPDATE billing_config SET custom_integrations_limit = 1")
            }
        }
        #expect(error?.sqlState == "SC003")
        #expect(
            error.map { DomainError.from($0) }
                == .limitReached(reason: "the plan allows no more integrations"))
    }
}
