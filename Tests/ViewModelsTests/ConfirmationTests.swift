import Domain
import Foundation
import Postgres
import TestSupport
import Testing

@testable import ViewModels

/// Every destructive or billing action asks its question whatever the entry point: its key
/// and its `:` verb open the same confirmation, and cancelling it changes nothing in the
/// database. Driven through `update` and a real `EffectRunner` on a seeded database.
@Suite("Confirmations belong to the action")
struct ConfirmationTests {
    let now = Fixtures.now

    private func console(_ role: Role) async throws -> (AppState, EffectRunner, TestDatabase) {
        let database = try await TestDatabase.make(.seeded)
        let client = database.appClient()
        let email = role == .owner ? "demo@example.com" : "\(role.rawValue)@example.com"
        let session = try await Authenticator(client: client).login(
            email: email, password: "demo-pass")
        let runner = EffectRunner(
            store: SettingsStore(client: client, session: session),
            authenticator: Authenticator(client: client))
        var state = AppState(session: session, readOnly: false)
        try await settle(&state, AppState.initialEffects(for: state), runner, now: now)
        return (state, runner, database)
    }

    private func send(_ action: AppAction, _ state: inout AppState, _ runner: EffectRunner)
        async throws
    {
        try await settle(&state, state.update(action, now: now), runner, now: now)
    }

    /// Types `:text` and Enter, as the command line does.
    private func colon(_ text: String, _ state: inout AppState, _ runner: EffectRunner)
        async throws
    {
        try await send(.commandLineOpened, &state, runner)
        try await send(.commandLineEdited(text), &state, runner)
        try await send(.commandLineSubmitted, &state, runner)
    }

    private func select(_ email: String, _ state: inout AppState) throws {
        state.team.selected = try #require(state.team.rows.firstIndex { $0.email == email })
    }

    /// The member's row as the database has it now.
    private func row(_ email: String, _ database: TestDatabase) async throws -> String {
        let rows = try await database.adminClient().query(
            """
            SELECT tm.role || '/' || tm.status || '/' || tm.updated_at::text AS row
            FROM team_members tm LEFT JOIN users u ON u.id = tm.user_id
            WHERE lower(coalesce(u.email, tm.invitation_email)) = lower($1)
            """, [email])
        return try #require(try rows.first?.string("row"))
    }

    @Test(arguments: [
        ("remove", TeamCommand.remove, "admin@example.com"),
        ("deactivate", TeamCommand.deactivate, "member@example.com"),
        ("revoke", TeamCommand.revoke, "pending@example.com"),
    ])
    func theKeyAndTheVerbAskTheSameQuestionAndCancelChangesNothing(
        verb: String, command: TeamCommand, email: String
    ) async throws {
        var (state, runner, database) = try await console(.owner)
        let before = try await row(email, database)
        try select(email, &state)
        try await send(.team(.command(command)), &state, runner)
        guard case .confirm(let byKey) = state.dialog else {
            Issue.record("the key asked nothing: \(String(describing: state.dialog))")
            return
        }
        try await send(.escapePressed, &state, runner)
        #expect(state.dialog == nil)

        state.team.selected = 0  // the verb names its member; the selection plays no part
        try await colon("\(verb) \(email)", &state, runner)
        guard case .confirm(let byVerb) = state.dialog else {
            Issue.record(":\(verb) asked nothing: \(String(describing: state.dialog))")
            return
        }
        #expect(byVerb == byKey)
        try await send(.escapePressed, &state, runner)
        #expect(state.dialog == nil)
        #expect(try await row(email, database) == before, "cancelling changed nothing")
    }

    @Test func removingAnAdminByVerbStillNeedsTheirEmailTyped() async throws {
        var (state, runner, database) = try await console(.owner)
        let before = try await row("admin@example.com", database)
        try await colon("remove admin@example.com", &state, runner)
        guard case .confirm(let question) = state.dialog else {
            Issue.record(":remove asked nothing")
            return
        }
        #expect(question.requiredText == "admin@example.com")
        try await send(.dialogInput(.submit), &state, runner)
        #expect(state.flash?.text == "Type the email exactly to confirm")
        #expect(try await row("admin@example.com", database) == before)
        for character in "admin@example.com" {
            try await send(.dialogInput(.typed(character)), &state, runner)
        }
        try await send(.dialogInput(.submit), &state, runner)
        #expect(state.flash?.text == "Member removed")
        #expect(try await row("admin@example.com", database) != before)
    }

    @Test func roleByVerbOpensThePickerOnTheRoleNamedAndCancelChangesNothing() async throws {
        var (state, runner, database) = try await console(.owner)
        let before = try await row("member@example.com", database)
        try select("member@example.com", &state)
        try await send(.team(.command(.changeRole)), &state, runner)
        guard case .rolePicker(let byKey) = state.dialog else {
            Issue.record("c opened no picker")
            return
        }
        try await send(.escapePressed, &state, runner)
        try await colon("role member@example.com admin", &state, runner)
        guard case .rolePicker(let byVerb) = state.dialog else {
            Issue.record(":role opened no picker: \(String(describing: state.dialog))")
            return
        }
        #expect(byVerb.member == byKey.member)
        #expect(byVerb.choice == .admin)
        try await send(.escapePressed, &state, runner)
        #expect(try await row("member@example.com", database) == before)
        try await colon("role member@example.com admin", &state, runner)
        try await send(.dialogInput(.submit), &state, runner)
        #expect(state.flash?.text == "Role changed to admin")
        #expect(try await row("member@example.com", database).hasPrefix("admin/"))
    }

