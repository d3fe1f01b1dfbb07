import Domain
import Foundation
import Postgres
import TestSupport
import Testing

@testable import ViewModels

/// The billing, integration and workspace flows from key to database and back: actions
/// through `update`, effects through a real `EffectRunner` on a seeded database, results
/// fed back in, as the runtime does.
@Suite("Effects against a real database")
struct EffectRunnerTests {
    let now = Fixtures.now

    /// A state and runner logged in as the demo user of `role`.
    private func console(_ role: Role, sealer: CredentialSealer? = nil) async throws
        -> (AppState, EffectRunner, TestDatabase)
    {
        let database = try await TestDatabase.make(.seeded)
        let client = database.appClient()
        let email = ["owner": "demo@example.com"][role.rawValue] ?? "\(role.rawValue)@example.com"
        let session = try await Authenticator(client: client).login(
            email: email, password: "demo-pass")
        let runner = EffectRunner(
            store: SettingsStore(client: client, session: session),
            authenticator: Authenticator(client: client),
            sealer: sealer)
        var state = AppState(session: session, readOnly: false)
        state.credentialsKeyProblem = sealer == nil ? "no key" : nil
        try await settle(&state, AppState.initialEffects(for: state), runner, now: now)
        return (state, runner, database)
    }

    /// Applies `action`, then runs every effect and feeds each answer back, until quiet.
    private func send(_ action: AppAction, _ state: inout AppState, _ runner: EffectRunner)
        async throws
    {
        try await settle(&state, state.update(action, now: now), runner, now: now)
    }

    private func type(_ text: String, _ state: inout AppState, _ runner: EffectRunner) async throws
    {
        for character in text { try await send(.dialogInput(.typed(character)), &state, runner) }
    }

