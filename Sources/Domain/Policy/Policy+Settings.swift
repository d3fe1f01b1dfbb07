/// Decisions the console asks before offering a billing or integration action, so a dimmed
/// key and the store's refusal use the same words.
extension Policy {
    /// Whether the plan picker may open at all: owners only, and not for a subscription that
    /// is canceled or suspended (the preview's own words explain why).
    public func choosePlan(_ overview: BillingOverview) -> Decision {
        if case .denied(let reason) = can(.manageBilling) { return .denied(reason) }
        switch overview.status {
        case .active, .trialing, .pastDue:
            return .allowed
        case .canceled, .suspended:
            return changePlan(overview.planChangePreview(to: overview.plan))
        }
    }

    /// Editing, testing or removing an existing integration: owners and admins.
    public func manageIntegration(_ integration: IntegrationHealth) -> Decision {
        can(.manageIntegrations)
    }
}
