import Domain

/// What an owner can ask of the Billing tab. The TUI binds keys to these; `availability`
/// says, in the policy's words, whether each is possible now, so a dimmed key can explain.
public enum BillingCommand: String, Sendable, CaseIterable, Equatable {
    case changePlan, cancel, resume

    public var title: String {
        switch self {
        case .changePlan: return "Change plan"
        case .cancel: return "Cancel at period end"
        case .resume: return "Resume plan"
        }
    }

    /// Allowed, or denied with the reason the UI flashes.
    public func availability(in state: BillingState, policy: Policy) -> Decision {
        if case .denied(let reason) = policy.can(.manageBilling) { return .denied(reason) }
        guard let overview = state.overview else { return .denied(.billingStillLoading) }
        switch self {
        case .changePlan: return policy.choosePlan(overview)
        case .cancel: return policy.cancelPlan(overview)
        case .resume: return policy.resumePlan(overview)
        }
    }
}

/// What happens on the Billing tab: an owner's command, or the store's answer to one.
public enum BillingAction: Sendable, Equatable {
    case command(BillingCommand)
    case loaded(Result<BillingOverview, DomainError>)
    /// A plan change, cancellation or resumption finished; `update` words the flash.
    case changed(BillingChange, Result<BillingOverview, DomainError>)
}

/// Which billing write finished.
public enum BillingChange: Sendable, Equatable {
    case planChanged(Plan)
    case cancellationScheduled
    case resumed
}

/// The billing overview's read, and billing writes, each write checked against the row
/// version the owner was looking at, so a change made meanwhile by another owner is
/// reported instead of overwritten.
public enum BillingEffect: Sendable, Equatable {
    case load
    case changePlan(Plan, expected: RowVersion)
    case cancelAtPeriodEnd(expected: RowVersion)
    case resume(expected: RowVersion)
}
