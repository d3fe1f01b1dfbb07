import Domain
import Foundation
import Testing

@testable import ViewModels

@Suite("Billing and integration verbs on the : command line")
struct SettingsCommandLineTests {
    let now = Fixtures.now

    private func run(_ text: String, in state: inout AppState) -> [Effect] {
        _ = state.update(.commandLineOpened, now: now)
        _ = state.update(.commandLineEdited(text), now: now)
        return state.update(.commandLineSubmitted, now: now)
    }

    @Test(arguments: [
        ("plan", ConsoleCommand.billing(.changePlan, plan: nil)),
        ("plan Starter", .billing(.changePlan, plan: .starter)),
        ("cancel-plan", .billing(.cancel, plan: nil)),
        ("resume-plan", .billing(.resume, plan: nil)),
        ("enable Engineering Alerts", .setIntegration(name: "Engineering Alerts", enabled: true)),
        ("disable hook", .setIntegration(name: "hook", enabled: false)),
        ("test Error Tracking", .testIntegration(name: "Error Tracking")),
    ])
    func parses(text: String, expected: ConsoleCommand) throws {
        #expect(try ConsoleCommand.parse(text) == expected)
        #expect(expected.isWrite)
    }

    @Test(arguments: ["plan gold", "plan free extra", "enable", "test", "cancel-plan now"])
    func refusesWithTheUsage(text: String) {
        #expect(throws: DomainError.self) { try ConsoleCommand.parse(text) }
    }

    @Test func planOpensThePickerOnTheNamedPlan() {
        var state = SettingsFixtures.billingState(.owner)
        state.tab = .team
        #expect(run("plan free", in: &state).isEmpty)
        #expect(state.tab == .billing)
        #expect(state.planPicker?.choice == .free)
    }

    @Test func nonOwnersAreToldWhyOnTheCommandLineToo() {
        var state = SettingsFixtures.billingState(.admin)
        _ = run("cancel-plan", in: &state)
        #expect(state.dialog == nil)
        #expect(state.flash?.text == "Only owners can change the plan")
    }

    @Test func integrationsAreFoundByNameAndSelected() {
        let hook = SettingsFixtures.integration(2, name: "Deploy Hook", enabled: true)
        var state = SettingsFixtures.integrationsState(
            .admin, [SettingsFixtures.integration(1), hook])
        state.tab = .team
        #expect(
            run("disable deploy hook", in: &state) == [
                .integration(.setEnabled(hook.id, false, expected: hook.version))
            ])
        #expect(state.tab == .integrations)
        #expect(state.integrations.selectedItem?.id == hook.id)
        #expect(run("enable Deploy Hook", in: &state).isEmpty)
        #expect(state.flash?.text == "Deploy Hook is already enabled")
        #expect(
            run("test Deploy Hook", in: &state) == [
                .integration(.test(hook.id, name: "Deploy Hook"))
            ])
        #expect(run("test Nothing Here", in: &state).isEmpty)
        #expect(state.flash?.text == "No integration is named \"Nothing Here\"")
    }

    @Test func readOnlyRefusesTheseVerbs() {
        var state = SettingsFixtures.integrationsState(
            .owner, [SettingsFixtures.integration(1, name: "Hook")], readOnly: true)
        for text in [
            "plan", "cancel-plan", "resume-plan", "enable Hook", "disable Hook", "test Hook",
        ] {
            #expect(run(text, in: &state).isEmpty)
            #expect(state.dialog == nil)
            #expect(state.flash?.text == "Read-only mode: changes are disabled")
        }
    }
}
