import Domain
import Foundation

extension AppState {
    /// The one place state changes: applies `action` and returns the effects to run.
    /// Pure: no I/O, no clock but `now`, so every transition is a plain unit test.
    public mutating func update(_ action: AppAction, now: Date) -> [Effect] {
        switch action {
        case .tabSelected(let tab):
            return select(tab)
        case .nextTab:
            return select(Self.neighbour(of: tab, step: 1))
        case .previousTab:
            return select(Self.neighbour(of: tab, step: -1))
        case .moved(let delta):
            return moveSelection(by: delta)
        case .movedToTop:
            return moveToTop()
        case .movedToBottom:
            return moveToBottom()
        case .refreshRequested:
            flash = .make(.info, "Refreshing…", now: now)
            return refreshEffects()
        case .escapePressed:
            if case .sshKeys(let panel) = dialog, let back = panel.backingOut() {
                dialog = .sshKeys(back)
            } else if dialog != nil {
                dialog = nil
            } else if integrations.detail != nil, tab == .integrations {
                integrations.detail = nil
            } else if commandLine != nil {
                commandLine = nil
            } else if team.searchDraft != nil {
                team.searchDraft = nil
            } else {
                flash = nil
            }
            return []
        case .helpToggled:
            dialog = dialog == .help ? nil : .help
            return []
        case .quitRequested:
            isQuitting = true
            return []
        case .teamCommand(let command):
            return perform(command, now: now)
        case .sortRequested(let column):
            return sort(by: column)
        case .statusFilterCycled:
            team.query.status = Self.cycle(team.query.status, through: MemberStatus.allCases)
            return reloadMembers()
        case .roleFilterCycled:
            team.query.role = Self.cycle(team.query.role, through: Role.allCases)
            return reloadMembers()
        case .searchStarted:
            team.searchDraft = team.query.search
            return []
        case .searchEdited(let text):
            team.searchDraft = String(text.prefix(200))
            team.query.search = team.searchDraft ?? ""
            team.generation += 1
            team.isLoading = true
            team.selected = 0
            return [.settleSearch(generation: team.generation)]
        case .searchSettled(let generation):
            guard generation == team.generation else { return [] }
            return [
                .loadMembers(generation: generation, direction: .replace, query: firstPageQuery)
            ]
        case .searchFinished:
            team.searchDraft = nil
            return []
        case .commandLineOpened:
            commandLine = ""
            return []
        case .commandLineEdited(let text):
            commandLine = String(text.prefix(300))
            return []
        case .commandLineSubmitted:
            let text = commandLine ?? ""
            commandLine = nil
            return runCommandLine(text, now: now)
        case .dialogInput(let input):
            return handleDialogInput(input, now: now)
        case .membersLoaded(let generation, let direction, let result):
            return membersLoaded(generation: generation, direction: direction, result, now: now)
        case .countsLoaded(let result):
            switch result {
            case .success(let counts):
                team.counts = counts
                connection = .connected
            case .failure(let error): return fail(error, now: now)
            }
            return []
        case .invitationCreated(let result):
            return invitationCreated(result, now: now)
        case .mutationFinished(let success, let result):
            switch result {
            case .success:
                flash = .make(.info, success, now: now)
                return refreshEffects()
            case .failure(let error):
                return fail(error, now: now, sticky: true)
            }
        case .billingLoaded(let result):
            billing.isLoading = false
            switch result {
            case .success(let overview):
                billing.overview = overview
                billing.loadError = nil
                billing.refreshedAt = now
                connection = .connected
            case .failure(let error):
                billing.loadError = error.userMessage
                return fail(error, now: now)
            }
            return []
        case .integrationsLoaded(let result):
            integrations.isLoading = false
            integrations.hasLoaded = true
            switch result {
            case .success(let items):
                let keep = integrations.selectedItem?.id
                integrations.items = items
                integrations.loadError = nil
                integrations.refreshedAt = now
                integrations.selected =
                    keep.flatMap { id in items.firstIndex { $0.id == id } }
                    ?? min(integrations.selected, max(0, items.count - 1))
                connection = .connected
                return [.integration(.loadUsage), .integration(.loadBreakers)]
            case .failure(let error):
                integrations.loadError = error.userMessage
                return fail(error, now: now)
            }
        case .integrationDetailLoaded(let result):
            switch result {
            case .success(let detail):
                if integrations.history?.id != detail.id { integrations.history = nil }
                integrations.detail = detail
                return [.integration(.loadHistory(detail.id))]
            case .failure(let error): return fail(error, now: now)
            }
        case .auditLoaded(let append, let result):
            audit.isLoading = false
            audit.hasLoaded = true
            switch result {
            case .success(let page):
                // A live reload keeps the selected entry (by id) when it is still on the page.
                let keep =
                    append
                    ? nil
                    : audit.entries.indices.contains(audit.selected)
                        ? audit.entries[audit.selected].id : nil
                audit.entries = append ? audit.entries + page.entries : page.entries
                audit.next = page.next
                audit.loadError = nil
                if !append {
                    audit.selected =
                        keep.flatMap { id in audit.entries.firstIndex { $0.id == id } } ?? 0
                    audit.refreshedAt = now
                }
            case .failure(let error):
                audit.loadError = error.userMessage
                return fail(error, now: now)
            }
            return []
        case .openSelected:
            guard tab == .integrations, let item = integrations.selectedItem else { return [] }
            return [.loadIntegrationDetail(item.id)]
        case .workspaceSwitched(let result):
            switch result {
            case .success(let newSession):
                let readOnly = self.readOnly
                let keyProblem = credentialsKeyProblem
                self = AppState(session: newSession, readOnly: readOnly)
                credentialsKeyProblem = keyProblem
                flash = .make(.info, "Switched to \(newSession.workspaceName)", now: now)
                return Self.initialEffects(for: self)
            case .failure(let error):
                return fail(error, now: now, sticky: true)
            }
        case .billing(let action):
            return update(action, now: now)
        case .integration(let action):
            return update(action, now: now)
        case .workspace(let action):
            return update(action, now: now)
        case .keys(let action):
            return update(action, now: now)
        case .connectionChanged(let state):
            connection = state
            return []
        case .settingsChanged(let views):
            return liveReload(views)
        case .pollDue:
            return liveReload(Set(LiveView.allCases))
        case .liveUpdatesChanged(let mode):
            liveUpdates = mode
            return []
        case .ticked(let date):
            if let expiry = flash?.expiresAt, expiry <= date { flash = nil }
            return []
        }
    }

