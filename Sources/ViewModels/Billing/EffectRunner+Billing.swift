import Domain

extension EffectRunner {
    /// Reads the billing overview, or runs a billing write and says which one finished.
    func run(_ effect: BillingEffect) async -> BillingAction {
        switch effect {
        case .load:
            return .loaded(await result { try await $0.billing() })
        case .changePlan(let plan, let version):
            return .changed(
                .planChanged(plan),
                await result { try await $0.changePlan(to: plan, expected: version) })
        case .cancelAtPeriodEnd(let version):
            return .changed(
                .cancellationScheduled,
                await result { try await $0.cancelAtPeriodEnd(expected: version) })
        case .resume(let version):
            return .changed(.resumed, await result { try await $0.resume(expected: version) })
        }
    }
}
