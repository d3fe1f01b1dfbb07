import Domain
import Foundation

extension AppState {
    /// The query for the first page in the current order.
    var firstPageQuery: MemberQuery {
        var query = team.query
        query.after = nil
        return query
    }

    /// Starts the list over after the query changed; late answers to the old query are dropped.
    mutating func reloadMembers() -> [Effect] {
        team.generation += 1
        team.isLoading = true
        team.selected = 0
        return [
            .team(
                .loadMembers(
                    generation: team.generation, direction: .replace, query: firstPageQuery))
        ]
    }

    mutating func sort(by column: MemberQuery.SortColumn) -> [Effect] {
        if team.query.sort == column {
            team.query.ascending.toggle()
        } else {
            team.query.sort = column
            team.query.ascending = true
        }
        return reloadMembers()
    }

    mutating func moveSelection(by delta: Int) -> [Effect] {
        switch tab {
        case .team: break
        case .billing: return []
        case .integrations:
            guard !integrations.items.isEmpty, integrations.detail == nil else { return [] }
            integrations.selected = max(
                0, min(integrations.items.count - 1, integrations.selected + delta))
            return []
        case .audit:
            guard !audit.entries.isEmpty else { return [] }
            audit.selected = max(0, min(audit.entries.count - 1, audit.selected + delta))
            if audit.selected >= audit.entries.count - 20, let next = audit.next, !audit.isLoading {
                audit.isLoading = true
                return [.audit(.load(before: next))]
            }
            return []
        }
        guard !team.rows.isEmpty else { return [] }
        team.selected = max(0, min(team.rows.count - 1, team.selected + delta))
        return pageIfNearEdge()
    }

    mutating func moveToTop() -> [Effect] {
        guard tab == .team else { return moveSelection(by: -Int(Int32.max)) }
        if team.hasBefore { return reloadMembers() }
        team.selected = 0
        return []
    }

    /// Jumps to the last row by reading the last page in reverse: no walk through the middle.
    /// The page fetched ahead behind the first one shows at once; without it, it is read now.
    mutating func moveToBottom() -> [Effect] {
        guard tab == .team else { return moveSelection(by: Int(Int32.max)) }
        if !team.hasAfter {
            team.selected = max(0, team.rows.count - 1)
            return []
        }
        if let ahead = team.prefetchedEnd, ahead.generation == team.generation {
            showEnd(ahead.page)
            return []
        }
        team.generation += 1
        team.isLoading = true
        return [
            .team(.loadMembers(generation: team.generation, direction: .end, query: lastPageQuery))
        ]
    }

    /// The first page's query run backwards: the list's last page.
    private var lastPageQuery: MemberQuery {
        var query = firstPageQuery
        query.ascending.toggle()
        return query
    }

    /// The window starts over at the end of the list with `page` (fetched in reverse order).
    private mutating func showEnd(_ page: MemberPage) {
        team.rows = page.members.reversed()
        team.cursors = page.cursors.reversed()
        team.hasBefore = page.hasMore
        team.hasAfter = false
        team.selected = max(0, team.rows.count - 1)
    }

    /// Fetches the next (or previous) page when the selection comes within `margin` rows of
    /// the window's edge.
    private mutating func pageIfNearEdge() -> [Effect] {
        guard !team.isLoading else { return [] }
        let margin = 50
        if team.hasAfter, team.selected >= team.rows.count - margin, let last = team.cursors.last {
            team.isLoading = true
            var query = team.query
            query.after = last
            return [
                .team(.loadMembers(generation: team.generation, direction: .append, query: query))
            ]
        }
        if team.hasBefore, team.selected < margin, let first = team.cursors.first {
            team.isLoading = true
            var query = team.query
            query.after = first
            query.ascending.toggle()
            return [
                .team(.loadMembers(generation: team.generation, direction: .prepend, query: query))
            ]
        }
        return []
    }

    mutating func membersLoaded(
        generation: Int, direction: PageDirection, _ result: Result<MemberPage, DomainError>,
        now: Date
    ) -> [Effect] {
        guard generation == team.generation else { return [] }
        if direction == .prefetchEnd {
            // Kept aside; a failure only means `G` reads the page when pressed.
            if case .success(let page) = result {
                team.prefetchedEnd = PrefetchedEnd(generation: generation, page: page)
            }
            return []
        }
        team.isLoading = false
        let page: MemberPage
        switch result {
        case .success(let loaded): page = loaded
        case .failure(let error):
            team.loadError = error.userMessage
            return fail(error, now: now)
        }
        team.loadError = nil
        let reload = connectionAnswered()
        lastRefresh = now
        let rows = direction.isReversed ? Array(page.members.reversed()) : page.members
        let cursors = direction.isReversed ? Array(page.cursors.reversed()) : page.cursors
        switch direction {
        case .replace:
            let keepID = team.selectedMember?.id
            team.rows = rows
            team.cursors = cursors
            team.hasBefore = false
            team.hasAfter = page.hasMore
            team.selected =
                keepID.flatMap { id in rows.firstIndex { $0.id == id } }
                ?? min(team.selected, max(0, rows.count - 1))
            if page.hasMore, team.prefetchedEnd?.generation != generation {
                // The last page too, read now while the user looks at the first: `G` then
                // costs a frame, not a query.
                return reload + [
                    .team(
                        .loadMembers(
                            generation: generation, direction: .prefetchEnd, query: lastPageQuery))
                ]
            }
        case .end, .prefetchEnd:
            showEnd(page)
        case .append:
            team.rows += rows
            team.cursors += cursors
            team.hasAfter = page.hasMore
            trimWindow(keepingEnd: true)
        case .prepend:
            team.rows = rows + team.rows
            team.cursors = cursors + team.cursors
            team.selected += rows.count
            team.hasBefore = page.hasMore
            trimWindow(keepingEnd: false)
        }
        return reload
    }

    /// Drops rows far from the selection so memory stays bounded however far one scrolls.
    private mutating func trimWindow(keepingEnd: Bool) {
        let excess = team.rows.count - TeamState.windowLimit
        guard excess > 0 else { return }
        if keepingEnd {
            team.rows.removeFirst(excess)
            team.cursors.removeFirst(excess)
            team.selected = max(0, team.selected - excess)
            team.hasBefore = true
        } else {
            team.rows.removeLast(excess)
            team.cursors.removeLast(excess)
            team.hasAfter = true
        }
    }
}