    /// The plan: its key and its verb both show a summary (price before and after, when,
    /// what is lost) before anything is applied; Esc there changes nothing.
    @Test func aPlanChangeShowsPriceTimingAndLossesBeforeApplying() async throws {
        var (state, runner, database) = try await console(.owner)
        let plan = {
            try await database.adminClient().query("SELECT plan_type FROM billing_config")
                .first?.string("plan_type")
        }
        let before = try await plan()
        try await send(.tabSelected(.billing), &state, runner)
        try await send(.billing(.command(.changePlan)), &state, runner)
        try await send(.dialogInput(.submit), &state, runner)
        let upgrade = try #require(state.planPicker)
        #expect(upgrade.isConfirming)
        let overview = try #require(state.billing.overview)
        let summary = upgrade.summary(of: overview)
        #expect(summary.price == "Price: $99.00 / month → custom")
        #expect(summary.effect.hasPrefix("Takes effect as soon as you confirm"))
        #expect(summary.losses == ["Nothing is lost: every limit stays or grows."])
        try await send(.escapePressed, &state, runner)
        #expect(try await plan() == before)

        try await colon("plan starter", &state, runner)
        #expect(state.planPicker?.choice == .starter)
        #expect(state.planPicker?.isConfirming == false, "the verb opens the plans first")
        try await send(.dialogInput(.submit), &state, runner)
        let downgrade = try #require(state.planPicker)
        #expect(!downgrade.isConfirming, "the seeded usage does not fit the starter plan")
        #expect(state.flash?.text.contains("reduce usage first") == true)
        try await send(.escapePressed, &state, runner)
        #expect(try await plan() == before, "cancelling changed nothing")
    }

    @Test func aDowngradeSummaryNamesWhatIsLost() {
        let overview = SettingsFixtures.billing(plan: .enterprise)
        let summary = PlanChangeSummary(
            PlanChangePreview.make(overview, to: .professional), overview: overview)
        #expect(summary.isDowngrade)
        #expect(summary.title == "Confirm: Enterprise → Professional")
        #expect(
            summary.losses.contains { $0.hasPrefix("You lose: retention") }, "\(summary.losses)")
        #expect(summary.losses.contains { $0.hasPrefix("You lose: seats") }, "\(summary.losses)")
    }

    @Test func cancellingThePlanAsksFromTheKeyAndTheVerb() async throws {
        var (state, runner, database) = try await console(.owner)
        try await send(.tabSelected(.billing), &state, runner)
        try await send(.billing(.command(.cancel)), &state, runner)
        guard case .confirm(let byKey) = state.dialog else {
            Issue.record("c asked nothing")
            return
        }
        try await send(.escapePressed, &state, runner)
        try await colon("cancel-plan", &state, runner)
        guard case .confirm(let byVerb) = state.dialog else {
            Issue.record(":cancel-plan asked nothing")
            return
        }
        #expect(byVerb == byKey)
        try await send(.escapePressed, &state, runner)
        let pending = try await database.adminClient().query(
            "SELECT cancellation_requested::text AS c FROM billing_config")
        #expect(try pending.first?.string("c") == "false")
    }

    @Test func disablingAPagingIntegrationAsksFromTheKeyAndTheVerb() async throws {
        var (state, runner, database) = try await console(.admin)
        try await send(.tabSelected(.integrations), &state, runner)
        let index = try #require(
            state.integrations.items.firstIndex { $0.enabled && $0.type.pages })
        let name = state.integrations.items[index].name
        state.integrations.selected = index
        try await send(.integration(.command(.toggle)), &state, runner)
        guard case .confirm(let byKey) = state.dialog else {
            Issue.record("Space asked nothing")
            return
        }
        try await send(.escapePressed, &state, runner)
        state.integrations.selected = index == 0 ? 1 : 0
        try await colon("disable \(name)", &state, runner)
        guard case .confirm(let byVerb) = state.dialog else {
            Issue.record(":disable asked nothing")
            return
        }
        #expect(byVerb == byKey)
        try await send(.escapePressed, &state, runner)
        let enabled = try await database.adminClient().query(
            "SELECT is_enabled::text AS e FROM integrations_config WHERE integration_name = $1",
            [name])
        #expect(try enabled.first?.string("e") == "true")
    }

    @Test func readOnlyWriteCommandsSayWhy() {
        var state = Fixtures.state(.owner, members: [Fixtures.member(1)], readOnly: true)
        for action: AppAction in [
            .team(.command(.remove)), .billing(.command(.changePlan)),
            .integration(.command(.toggle)),
        ] {
            state.flash = nil
            #expect(state.update(action, now: now).isEmpty)
            #expect(state.flash?.text == "Read-only mode: changes are disabled")
            #expect(state.dialog == nil)
        }
    }
}
