import Domain
import Foundation
import Testing
import ViewModels

@testable import TUI

/// Every dialog, opened by the actions the keys send, for the roles that can open it, at
/// 80x24 and 120x40 (`__Snapshots__/dialog-*`).
@Suite("Dialogs as text snapshots")
struct DialogSnapshotTests {
    let now = ScreenFixtures.now

    private func snapshot(_ state: AppState, _ name: String, styled: Bool = false) {
        for size in SnapshotSize.both {
            let canvas = ConsoleScreen.render(
                state, size: Size(width: size.width, height: size.height), now: now)
            assertSnapshot(
                canvas, named: "dialog-\(name)-\(size)", styled: styled && size.width == 80)
        }
    }

    private func open(_ role: Role, _ view: SnapshotView, _ actions: [AppAction]) -> AppState {
        ScreenFixtures.after(actions, from: ScreenFixtures.viewState(role, view))
    }

    // MARK: Team

    @Test(arguments: [Role.owner, .admin])
    func inviteFormValidatesAsYouType(role: Role) {
        let state = open(role, .team, [.team(.command(.invite))] + ScreenFixtures.typing("new@exa"))
        snapshot(state, "invite-\(role.rawValue)")
    }

    @Test(arguments: [Role.owner, .admin])
    func rolePickerOnTheAdmin(role: Role) {
        snapshot(
            open(role, .team, [.moved(2), .team(.command(.changeRole))]),
            "role-picker-\(role.rawValue)")
    }

    @Test func removingAnAdminAsksForTheirEmail() {
        let state = open(
            .owner, .team, [.moved(2), .team(.command(.remove))] + ScreenFixtures.typing("admin@"))
        snapshot(state, "remove-admin-owner", styled: true)
    }

    @Test func deactivatingAMemberIsConfirmed() {
        snapshot(
            open(.admin, .team, [.moved(3), .team(.command(.deactivate))]), "deactivate-admin")
    }

    @Test func theInvitationLinkIsShownOnce() {
        let receipt = InvitationReceipt(
            memberID: MemberID(ScreenFixtures.id(9)), email: "new@example.com", role: .viewer,
            token: InvitationToken(value: "inv_3qZx8y2WkP0aLr5n7TbVc1dEfGhJmN9s"),
            expiresAt: now.addingTimeInterval(7 * 86_400))
        snapshot(
            open(.admin, .team, [.team(.invitationCreated(.success(receipt)))]),
            "invitation-link-admin")
    }

    // MARK: Billing

    @Test func planPickerShowsTheUpgradeFits() {
        let state = open(.owner, .billing, [.billing(.command(.changePlan))])
        let text = ConsoleScreen.render(state, size: Size(width: 80, height: 24), now: now).text()
        #expect(text.contains("everything in use fits"))
        snapshot(state, "plan-upgrade-owner", styled: true)
    }

    @Test func planPickerShowsWhatWouldNoLongerFitAndDisablesConfirm() {
        let state = open(
            .owner, .billing, [.billing(.command(.changePlan)), .dialogInput(.typed("f"))])
        let text = ConsoleScreen.render(state, size: Size(width: 120, height: 40), now: now).text()
        #expect(text.contains("5 seats in use, the free plan allows 3"))
        #expect(text.contains("Would no longer fit"))
        snapshot(state, "plan-downgrade-overruns-owner", styled: true)
    }

    /// Enter in the picker shows the second step: price before and after, when, what is
    /// lost; nothing is applied until Enter there.
    @Test func planChangeIsConfirmedWithPriceTimingAndLosses() {
        let state = open(
            .owner, .billing, [.billing(.command(.changePlan)), .dialogInput(.submit)])
        let text = ConsoleScreen.render(state, size: Size(width: 80, height: 24), now: now).text()
        #expect(text.contains("Confirm: Professional → Enterprise"))
        #expect(text.contains("Price: $99.00 / month → custom"))
        #expect(text.contains("Takes effect as soon as you confirm"))
        #expect(text.contains("Nothing is lost"))
        snapshot(state, "plan-confirm-upgrade-owner")
    }

    @Test func planPickerKeepsTheChoiceWhenTheServerRefuses() {
        let refusal = DomainError.conflict(
            reason: "billing was changed by someone else; refresh and try again")
        let state = open(
            .owner, .billing,
            [
                .billing(.command(.changePlan)), .dialogInput(.typed("e")), .dialogInput(.submit),
                .billing(.changed(.planChanged(.enterprise), .failure(refusal))),
            ])
        snapshot(state, "plan-refused-owner")
    }

    @Test func cancellingIsConfirmed() {
        snapshot(open(.owner, .billing, [.billing(.command(.cancel))]), "cancel-plan-owner")
    }

