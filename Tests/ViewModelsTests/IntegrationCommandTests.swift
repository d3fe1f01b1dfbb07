import Domain
import Foundation
import Testing

@testable import ViewModels

@Suite("Integration commands: owners and admins act, others are told why")
struct IntegrationCommandTests {
    let now = Fixtures.now

    @Test(arguments: [Role.member, .viewer], IntegrationCommand.allCases)
    func membersAndViewersSeeTheReason(role: Role, command: IntegrationCommand) {
        var state = SettingsFixtures.integrationsState(role, [SettingsFixtures.integration(1)])
        #expect(state.update(.integration(.command(command)), now: now).isEmpty)
        #expect(state.dialog == nil)
        #expect(state.flash?.text == "Only admins and owners can manage integrations")
    }

    @Test(arguments: IntegrationCommand.allCases)
    func readOnlyRefusesEveryIntegrationWrite(command: IntegrationCommand) {
        var state = SettingsFixtures.integrationsState(
            .owner, [SettingsFixtures.integration(1)], readOnly: true)
        #expect(state.update(.integration(.command(command)), now: now).isEmpty)
        #expect(state.dialog == nil)
        #expect(state.flash?.text.contains("Read-only") == true)
    }

    @Test func addIsDimmedWhenThePlanIsFull() {
        var state = SettingsFixtures.integrationsState(
            .admin, [SettingsFixtures.integration(1)], usage: UsageMeter(used: 5, limit: 5))
        let reason = IntegrationCommand.add.availability(
            in: state.integrations, policy: state.policy
        ).reason
        #expect(
            reason == "The plan allows 5 integrations, all in use; remove one or upgrade the plan")
        _ = state.update(.integration(.command(.add)), now: now)
        #expect(state.dialog == nil)
        #expect(state.flash?.text == reason)
    }

    @Test func toggleFlipsTheSelectedIntegrationWithItsVersion() {
        let disabled = SettingsFixtures.integration(2, enabled: false)
        var state = SettingsFixtures.integrationsState(.admin, [disabled])
        #expect(
            state.update(.integration(.command(.toggle)), now: now)
                == [.integration(.setEnabled(disabled.id, true, expected: disabled.version))])
    }

    @Test func removingAnIntegrationWithHistoryNeedsItsNameTyped() throws {
        let busy = SettingsFixtures.integration(3, name: "Engineering Alerts", sent: 1_247)
        var state = SettingsFixtures.integrationsState(.owner, [busy])
        _ = state.update(.integration(.command(.remove)), now: now)
        let confirmation = try #require(state.confirmation)
        #expect(confirmation.requiredText == "Engineering Alerts")
        #expect(confirmation.message.contains("1,247 events"))
        #expect(state.update(.dialogInput(.submit), now: now).isEmpty)
        #expect(state.flash?.text == "Type the name exactly to confirm")
        state.type("Engineering Alerts")
        #expect(
            state.update(.dialogInput(.submit), now: now)
                == [
                    .integration(
                        .remove(busy.id, name: "Engineering Alerts", expected: busy.version))
                ])
    }

    @Test func removingAnUnusedIntegrationNeedsOnlyAConfirmation() {
        let fresh = SettingsFixtures.integration(4, name: "New hook")
        var state = SettingsFixtures.integrationsState(.admin, [fresh])
        _ = state.update(.integration(.command(.remove)), now: now)
        #expect(state.confirmation?.requiredText == nil)
        #expect(
            state.update(.dialogInput(.submit), now: now)
                == [.integration(.remove(fresh.id, name: "New hook", expected: fresh.version))])
    }

    @Test func removalFromTheDetailViewClosesIt() {
        let item = SettingsFixtures.integration(5, name: "Old")
        var state = SettingsFixtures.integrationsState(.admin, [item])
        _ = state.update(
            .integration(
                .detailLoaded(.success(SettingsFixtures.detail(item, config: .emptyObject)))),
            now: now)
        let effects = state.update(.integration(.removed(name: "Old", .success(Empty()))), now: now)
        #expect(state.integrations.detail == nil)
        #expect(state.flash?.text == "Removed Old")
        #expect(effects == [.integration(.loadList)])
    }

    @Test func aFailedTestStaysOnScreenUntilDismissed() {
        let item = SettingsFixtures.integration(6, name: "Hook")
        var state = SettingsFixtures.integrationsState(.admin, [item])
        #expect(
            state.update(.integration(.command(.test)), now: now) == [
                .integration(.test(item.id, name: "Hook"))
            ])
        let attempt = DeliveryAttempt(
            attemptedAt: now, durationMS: 41, outcome: .serverError, httpStatus: 503,
            error: "upstream down", source: .manual)
        let check = IntegrationCheck(
            id: item.id, name: "Hook", attempt: attempt,
            assessment: HealthRules.assess([attempt]))
        _ = state.update(.integration(.checked(name: "Hook", .success(check))), now: now)
        #expect(state.flash?.level == .error)
        #expect(state.flash?.expiresAt == nil)
        #expect(
            state.flash?.text
                == "Hook: test failed: HTTP 503: upstream down in 41 ms; now degraded")
    }

    @Test func listReloadsAlsoRefreshTheUsageBehindAdd() {
        var state = AppState(session: Fixtures.session(.admin), readOnly: false)
        let effects = state.update(.integration(.listLoaded(.success([]))), now: now)
        #expect(effects == [.integration(.loadUsage), .integration(.loadBreakers)])
    }
}
