import Foundation
import Postgres

extension SettingsStore {
    /// The workspace's plan, usage and billing details. Owners only.
    public func billing() async throws(DomainError) -> BillingOverview {
        try await transaction { tx in
            try tx.policy().can(.viewBilling).enforce()
            return try tx.billingOverview(lock: false)
        }
    }

    /// Moves the workspace to `plan`, copying the catalogue's limits and price. Refused when
    /// current usage would not fit the new limits, so a downgrade never strands members.
    @discardableResult
    public func changePlan(to plan: Plan, expected: RowVersion? = nil)
        async throws(DomainError) -> BillingOverview
    {
        try await transaction { tx in
            try tx.policy().can(.manageBilling).enforce()
            // Invitations and integrations take the same lock, so the usage checked here
            // cannot grow before this commits.
            try tx.lockWorkspace()
            let current = try tx.billingOverview(lock: true)
            try tx.requireUnchanged(current, expected: expected)
            if let blocker = current.planChangePreview(to: plan).blocker { throw blocker }
            let entry = PlanCatalogue.entry(for: plan)
            try tx.query(
                """
                UPDATE billing_config SET plan_type = $2, traces_per_month_limit = $3,
                    team_members_limit = $4, api_keys_limit = $5, data_retention_days = $6,
                    custom_integrations_limit = $7, monthly_price_usd = $8::numeric,
                    annual_price_usd = NULL, updated_by = $9
                WHERE workspace_id = $1
                """,
                [
                    tx.session.workspaceID.rawValue, plan.rawValue, entry.limits.tracesPerMonth,
                    entry.limits.seats, entry.limits.apiKeys, entry.limits.retentionDays,
                    entry.limits.integrations, entry.monthlyPriceUSD, tx.session.userID.rawValue,
                ])
            try tx.audit(
                "billing.change_plan", resourceType: "billing_config", resourceID: nil,
                before: BillingRows.auditFields(
                    plan: current.plan, limits: current.limits,
                    monthlyPriceUSD: current.monthlyPriceUSD),
                after: BillingRows.auditFields(
                    plan: plan, limits: entry.limits, monthlyPriceUSD: entry.monthlyPriceUSD))
            return try tx.billingOverview(lock: false)
        }
    }

    /// Schedules cancellation for the end of the current cycle and stops auto-renewal; the
    /// plan keeps working until then.
    @discardableResult
    public func cancelAtPeriodEnd(expected: RowVersion? = nil) async throws(DomainError)
        -> BillingOverview
    {
        try await transaction { tx in
            try tx.policy().can(.manageBilling).enforce()
            let current = try tx.billingOverview(lock: true)
            try tx.requireUnchanged(current, expected: expected)
            if let blocker = current.cancellationBlocker { throw blocker }
            try tx.query(
                """
                UPDATE billing_config SET cancellation_requested = true,
                    cancellation_effective_date = COALESCE(billing_cycle_end,
                        next_billing_date - 1, CURRENT_DATE),
                    auto_renew = false, updated_by = $2
                WHERE workspace_id = $1
                """, [tx.session.workspaceID.rawValue, tx.session.userID.rawValue])
            let updated = try tx.billingOverview(lock: false)
            try tx.audit(
                "billing.cancel", resourceType: "billing_config", resourceID: nil,
                before: [
                    "cancellation_requested": "false", "auto_renew": String(current.autoRenew),
                ],
                after: [
                    "cancellation_requested": "true", "auto_renew": "false",
                    "cancellation_effective_date": updated.cancellationEffectiveDate?.description
                        ?? "",
                ])
            return updated
        }
    }

    /// Withdraws a scheduled cancellation and turns auto-renewal back on.
    @discardableResult
    public func resume(expected: RowVersion? = nil) async throws(DomainError) -> BillingOverview {
        try await transaction { tx in
            try tx.policy().can(.manageBilling).enforce()
            let current = try tx.billingOverview(lock: true)
            try tx.requireUnchanged(current, expected: expected)
            if let blocker = current.resumeBlocker { throw blocker }
            try tx.query(
                """
                UPDATE billing_config SET cancellation_requested = false,
                    cancellation_effective_date = NULL, auto_renew = true, updated_by = $2
                WHERE workspace_id = $1
                """, [tx.session.workspaceID.rawValue, tx.session.userID.rawValue])
            try tx.audit(
                "billing.resume", resourceType: "billing_config", resourceID: nil,
                before: [
                    "cancellation_requested": "true",
                    "cancellation_effective_date": current.cancellationEffectiveDate?.description
                        ?? "",
                ],
                after: ["cancellation_requested": "false", "auto_renew": "true"])
            return try tx.billingOverview(lock: false)
        }
    }
}

extension BillingOverview {
    /// Why a cancellation cannot be scheduled now, or nil.
    public var cancellationBlocker: DomainError? {
        switch status {
        case .canceled: return DomainError(.subscriptionAlreadyCanceled)
        case .active, .trialing, .pastDue, .suspended: break
        }
        if cancellationRequested {
            return DomainError(.cancellationAlreadyScheduled(for: cancellationEffectiveDate))
        }
        return nil
    }

    /// Why there is nothing to resume, or nil.
    public var resumeBlocker: DomainError? {
        switch status {
        case .canceled:
            return DomainError(.subscriptionEnded)
        case .active, .trialing, .pastDue, .suspended: break
        }
        if !cancellationRequested {
            return DomainError(.noCancellationScheduled)
        }
        return nil
    }
}

extension WorkspaceTransaction {
    /// The billing row with live usage; a workspace without one (or a role RLS hides it
    /// from) is reported as not found.
    func billingOverview(lock: Bool) throws -> BillingOverview {
        let row = try query(BillingRows.select(lock: lock), [session.workspaceID.rawValue]).first
        guard let row else {
            throw DomainError.notFound(what: "this workspace has no billing record")
        }
        return try BillingRows.decode(row)
    }

    func requireUnchanged(_ overview: BillingOverview, expected: RowVersion?) throws {
        if let expected, expected != overview.version {
            throw DomainError(.billingChanged)
        }
    }
}
