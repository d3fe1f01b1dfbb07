import Domain
import Foundation
import Testing
import ViewModels

/// Changes made elsewhere reload what is on screen, quietly and keeping the selection.
@Suite struct LiveRefreshTests {
    let now = Fixtures.now

    @Test func anIntegrationChangeReloadsTheListAndTheOpenDetail() {
        let items = (1...3).map { SettingsFixtures.integration($0) }
        var state = SettingsFixtures.integrationsState(.member, items)
        #expect(
            state.update(.settingsChanged([.integrations]), now: now) == [.integration(.loadList)])
        state.integrations.detail = SettingsFixtures.detail(items[1], config: .emptyObject)
        #expect(
            state.update(.settingsChanged([.integrations]), now: now) == [
                .integration(.loadList), .integration(.loadDetail(items[1].id)),
            ])
        #expect(state.flash == nil, "a live reload says nothing")
    }

    @Test func theSelectionStaysOnItsIntegrationWhenTheOrderChanges() {
        let items = (1...3).map { SettingsFixtures.integration($0) }
        var state = SettingsFixtures.integrationsState(.member, items)
        state.integrations.selected = 2
        _ = state.update(.integration(.listLoaded(.success(items.reversed()))), now: now)
        #expect(state.integrations.selectedItem?.id == items[2].id)
        #expect(state.integrations.refreshedAt == now)
        state.tab = .integrations
        #expect(state.refreshedAt == now)
    }

    @Test func aTeamListPagedPastItsFirstPageOnlyRefreshesTheCounts() {
        var state = AppState(session: Fixtures.session(.admin), readOnly: false)
        state.team.hasAfter = true
        #expect(state.update(.settingsChanged([.team]), now: now) == [.team(.loadCounts)])
        state.team.hasAfter = false
        #expect(state.update(.settingsChanged([.team]), now: now).count == 2)
    }

    @Test func pollingReloadsOnlyWhatWasLoaded() {
        var state = AppState(session: Fixtures.session(.viewer), readOnly: false)
        let effects = state.update(.pollDue, now: now)
        #expect(!effects.contains(.billing(.load)))
        #expect(!effects.contains(.integration(.loadList)))
        _ = state.update(.liveUpdatesChanged(.listening), now: now)
        #expect(state.liveUpdates == .listening)
    }

    @Test func theAuditLogOnScreenRefreshesAndSaysWhen() {
        var state = AppState(session: Fixtures.session(.admin), readOnly: false)
        state.tab = .audit
        _ = state.update(
            .audit(.loaded(append: false, .success(AuditPage(entries: [], next: nil)))), now: now)
        #expect(state.refreshedAt == now)
        #expect(state.update(.pollDue, now: now).contains(.audit(.load(before: nil))))
    }

    /// A key pressed right after a toggle acts on the new row version, not the old one.
    @Test func aToggleAnswerIsUsedBeforeTheReloadLands() {
        let item = SettingsFixtures.integration(1)
        var state = SettingsFixtures.integrationsState(.admin, [item])
        state.integrations.detail = SettingsFixtures.detail(item, config: .emptyObject)
        let disabled = IntegrationHealth(
            id: item.id, type: item.type, name: item.name, enabled: false, health: item.health,
            healthMessage: nil, lastHealthCheckAt: nil, lastSyncAt: nil, eventsSent: 0,
            errors: 0, lastErrorMessage: nil, lastErrorAt: nil, hasCredentials: false,
            version: RowVersion("i1-after"))
        _ = state.update(.integration(.toggled(.success(disabled))), now: now)
        #expect(state.integrations.target?.version == RowVersion("i1-after"))
        #expect(state.integrations.items.first?.enabled == false)
    }
}
