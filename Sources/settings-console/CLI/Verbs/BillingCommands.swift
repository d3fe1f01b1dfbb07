import ArgumentParser
import Domain
import Foundation

struct BillingCLI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "billing",
        abstract: "Plan, usage and payment (owners only): show, plan, cancel, resume.",
        discussion: ExitKind.summary,
        subcommands: [BillingShow.self, BillingPlan.self, BillingCancel.self, BillingResume.self])
}

/// JSON shape of the billing overview for scripts.
struct BillingJSON: Encodable {
    struct Meter: Encodable {
        let used: Int
        let limit: Int?
        let percent: Double?
    }

    let plan: String
    let status: String
    let traces: Meter
    let seats: Meter
    let apiKeys: Meter
    let integrations: Meter
    let cycleStart: String
    let cycleEnd: String?
    let nextBillingDate: String?
    let price: String
    let paymentMethod: String?
    let cancellationRequested: Bool
    let cancellationEffectiveDate: String?

    init(_ overview: BillingOverview) {
        func meter(_ usage: UsageMeter) -> Meter {
            Meter(used: usage.used, limit: usage.limit, percent: usage.percent)
        }
        plan = overview.plan.rawValue
        status = overview.status.rawValue
        traces = meter(overview.traces)
        seats = meter(overview.seats)
        apiKeys = meter(overview.apiKeys)
        integrations = meter(overview.integrations)
        cycleStart = overview.cycleStart.description
        cycleEnd = overview.cycleEnd?.description
        nextBillingDate = overview.nextBillingDate?.description
        price = overview.priceDescription
        paymentMethod = overview.paymentMethod?.description
        cancellationRequested = overview.cancellationRequested
        cancellationEffectiveDate = overview.cancellationEffectiveDate?.description
    }
}

func billingOutput(_ overview: BillingOverview, headline: PrintableText? = nil) -> CommandOutput {
    var lines: [PrintableText] = headline.map { [$0, ""] } ?? []
    lines += [
        "Plan            \(overview.plan.title) (\(overview.status.title)), \(overview.priceDescription)",
        "Traces          \(overview.traces.summary)\(tracesLevel(overview.traces))",
        "Seats           \(overview.seats.summary)",
        "API keys        \(overview.apiKeys.summary)",
        "Integrations    \(overview.integrations.summary)",
        "Billing cycle   \(overview.cycleStart) to \(overview.cycleEnd?.description ?? "-")",
        "Next billing    \(overview.nextBillingDate?.description ?? "-")",
        "Payment method  \(overview.paymentMethod?.description ?? "none on file")",
    ]
    if overview.cancellationRequested {
        lines.append(
            "Cancellation    requested, effective \(overview.cancellationEffectiveDate?.description ?? "at period end")"
        )
    }
    return CommandOutput(
        text: .joined(lines: lines), json: BillingJSON(overview))
}

/// " approaching limit" or " exceeded" after the traces gauge, nothing below the warning.
private func tracesLevel(_ traces: UsageMeter) -> PrintableText {
    switch traces.level {
    case .approaching: return " approaching limit"
    case .exceeded: return " exceeded"
    case .normal, .unlimited: return ""
    }
}

struct BillingShow: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Plan, status, usage against limits, cycle and payment method.")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions

    func act(on store: SettingsStore) async throws(DomainError) -> CommandOutput {
        billingOutput(try await store.billing())
    }
}

struct BillingPlan: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Change the plan (refused when current usage does not fit the new limits).")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "free, starter, professional or enterprise.") var plan: String

    func act(on store: SettingsStore) async throws(DomainError) -> CommandOutput {
        let target = try Plan.parse(plan)
        let current = try await store.billing()
        let preview = current.planChangePreview(to: target)
        if let first = preview.overruns.first {
            throw .limitReached(
                reason: preview.overruns.count == 1
                    ? first.message : preview.overruns.map(\.message).joined(separator: "; "))
        }
        let updated = try await store.changePlan(to: target, expected: current.version)
        return billingOutput(
            updated, headline: "Changed the plan from \(preview.from.title) to \(preview.to.title)."
        )
    }
}

struct BillingCancel: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel at the end of the billing period.")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions

    func act(on store: SettingsStore) async throws(DomainError) -> CommandOutput {
        let current = try await store.billing()
        let updated = try await store.cancelAtPeriodEnd(expected: current.version)
        return billingOutput(
            updated,
            headline:
                "The plan will end on \(updated.cancellationEffectiveDate?.description ?? "the last day of the period")."
        )
    }
}

struct BillingResume: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "Withdraw a cancellation.")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions

    func act(on store: SettingsStore) async throws(DomainError) -> CommandOutput {
        let current = try await store.billing()
        return billingOutput(
            try await store.resume(expected: current.version), headline: "The plan will renew.")
    }
}
