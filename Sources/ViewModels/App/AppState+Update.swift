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
            helpScroll = 0
            return []
        case .helpScrolled(let line):
            if dialog == .help { helpScroll = max(0, line) }
            return []
        case .quitRequested:
            isQuitting = true
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
        case .team(let action):
            return update(action, now: now)
        case .billing(let action):
            return update(action, now: now)
        case .integration(let action):
            return update(action, now: now)
        case .audit(let action):
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
        case .requestsWaiting(let since):
            requestsWaitingSince = since
            return []
        case .pollDue:
            // A database that is not answering would only queue the poll behind what waits.
            guard databaseNotice(now: now) == nil else { return [] }
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
    /// While reconnecting, another "database unavailable" does not replace an error that
    /// stays until dismissed (say, a change that could not be confirmed): the status line
    /// already says the database is gone.
    mutating func fail(_ error: DomainError, now: Date, sticky: Bool = false) -> [Effect] {
        if case .unavailable = error {
            if connection == .reconnecting, let shown = flash, shown.level == .error,
                shown.expiresAt == nil, !sticky
            {
                return []
            }
            connection = .reconnecting
        }
        flash = .make(.error, error.userMessage, now: now, sticky: sticky)
        return []
    }

    /// Reloads what the current tab shows (and the counts every tab's header uses).
    func refreshEffects() -> [Effect] {
        switch tab {
        case .team:
            return [
                .team(.loadCounts),
                .team(
                    .loadMembers(
                        generation: team.generation, direction: .replace, query: firstPageQuery)),
            ]
        case .billing:
            return policy.can(.viewBilling).isAllowed ? [.billing(.load)] : []
        case .integrations:
            var effects: [Effect] = [.integration(.loadList)]
            if let detail = integrations.detail {
                effects.append(.integration(.loadDetail(detail.id)))
            }
            return effects
        case .audit:
            return policy.can(.viewAuditLog).isAllowed ? [.audit(.load(before: nil))] : []
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
            return integrations.hasLoaded ? [] : [.integration(.loadList)]
        case .audit:
            guard policy.can(.viewAuditLog).isAllowed, !audit.hasLoaded else { return [] }
            audit.isLoading = true
            return [.audit(.load(before: nil))]
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
    public func reconnectProbe() -> [Effect] { [.team(.loadCounts)] }
}
