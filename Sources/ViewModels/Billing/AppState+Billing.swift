import Domain
import Foundation

extension AppState {
    /// Billing intents and the store's answers.
    mutating func update(_ action: BillingAction, now: Date) -> [Effect] {
        switch action {
        case .command(let command):
            return perform(command, now: now)
        case .loaded(let result):
            billing.isLoading = false
            switch result {
            case .success(let overview):
                billing.overview = overview
                billing.loadError = nil
                billing.refreshedAt = now
                return connectionAnswered()
            case .failure(let error):
                billing.loadError = error.userMessage
                return fail(error, now: now)
            }
        case .changed(let change, let result):
            return billingChanged(change, result, now: now)
        }
    }

    /// A billing command from a key: opens its picker or confirmation, or flashes why not.
    mutating func perform(_ command: BillingCommand, now: Date) -> [Effect] {
        if readOnly {
            flash = .make(.warning, Denial.readOnly.text, now: now)
            return []
        }
        if let reason = command.availability(in: billing, policy: policy).reason {
            flash = .make(.warning, reason, now: now)
            return []
        }
        guard let overview = billing.overview else { return [] }
        switch command {
        case .changePlan:
            dialog = .planPicker(PlanPicker(current: overview.plan))
        case .cancel:
            let end = overview.cycleEnd.map { " (\($0))" } ?? ""
            dialog = .confirm(
                Confirmation(
                    title: "Cancel plan",
                    message:
                        "Cancel the \(overview.plan.title) plan at the end of this billing cycle\(end)? "
                        + "It keeps working until then, and you can resume before that date.",
                    confirmLabel: "Schedule cancellation",
                    effect: .billing(.cancelAtPeriodEnd(expected: overview.version))))
        case .resume:
            let next = overview.nextBillingDate.map { "; the next charge is on \($0)" } ?? ""
            dialog = .confirm(
                Confirmation(
                    title: "Resume plan",
                    message:
                        "Keep the \(overview.plan.title) plan? Auto-renewal turns back on\(next).",
                    confirmLabel: "Resume", effect: .billing(.resume(expected: overview.version)),
                    isDestructive: false))
        }
        return []
    }

    /// Keys typed into the plan picker.
    mutating func handlePlanPicker(_ picker: PlanPicker, _ input: DialogInput, now: Date)
        -> [Effect]
    {
        var picker = picker
        switch input {
        case .choiceMoved(let step):
            picker.move(step)
        case .typed(let character):
            picker.pick(startingWith: character)
        case .submit:
            guard !picker.isSubmitting, let overview = billing.overview else { return [] }
            if let reason = picker.decision(overview, policy: policy).reason {
                flash = .make(.warning, reason, now: now)
                return []
            }
            guard picker.isConfirming else {
                // First Enter: the price, timing and losses, before anything is applied.
                picker.isConfirming = true
                picker.serverError = nil
                dialog = .planPicker(picker)
                return []
            }
            picker.isSubmitting = true
            picker.serverError = nil
            dialog = .planPicker(picker)
            return [.billing(.changePlan(picker.choice, expected: overview.version))]
        case .backspace, .nextField, .previousField:
            break
        }
        dialog = .planPicker(picker)
        return []
    }

    /// The store answered a plan change, cancellation or resumption. A refused plan change
    /// stays in its dialog with the reason; the figures are reloaded when they went stale.
    private mutating func billingChanged(
        _ change: BillingChange, _ result: Result<BillingOverview, DomainError>, now: Date
    ) -> [Effect] {
        switch result {
        case .success(let overview):
            billing.overview = overview
            billing.loadError = nil
            if case .planPicker = dialog { dialog = nil }
            flash = .make(.info, change.doneMessage(overview), now: now)
            // Seat and integration limits follow the plan: the Team header and the
            // Integrations "add" check read them.
            return [.team(.loadCounts), .integration(.loadUsage)]
        case .failure(let error):
            let reload: [Effect] = [.billing(.load)]
            if case .planPicker(var picker) = dialog {
                picker.isSubmitting = false
                picker.isConfirming = false
                picker.serverError = error.userMessage
                dialog = .planPicker(picker)
                return reload
            }
            return fail(error, now: now, sticky: true) + reload
        }
    }
}

extension BillingChange {
    /// The flash once the change is made, from the overview the store answered with.
    func doneMessage(_ overview: BillingOverview) -> String {
        switch self {
        case .planChanged(let plan): return "Plan changed to \(plan.title)"
        case .cancellationScheduled:
            let when = overview.cancellationEffectiveDate.map { " on \($0)" } ?? ""
            return "Cancellation scheduled: the plan ends\(when)"
        case .resumed: return "Cancellation withdrawn: the plan renews as before"
        }
    }
}
