import Domain
import Foundation
import Testing
import ViewModels

/// Disabling what pages on-call asks first, from the key and from `:disable` alike; members
/// told they may not test learn who can.
@Suite struct IntegrationSafetyTests {
    let now = Fixtures.now

    @Test(arguments: [IntegrationType.pagerduty, .slack])
    func disablingAPagingIntegrationAsksFirst(type: IntegrationType) throws {
        let item = SettingsFixtures.integration(1, type, name: "Production Incidents")
        var state = SettingsFixtures.integrationsState(.admin, [item])
        #expect(state.update(.integration(.command(.toggle)), now: now) == [])
        guard case .confirm(let confirmation) = state.dialog else {
            Issue.record("expected a confirmation, got \(String(describing: state.dialog))")
            return
        }
        #expect(confirmation.message.contains("pages on-call"))
        #expect(
            confirmation.effect
                == .integration(.setEnabled(item.id, false, expected: item.version)))
    }

    @Test func theCommandLineAsksToo() {
        let item = SettingsFixtures.integration(1, .pagerduty, name: "Production Incidents")
        var state = SettingsFixtures.integrationsState(.admin, [item])
        _ = state.update(.commandLineOpened, now: now)
        _ = state.update(.commandLineEdited("disable Production Incidents"), now: now)
        #expect(state.update(.commandLineSubmitted, now: now) == [])
        guard case .confirm = state.dialog else {
            Issue.record("`:disable` skipped the confirmation")
            return
        }
    }

    @Test func webhooksAndEnablingNeedNoQuestion() {
        let hook = SettingsFixtures.integration(1, .webhook)
        var state = SettingsFixtures.integrationsState(.admin, [hook])
        #expect(state.update(.integration(.command(.toggle)), now: now).count == 1)
        let off = SettingsFixtures.integration(2, .pagerduty, enabled: false)
        state = SettingsFixtures.integrationsState(.admin, [off])
        #expect(state.update(.integration(.command(.toggle)), now: now).count == 1)
        #expect(state.dialog == nil)
    }

    @Test func membersAreToldWhoCanTest() {
        let item = SettingsFixtures.integration(1)
        var state = AppState(session: Fixtures.session(.member), readOnly: false)
        _ = state.update(.integration(.listLoaded(.success([item]))), now: now)
        #expect(
            state.update(
                .integration(.usageLoaded(.success(UsageMeter(used: 1, limit: 5)))), now: now)
                == [.integration(.loadManagers)])
        _ = state.update(
            .integration(.managersLoaded(.success(["Demo Owner", "Admin User"]))), now: now)
        _ = state.update(.integration(.command(.test)), now: now)
        #expect(
            state.flash?.text
                == "Only admins and owners can manage integrations; ask Demo Owner, Admin User")
    }
}