    @Test func ownerChangesThePlanCancelsAndResumes() async throws {
        var (state, runner, database) = try await console(.owner)
        state.tab = .billing
        #expect(state.billing.overview?.plan == .professional)
        try await send(.billing(.command(.changePlan)), &state, runner)
        try await send(.dialogInput(.submit), &state, runner)
        #expect(state.planPicker?.isConfirming == true, "the first Enter shows the summary")
        #expect(state.billing.overview?.plan == .professional)
        try await send(.dialogInput(.submit), &state, runner)
        #expect(state.dialog == nil)
        #expect(state.billing.overview?.plan == .enterprise)
        #expect(state.flash?.text == "Plan changed to Enterprise")
        #expect(state.team.counts?.seatLimit == nil, "the Team header follows the new limits")

        try await send(.billing(.command(.cancel)), &state, runner)
        try await send(.dialogInput(.submit), &state, runner)
        #expect(state.billing.overview?.cancellationRequested == true)
        #expect(state.flash?.text.hasPrefix("Cancellation scheduled: the plan ends on ") == true)
        try await send(.billing(.command(.resume)), &state, runner)
        try await send(.dialogInput(.submit), &state, runner)
        #expect(state.billing.overview?.cancellationRequested == false)

        let audit = try await database.adminClient().query(
            "SELECT string_agg(action, ',' ORDER BY created_at) AS actions FROM audit_logs WHERE action LIKE 'billing.%'"
        )
        #expect(
            try audit.first?.string("actions")
                == "billing.change_plan,billing.cancel,billing.resume")
    }

    @Test func aStalePickerIsRefusedInTheDialogAndWorksAfterTheReload() async throws {
        var (state, runner, database) = try await console(.owner)
        state.tab = .billing
        try await send(.billing(.command(.changePlan)), &state, runner)
        _ = try await database.adminClient().query(
            "UPDATE billing_config SET auto_renew = NOT auto_renew")
        try await send(.dialogInput(.submit), &state, runner)
        try await send(.dialogInput(.submit), &state, runner)
        #expect(state.planPicker?.serverError?.contains("changed by someone else") == true)
        #expect(state.planPicker?.isConfirming == false, "the refusal is shown with the plans")
        #expect(state.billing.overview?.plan == .professional)
        try await send(.dialogInput(.submit), &state, runner)
        try await send(.dialogInput(.submit), &state, runner)
        #expect(state.billing.overview?.plan == .enterprise, "the reloaded version is used")
    }

    @Test func adminAddsTestsDisablesAndRemovesAnIntegration() async throws {
        let sealer = try CredentialSealer(keyBytes: Array(repeating: 7, count: 32))
        var (state, runner, database) = try await console(.admin, sealer: sealer)
        let server = try LoopbackHTTPServer()
        state.tab = .integrations
        #expect(state.integrations.usage == UsageMeter(used: 4, limit: 5))
        try await send(.integration(.command(.add)), &state, runner)
        try await type("w", &state, runner)
        try await send(.dialogInput(.nextField), &state, runner)
        try await type("Runner Hook", &state, runner)
        try await send(.dialogInput(.nextField), &state, runner)
        try await type(server.url("/ok"), &state, runner)
        try await send(.dialogInput(.previousField), &state, runner)
        try await send(.dialogInput(.previousField), &state, runner)
        try await send(.dialogInput(.previousField), &state, runner)
        try await type("secret-token", &state, runner)
        try await send(.dialogInput(.submit), &state, runner)
        #expect(state.dialog == nil)
        #expect(state.flash?.text == "Added Runner Hook")
        let added = try #require(state.integrations.items.first { $0.name == "Runner Hook" })
        #expect(added.hasCredentials)
        #expect(state.integrations.usage == UsageMeter(used: 5, limit: 5))
        #expect(
            IntegrationCommand.add.availability(in: state.integrations, policy: state.policy)
                .isAllowed == false)

        state.integrations.selected = try #require(
            state.integrations.items.firstIndex { $0.id == added.id })
        try await send(.integration(.command(.test)), &state, runner)
        #expect(state.flash?.text.hasPrefix("Runner Hook: test delivered (HTTP 200)") == true)
        #expect(try server.received().first?.headers["authorization"] == "Bearer secret-token")
        try await send(.integration(.command(.toggle)), &state, runner)
        #expect(state.flash?.text == "Disabled Runner Hook")
        #expect(state.integrations.items.first { $0.id == added.id }?.enabled == false)
        #expect(state.integrations.items.last?.id == added.id, "disabled integrations sort last")

        state.integrations.selected = try #require(
            state.integrations.items.firstIndex { $0.id == added.id })
        try await send(.integration(.command(.remove)), &state, runner)
        try await send(.dialogInput(.submit), &state, runner)
        #expect(state.flash?.text == "Removed Runner Hook")
        #expect(!state.integrations.items.contains { $0.id == added.id })
        let left = try await database.adminClient().query(
            "SELECT count(*) AS n FROM integrations_config WHERE integration_name = 'Runner Hook'")
        #expect(try left.first?.int("n") == 0)
    }

    @Test func editingKeepsStoredCredentialsAndAnUnchangedConfiguration() async throws {
        let sealer = try CredentialSealer(keyBytes: Array(repeating: 9, count: 32))
        var (state, runner, database) = try await console(.owner, sealer: sealer)
        state.tab = .integrations
        let webhook = try #require(state.integrations.items.first { $0.type == .webhook })
        state.integrations.selected = try #require(
            state.integrations.items.firstIndex { $0.id == webhook.id })
        let before = try await database.adminClient().query(
            "SELECT config_data::text AS config FROM integrations_config WHERE id = $1",
            [webhook.id.rawValue])
        try await send(.integration(.command(.edit)), &state, runner)
        #expect(state.integrationForm?.isAdding == false)
        try await type(" (v2)", &state, runner)
        try await send(.dialogInput(.submit), &state, runner)
        #expect(state.flash?.text == "Saved Custom Analytics Endpoint (v2)")
        let after = try await database.adminClient().query(
            "SELECT config_data::text AS config, integration_name AS name FROM integrations_config WHERE id = $1",
            [webhook.id.rawValue])
        #expect(try after.first?.string("config") == (try before.first?.string("config")))
        #expect(try after.first?.string("name") == "Custom Analytics Endpoint (v2)")
    }

    @Test func withoutASealerNewCredentialsAreRefusedAndTheFormKeepsItsText() async throws {
        var (state, runner, _) = try await console(.owner)
        state.tab = .integrations
        state.credentialsKeyProblem = nil  // as if the form had been allowed to take them
        try await send(.integration(.command(.add)), &state, runner)
        try await send(.dialogInput(.nextField), &state, runner)
        try await type("Keyless", &state, runner)
        try await send(.dialogInput(.previousField), &state, runner)
        try await send(.dialogInput(.previousField), &state, runner)
        try await type("tok", &state, runner)
        try await send(.dialogInput(.submit), &state, runner)
        let form = try #require(state.integrationForm)
        #expect(form.name == "Keyless")
        #expect(form.serverError?.contains(CredentialSealer.keyVariable) == true)
        #expect(form.focus == .credentials)
    }

    @Test func theSwitcherListsEveryWorkspaceWithItsRoleAndSwitches() async throws {
        var (state, runner, database) = try await console(.owner)
        let second = UUID()
        try await database.adminClient().transaction { connection in
            try connection.query(
                "INSERT INTO workspaces (id, name, slug) VALUES ($1, 'Globex', 'globex')", [second])
            try connection.query(
                """
                INSERT INTO team_members (workspace_id, user_id, role, status, accepted_at)
                SELECT $1, id, 'viewer', 'active', now() FROM users WHERE email = 'demo@example.com'
                """, [second])
        }
        try await send(.workspace(.pickerRequested), &state, runner)
        guard case .workspacePicker(let picker) = state.dialog else {
            Issue.record("no picker: \(String(describing: state.dialog))")
            return
        }
        #expect(picker.memberships.map(\.name).sorted() == ["Acme Corp", "Globex"])
        #expect(picker.memberships.first { $0.name == "Globex" }?.role == .viewer)
        #expect(picker.selectedMembership?.name == "Acme Corp", "starts on the current one")
        try await type("g", &state, runner)
        try await send(.dialogInput(.submit), &state, runner)
        #expect(state.session.workspaceName == "Globex")
        #expect(state.session.role == .viewer)
        #expect(state.flash?.text == "Switched to Globex")
        #expect(
            BillingCommand.changePlan.availability(in: state.billing, policy: state.policy).reason
                == "Only owners can change the plan")
    }
}
