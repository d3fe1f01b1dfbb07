import Domain

/// The plan picker: the owner moves through the plans and sees, live, the new limits, the
/// price and what would no longer fit. Confirming is possible only when the policy allows
/// the previewed change.
///
/// It keeps only the choice: the preview is worked out from the billing figures the state
/// holds now, so a refresh while the picker is open (after a stale-version refusal) shows,
/// and confirms against, the current figures.
public struct PlanPicker: Sendable, Equatable {
    public var choice: Plan
    public var isSubmitting = false
    /// The second step: the summary of price, timing and losses is on screen, and Enter
    /// applies the change. Moving to another plan goes back to the first step.
    public var isConfirming = false
    /// The store's refusal, shown in the dialog; the choice stays as it was.
    public var serverError: String?

    /// Starts on the next plan up (down from the top plan): the current plan is no change.
    public init(current: Plan) {
        let plans = Plan.allCases
        let index = plans.firstIndex(of: current) ?? 0
        choice = index + 1 < plans.count ? plans[index + 1] : plans[max(0, index - 1)]
    }

    /// What moving `overview`'s workspace to the chosen plan would do.
    public func preview(of overview: BillingOverview) -> PlanChangePreview {
        overview.planChangePreview(to: choice)
    }

    /// What confirming the chosen plan would cost and take away, for the second step.
    public func summary(of overview: BillingOverview) -> PlanChangeSummary {
        PlanChangeSummary(preview(of: overview), overview: overview)
    }

    /// Whether the previewed change may be confirmed, with the reason when not.
    public func decision(_ overview: BillingOverview, policy: Policy) -> Decision {
        policy.changePlan(preview(of: overview))
    }

    /// Moves the choice by `step` plans, wrapping around.
    mutating func move(_ step: Int) {
        let plans = Plan.allCases
        guard let index = plans.firstIndex(of: choice) else { return }
        choice = plans[(index + step % plans.count + plans.count) % plans.count]
        serverError = nil
        isConfirming = false
    }

    /// Picks the plan whose name starts with `character` (f, s, p, e).
    mutating func pick(startingWith character: Character) {
        let wanted = Character(character.lowercased())
        if let plan = Plan.allCases.first(where: { $0.rawValue.first == wanted }) {
            choice = plan
            serverError = nil
            isConfirming = false
        }
    }
}