    /// Shows a failure; a lost connection also flips the status line to "reconnecting".
    mutating func fail(_ error: DomainError, now: Date, sticky: Bool = false) -> [Effect] {
        if case .unavailable = error { connection = .reconnecting }
        flash = .make(.error, error.userMessage, now: now, sticky: sticky)
        return []
    }

    /// Reloads what the current tab shows (and the counts every tab's header uses).
    func refreshEffects() -> [Effect] {
        switch tab {
        case .team:
            return [
                .loadCounts,
                .loadMembers(
                    generation: team.generation, direction: .replace, query: firstPageQuery),
            ]
        case .billing:
            return policy.can(.viewBilling).isAllowed ? [.loadBilling] : []
        case .integrations:
            var effects: [Effect] = [.loadIntegrations]
            if let detail = integrations.detail {
                effects.append(.loadIntegrationDetail(detail.id))
            }
            return effects
        case .audit:
            return policy.can(.viewAuditLog).isAllowed ? [.loadAudit(before: nil)] : []
        }
    }

    /// Opens a tab; its data loads the first time it is shown.
    private mutating func select(_ newTab: Tab) -> [Effect] {
        tab = newTab
        dialog = nil
        switch newTab {
        case .team, .billing:
            return []
        case .integrations:
            return integrations.hasLoaded ? [] : [.loadIntegrations]
        case .audit:
            guard policy.can(.viewAuditLog).isAllowed, !audit.hasLoaded else { return [] }
            audit.isLoading = true
            return [.loadAudit(before: nil)]
        }
    }

    static func neighbour(of tab: Tab, step: Int) -> Tab {
        let bar = Tab.bar
        guard let index = bar.firstIndex(of: tab) else { return bar[0] }
        return bar[(index + step + bar.count) % bar.count]
    }

    /// nil -> first -> ... -> last -> nil: one key walks through every filter value and off.
    static func cycle<T: Equatable>(_ value: T?, through all: [T]) -> T? {
        guard let value, let index = all.firstIndex(of: value) else { return all.first }
        return index + 1 < all.count ? all[index + 1] : nil
    }
}

extension AppState {
    /// What the runtime sends while the connection is down, to notice when it is back.
    public func reconnectProbe() -> [Effect] { [.loadCounts] }
}
