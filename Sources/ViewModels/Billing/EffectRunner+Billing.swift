import Domain

extension EffectRunner {
    /// Runs a billing write and words its success for the flash.
    func run(_ effect: BillingEffect) async -> BillingAction {
        switch effect {
        case .changePlan(let plan, let version):
            return .changed(
                success: "Plan changed to \(plan.title)",
                await result { try await $0.changePlan(to: plan, expected: version) })
        case .cancelAtPeriodEnd(let version):
            let outcome = await result { try await $0.cancelAtPeriodEnd(expected: version) }
            let when = (try? outcome.get())?.cancellationEffectiveDate.map { " on \($0)" } ?? ""
            return .changed(success: "Cancellation scheduled: the plan ends\(when)", outcome)
        case .resume(let version):
            return .changed(
                success: "Cancellation withdrawn: the plan renews as before",
                await result { try await $0.resume(expected: version) })
        }
    }
}