    @Test func resumingIsConfirmed() {
        var start = ScreenFixtures.viewState(.owner, .billing)
        _ = start.update(
            .billing(.loaded(.success(ScreenFixtures.billing(cancellation: true)))), now: now)
        snapshot(
            ScreenFixtures.after([.billing(.command(.resume))], from: start), "resume-plan-owner")
    }

    // MARK: Integrations

    @Test(arguments: [Role.owner, .admin])
    func addFormStartsQuiet(role: Role) {
        snapshot(
            open(role, .integrations, [.integration(.command(.add))]),
            "integration-add-\(role.rawValue)")
    }

    @Test func addFormShowsEachFieldsErrorAsTyped() {
        var actions: [AppAction] = [
            .integration(.command(.add)), .dialogInput(.typed("w")), .dialogInput(.nextField),
        ]
        actions += ScreenFixtures.typing("Analytics")
        actions +=
            [.dialogInput(.nextField)] + ScreenFixtures.typing("http://analytics.example.com/hook")
        actions +=
            [.dialogInput(.nextField), .dialogInput(.nextField)]
            + ScreenFixtures.typing("{\"timeout_ms\": ")
        actions += [.dialogInput(.nextField)] + ScreenFixtures.typing("0")
        snapshot(open(.admin, .integrations, actions), "integration-add-errors-admin", styled: true)
    }

    @Test func emptySubmitShowsWhatIsMissing() {
        let actions: [AppAction] = [
            .integration(.command(.add)), .dialogInput(.typed("w")), .dialogInput(.submit),
        ]
        snapshot(open(.admin, .integrations, actions), "integration-add-missing-admin")
    }

    @Test func withoutAKeyCredentialsAreRefusedWithTheReason() {
        var start = ScreenFixtures.viewState(.admin, .integrations)
        start.credentialsKeyProblem =
            CredentialError.missingKey(variable: CredentialSealer.keyVariable).description
        let state = ScreenFixtures.after(
            [
                .integration(.command(.add)), .dialogInput(.previousField),
                .dialogInput(.typed("x")),
            ], from: start)
        snapshot(state, "integration-no-key-admin")
    }

    @Test func serverRefusalIsShownInTheFormWithTheTextKept() {
        var actions: [AppAction] = [.integration(.command(.add)), .dialogInput(.nextField)]
        actions +=
            ScreenFixtures.typing("Engineering Alerts") + [.dialogInput(.nextField)]
            + ScreenFixtures.typing("#alerts")
        actions.append(.dialogInput(.submit))
        actions.append(
            .integration(
                .saved(
                    added: true,
                    .failure(
                        .conflict(
                            reason:
                                "a Slack integration named \"Engineering Alerts\" already exists")))
            ))
        let state = open(.owner, .integrations, actions)
        #expect(state.dialog != nil)
        snapshot(state, "integration-add-refused-owner")
    }

    @Test(arguments: [Role.owner, .admin])
    func editFormShowsStoredCredentialsAsConfigured(role: Role) {
        let state = open(role, .integrationDetail, [.integration(.command(.edit))])
        let text = ConsoleScreen.render(state, size: Size(width: 120, height: 40), now: now).text()
        #expect(text.contains("Credentials  configured (type to replace)"))
        #expect(!text.contains("bearer-secret"))
        snapshot(state, "integration-edit-\(role.rawValue)")
    }

    @Test func removingAnIntegrationWithHistoryAsksForItsName() {
        let state = open(
            .admin, .integrations,
            [.integration(.command(.remove))] + ScreenFixtures.typing("Custom"))
        snapshot(state, "integration-remove-admin", styled: true)
    }

    // MARK: Workspaces

    @Test(arguments: Role.allCases)
    func workspaceSwitcherListsRoles(role: Role) {
        let current = ScreenFixtures.workspace
        let memberships = [
            WorkspaceMembership(workspaceID: current, name: "Acme Corp", slug: "acme", role: role),
            WorkspaceMembership(
                workspaceID: WorkspaceID(ScreenFixtures.id(71)), name: "Globex Research",
                slug: "globex", role: .viewer),
            WorkspaceMembership(
                workspaceID: WorkspaceID(ScreenFixtures.id(72)), name: "山田商事 🚀", slug: "yamada",
                role: .admin),
            WorkspaceMembership(
                workspaceID: WorkspaceID(ScreenFixtures.id(73)), name: "Evil\u{1B}[31mRed\u{07}",
                slug: "evil", role: .member),
        ]
        let state = open(
            role, .team,
            [.workspace(.listLoaded(.success(memberships))), .dialogInput(.choiceMoved(1))])
        let text = ConsoleScreen.render(state, size: Size(width: 80, height: 24), now: now).text()
        #expect(!text.contains("\u{1B}"))
        snapshot(state, "workspaces-\(role.rawValue)")
    }
}
