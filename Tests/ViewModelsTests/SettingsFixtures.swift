import Domain
import Foundation
import ViewModels

/// Billing and integration values for view-model tests, next to `Fixtures`' team values.
enum SettingsFixtures {
    static func billing(
        plan: Plan = .professional, status: PlanStatus = .active, cancellation: Bool = false,
        seats: Int = 5, version: String = "b1"
    ) -> BillingOverview {
        let entry = PlanCatalogue.entry(for: plan)
        return BillingOverview(
            plan: plan, status: status, limits: entry.limits,
            traces: UsageMeter(used: 650_000, limit: entry.limits.tracesPerMonth),
            seats: UsageMeter(used: seats, limit: entry.limits.seats),
            apiKeys: UsageMeter(used: 3, limit: entry.limits.apiKeys),
            integrations: UsageMeter(used: 4, limit: entry.limits.integrations),
            cycleStart: CalendarDay(year: 2026, month: 11, day: 1),
            cycleEnd: CalendarDay(year: 2026, month: 11, day: 30),
            nextBillingDate: CalendarDay(year: 2026, month: 12, day: 1),
            monthlyPriceUSD: entry.monthlyPriceUSD,
            annualPriceUSD: nil, interval: .monthly,
            paymentMethod: PaymentMethod(brand: "Visa", last4: "4242"),
            trialEndsAt: nil, autoRenew: !cancellation, cancellationRequested: cancellation,
            cancellationEffectiveDate: cancellation
                ? CalendarDay(year: 2026, month: 11, day: 30) : nil,
            overageAllowed: false, version: RowVersion(version))
    }

    /// A state for `role` on the Billing tab with `overview` loaded.
    static func billingState(
        _ role: Role, _ overview: BillingOverview = billing(), readOnly: Bool = false
    ) -> AppState {
        var state = AppState(session: Fixtures.session(role), readOnly: readOnly)
        _ = state.update(.billing(.loaded(.success(overview))), now: Fixtures.now)
        state.tab = .billing
        state.flash = nil
        return state
    }

    static func integration(
        _ n: Int, _ type: IntegrationType = .webhook, name: String? = nil, enabled: Bool = true,
        sent: Int = 0,
        credentials: Bool = false
    ) -> IntegrationHealth {
        IntegrationHealth(
            id: IntegrationID(UUID()), type: type, name: name ?? "Integration \(n)",
            enabled: enabled,
            health: .healthy, healthMessage: nil, lastHealthCheckAt: nil, lastSyncAt: nil,
            eventsSent: sent,
            errors: 0, lastErrorMessage: nil, lastErrorAt: nil, hasCredentials: credentials,
            version: RowVersion("i\(n)"))
    }

    static func detail(_ item: IntegrationHealth, config: JSONValue, rateLimit: Int? = nil)
        -> IntegrationDetail
    {
        IntegrationDetail(
            summary: item, config: config,
            eventFilters: .object(["severity_min": .string("warning")]),
            rateLimitPerMinute: rateLimit, retryConfig: IntegrationDraft.defaultRetryConfig,
            encryptionKeyID: nil,
            createdAt: Fixtures.now, updatedAt: Fixtures.now, createdBy: nil, updatedBy: nil)
    }

    /// A state for `role` on the Integrations tab with `items` listed and `usage` known.
    static func integrationsState(
        _ role: Role, _ items: [IntegrationHealth],
        usage: UsageMeter? = UsageMeter(used: 1, limit: 5),
        readOnly: Bool = false, keyProblem: String? = nil
    ) -> AppState {
        var state = AppState(session: Fixtures.session(role), readOnly: readOnly)
        state.credentialsKeyProblem = keyProblem
        _ = state.update(.integration(.listLoaded(.success(items))), now: Fixtures.now)
        if let usage {
            _ = state.update(.integration(.usageLoaded(.success(usage))), now: Fixtures.now)
        }
        state.tab = .integrations
        state.flash = nil
        return state
    }
}

extension AppState {
    /// Types `text` into the open dialog, one key at a time, as the key router would.
    mutating func type(_ text: String, now: Date = Fixtures.now) {
        for character in text { _ = update(.dialogInput(.typed(character)), now: now) }
    }

    var integrationForm: IntegrationForm? {
        if case .integrationForm(let form) = dialog { return form }
        return nil
    }

    var planPicker: PlanPicker? {
        if case .planPicker(let picker) = dialog { return picker }
        return nil
    }

    var confirmation: Confirmation? {
        if case .confirm(let confirmation) = dialog { return confirmation }
        return nil
    }
}
