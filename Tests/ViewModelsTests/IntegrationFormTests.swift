import Domain
import Foundation
import Testing

@testable import ViewModels

@Suite("Integration form: validates as you type, keeps what was typed, credentials write-only")
struct IntegrationFormTests {
    let now = Fixtures.now

    private func addForm(keyProblem: String? = nil) -> AppState {
        var state = SettingsFixtures.integrationsState(
            .admin, [SettingsFixtures.integration(1)], keyProblem: keyProblem)
        _ = state.update(.integration(.command(.add)), now: now)
        return state
    }

    @Test func fieldsAreCheckedWithTheStoresRulesAsTheyAreTyped() throws {
        var state = addForm()
        _ = state.update(.dialogInput(.typed("w")), now: now)
        #expect(state.integrationForm?.type == .webhook, "first letter picks the type")
        _ = state.update(.dialogInput(.nextField), now: now)
        state.type("Hooks\u{7}")
        #expect(state.integrationForm?.error(for: .name) == "must not contain control characters")
        _ = state.update(.dialogInput(.backspace), now: now)
        #expect(state.integrationForm?.error(for: .name) == nil)
        _ = state.update(.dialogInput(.nextField), now: now)
        #expect(state.integrationForm?.focus == .setting("url"))
        state.type("http://example.com/hook")
        #expect(
            state.integrationForm?.error(for: .setting("url"))
                == "must use https (plain http is only allowed to localhost)")
        _ = state.update(.dialogInput(.nextField), now: now)
        _ = state.update(.dialogInput(.nextField), now: now)
        #expect(state.integrationForm?.focus == .config)
        state.type("{\"timeout_ms\": 5000")
        #expect(state.integrationForm?.error(for: .config) == "is not valid JSON")
        #expect(
            state.integrationForm?.error(for: .setting("url"))
                == "must use https (plain http is only allowed to localhost)",
            "bad JSON does not hide the URL's own error")
        state.type("}")
        #expect(state.integrationForm?.error(for: .config) == nil)
        _ = state.update(.dialogInput(.nextField), now: now)
        state.type("0")
        #expect(
            state.integrationForm?.error(for: .rateLimit)?.hasPrefix(
                "must be a whole number of events per minute from 1") == true)
        #expect(state.integrationForm?.canSubmit == false)
        #expect(state.update(.dialogInput(.submit), now: now).isEmpty)
        #expect(
            state.integrationForm?.focus == .setting("url"), "the first bad field gets the cursor")
    }

    @Test func aValidFormSendsOneDraftWithSettingsMergedIntoTheConfig() throws {
        var state = addForm()
        state.type("w")
        _ = state.update(.dialogInput(.nextField), now: now)
        state.type("Analytics")
        _ = state.update(.dialogInput(.nextField), now: now)
        state.type("https://example.com/hook")
        _ = state.update(.dialogInput(.nextField), now: now)
        state.type("POST")
        _ = state.update(.dialogInput(.nextField), now: now)
        state.type("{\"timeout_ms\": 5000}")
        _ = state.update(.dialogInput(.nextField), now: now)
        state.type("120")
        _ = state.update(.dialogInput(.nextField), now: now)
        state.type("s3cret")
        let effects = state.update(.dialogInput(.submit), now: now)
        let expected = IntegrationDraft(
            type: .webhook, name: "Analytics",
            config: .object([
                "url": .string("https://example.com/hook"), "method": .string("POST"),
                "timeout_ms": .number(5000),
            ]),
            rateLimitPerMinute: 120, credentials: .replace(Secret("s3cret")))
        #expect(effects == [.integration(.add(expected))])
        #expect(state.integrationForm?.isSubmitting == true)
    }

    @Test func anEmptySubmitShowsWhatIsMissing() throws {
        var state = addForm()
        state.type("w")
        #expect(state.integrationForm?.error(for: .name) == nil, "a fresh form is quiet")
        #expect(state.update(.dialogInput(.submit), now: now).isEmpty)
        let form = try #require(state.integrationForm)
        #expect(form.error(for: .name) == "enter a name")
        #expect(form.error(for: .setting("url"))?.contains("a webhook needs a \"url\"") == true)
        #expect(form.focus == .name)
    }

    @Test func aRefusalKeepsEverythingTypedAndPointsAtTheField() throws {
        var state = addForm()
        _ = state.update(.dialogInput(.nextField), now: now)
        state.type("Alerts")
        _ = state.update(.dialogInput(.submit), now: now)
        let refusal = DomainError.conflict(
            reason: "a Slack integration named \"Alerts\" already exists")
        #expect(
            state.update(.integration(.saved(added: true, .failure(refusal))), now: now).isEmpty)
        let form = try #require(state.integrationForm)
        #expect(form.name == "Alerts")
        #expect(form.serverError == refusal.userMessage)
        #expect(!form.isSubmitting)
        _ = state.update(
            .integration(
                .saved(added: true, .failure(.invalid(field: "rate limit", reason: "no")))),
            now: now)
        #expect(state.integrationForm?.focus == .rateLimit)
        state.type("5")
        #expect(state.integrationForm?.serverError == nil, "typing clears the refusal")
    }

    @Test func withoutAKeyCredentialsAreRefusedWithTheReasonNotACrash() throws {
        let reason = CredentialError.missingKey(variable: CredentialSealer.keyVariable).description
        var state = addForm(keyProblem: reason)
        _ = state.update(.dialogInput(.previousField), now: now)
        let focus = try #require(state.integrationForm?.focus)
        #expect(focus == .credentials)
        state.type("token")
        let form = try #require(state.integrationForm)
        #expect(form.credentials.isEmpty)
        #expect(form.error(for: .credentials) == reason)
        #expect(state.flash?.text == reason)
    }

    @Test func editingKeepsStoredCredentialsAndTheRestOfTheConfig() throws {
        let item = SettingsFixtures.integration(
            3, .webhook, name: "Analytics", sent: 892, credentials: true)
        let detail = SettingsFixtures.detail(
            item,
            config: .object([
                "url": .string("https://example.com/a"), "timeout_ms": .number(5000),
                "api_key": .string("configured"),
            ]), rateLimit: 100)
        var state = SettingsFixtures.integrationsState(.owner, [item])
        #expect(
            state.update(.integration(.command(.edit)), now: now) == [
                .integration(.loadForEdit(item.id))
            ])
        _ = state.update(.integration(.editLoaded(.success(detail))), now: now)
        let form = try #require(state.integrationForm)
        #expect(!form.isAdding)
        #expect(form.fields.first == .name, "the type cannot change")
        #expect(
            form.value(of: IntegrationSetting.settings(for: .webhook)[0]) == "https://example.com/a"
        )
        #expect(form.configText == #"{"api_key":"configured","timeout_ms":5000}"#)
        #expect(form.rateLimitText == "100")
        #expect(form.hasStoredCredentials)
        state.type(" v2")
        let effects = state.update(.dialogInput(.submit), now: now)
        guard case .integration(.edit(let id, let draft, let version)) = effects.first else {
            Issue.record("no edit effect: \(effects)")
            return
        }
        #expect(id == item.id)
        #expect(version == item.version)
        #expect(draft.name == "Analytics v2")
        #expect(draft.credentials == .keep)
        #expect(
            draft.config["api_key"] == .string("configured"), "the store restores hidden values")
        #expect(draft.eventFilters == detail.eventFilters)
        #expect(draft.rateLimitPerMinute == 100)
    }

    @Test func switchingTypeKeepsWhatWasTypedForEach() throws {
        var state = addForm()
        state.type("w")
        _ = state.update(.dialogInput(.nextField), now: now)
        _ = state.update(.dialogInput(.nextField), now: now)
        state.type("https://example.com/hook")
        _ = state.update(.dialogInput(.previousField), now: now)
        _ = state.update(.dialogInput(.previousField), now: now)
        _ = state.update(.dialogInput(.choiceMoved(1)), now: now)
        #expect(state.integrationForm?.type == .sentry)
        _ = state.update(.dialogInput(.choiceMoved(-1)), now: now)
        #expect(state.integrationForm?.settingValues["url"] == "https://example.com/hook")
    }

    @Test func savingClosesTheFormAndUpdatesAnOpenDetail() {
        let item = SettingsFixtures.integration(3, name: "Analytics")
        let detail = SettingsFixtures.detail(
            item, config: .object(["url": .string("https://example.com/a")]))
        var state = SettingsFixtures.integrationsState(.owner, [item])
        _ = state.update(.integration(.detailLoaded(.success(detail))), now: now)
        _ = state.update(.integration(.command(.edit)), now: now)
        #expect(state.integrationForm != nil, "opened from the detail view without a reload")
        _ = state.update(.dialogInput(.submit), now: now)
        let effects = state.update(.integration(.saved(added: false, .success(detail))), now: now)
        #expect(state.dialog == nil)
        #expect(state.flash?.text == "Saved Analytics")
        #expect(effects == [.integration(.loadList), .integration(.loadDetail(item.id))])
    }
}
