import Domain
import Foundation
import Testing

@testable import ViewModels

@Suite("Billing commands: plan picker with a live preview, cancel and resume, owners only")
struct BillingCommandTests {
    let now = Fixtures.now

    @Test(arguments: [Role.admin, .member, .viewer], BillingCommand.allCases)
    func nonOwnersSeeWhyInsteadOfADialog(role: Role, command: BillingCommand) {
        var state = SettingsFixtures.billingState(role)
        #expect(state.update(.billing(.command(command)), now: now).isEmpty)
        #expect(state.dialog == nil)
        #expect(state.flash?.text == "Only owners can change the plan")
    }

    @Test(arguments: BillingCommand.allCases)
    func readOnlyRefusesEveryBillingWrite(command: BillingCommand) {
        var state = SettingsFixtures.billingState(
            .owner, SettingsFixtures.billing(cancellation: true), readOnly: true)
        #expect(state.update(.billing(.command(command)), now: now).isEmpty)
        #expect(state.dialog == nil)
        #expect(state.flash?.text.contains("Read-only") == true)
    }

    @Test func pickerPreviewsEachPlanAndRefusesWhatWouldNotFit() throws {
        var state = SettingsFixtures.billingState(.owner)
        _ = state.update(.billing(.command(.changePlan)), now: now)
        let opened = try #require(state.planPicker)
        #expect(opened.choice == .enterprise, "starts on the next plan up")
        _ = state.update(.dialogInput(.typed("f")), now: now)
        let free = try #require(state.planPicker)
        let overview = try #require(state.billing.overview)
        let preview = free.preview(of: overview)
        #expect(preview.overruns.map(\.resource) == [.traces, .seats, .apiKeys, .integrations])
        #expect(free.decision(overview, policy: state.policy).isAllowed == false)
        #expect(state.update(.dialogInput(.submit), now: now).isEmpty, "confirm is disabled")
        #expect(state.flash?.text.contains("reduce usage first") == true)
        #expect(state.planPicker != nil, "the picker stays open")
    }

    @Test func confirmingAFittingPlanSendsItWithTheVersionSeen() throws {
        var state = SettingsFixtures.billingState(.owner)
        _ = state.update(.billing(.command(.changePlan)), now: now)
        _ = state.update(.dialogInput(.choiceMoved(1)), now: now)
        #expect(state.planPicker?.choice == .free, "wraps from enterprise to free")
        _ = state.update(.dialogInput(.choiceMoved(-1)), now: now)
        #expect(state.update(.dialogInput(.submit), now: now).isEmpty, "a summary first")
        #expect(state.planPicker?.isConfirming == true)
        let effects = state.update(.dialogInput(.submit), now: now)
        #expect(effects == [.billing(.changePlan(.enterprise, expected: RowVersion("b1")))])
        #expect(state.planPicker?.isSubmitting == true)
        #expect(state.update(.dialogInput(.submit), now: now).isEmpty, "no double submit")
    }

    @Test func aRefusedChangeStaysInThePickerAndReloads() throws {
        var state = SettingsFixtures.billingState(.owner)
        _ = state.update(.billing(.command(.changePlan)), now: now)
        _ = state.update(.dialogInput(.submit), now: now)
        let refusal = DomainError.conflict(
            reason: "billing was changed by someone else; refresh and try again")
        let effects = state.update(
            .billing(.changed(.planChanged(.enterprise), .failure(refusal))), now: now)
        #expect(effects == [.billing(.load)])
        let picker = try #require(state.planPicker)
        #expect(picker.choice == .enterprise)
        #expect(picker.serverError == refusal.userMessage)
        #expect(!picker.isSubmitting)
        // The reload arrives with a new version; confirming again uses it.
        _ = state.update(
            .billing(.loaded(.success(SettingsFixtures.billing(version: "b2")))), now: now)
        _ = state.update(.dialogInput(.submit), now: now)
        #expect(
            state.update(.dialogInput(.submit), now: now) == [
                .billing(.changePlan(.enterprise, expected: RowVersion("b2")))
            ])
    }

    @Test func aSuccessfulChangeClosesThePickerAndReloadsLimitsElsewhere() {
        var state = SettingsFixtures.billingState(.owner)
        _ = state.update(.billing(.command(.changePlan)), now: now)
        _ = state.update(.dialogInput(.submit), now: now)
        let changed = SettingsFixtures.billing(plan: .enterprise, version: "b2")
        let effects = state.update(
            .billing(.changed(.planChanged(.enterprise), .success(changed))), now: now)
        #expect(state.dialog == nil)
        #expect(state.billing.overview == changed)
        #expect(state.flash?.text == "Plan changed to Enterprise")
        #expect(effects == [.team(.loadCounts), .integration(.loadUsage)])
    }

    @Test func cancelIsConfirmedAndCarriesTheVersion() throws {
        var state = SettingsFixtures.billingState(.owner)
        _ = state.update(.billing(.command(.cancel)), now: now)
        let confirmation = try #require(state.confirmation)
        #expect(confirmation.isDestructive)
        #expect(confirmation.message.contains("2026-11-30"))
        #expect(
            state.update(.dialogInput(.submit), now: now) == [
                .billing(.cancelAtPeriodEnd(expected: RowVersion("b1")))
            ])
    }

    @Test func resumeIsOfferedOnlyWhenACancellationIsScheduled() throws {
        var active = SettingsFixtures.billingState(.owner)
        _ = active.update(.billing(.command(.resume)), now: now)
        #expect(active.dialog == nil)
        #expect(active.flash?.text == "No cancellation is scheduled")

        var canceling = SettingsFixtures.billingState(
            .owner, SettingsFixtures.billing(cancellation: true))
        _ = canceling.update(.billing(.command(.cancel)), now: now)
        #expect(canceling.flash?.text == "Cancellation is already scheduled for 2026-11-30")
        _ = canceling.update(.billing(.command(.resume)), now: now)
        let confirmation = try #require(canceling.confirmation)
        #expect(!confirmation.isDestructive)
        #expect(
            canceling.update(.dialogInput(.submit), now: now) == [
                .billing(.resume(expected: RowVersion("b1")))
            ])
    }

    @Test func aCanceledSubscriptionCannotChangePlanAndSaysWhy() {
        var state = SettingsFixtures.billingState(
            .owner, SettingsFixtures.billing(status: .canceled))
        _ = state.update(.billing(.command(.changePlan)), now: now)
        #expect(state.dialog == nil)
        #expect(state.flash?.text.hasPrefix("The subscription is canceled") == true)
    }
}
