import Domain

extension AppState {
    /// Reloads the loaded views among `views`, with no flash and keeping the selection (the
    /// loaders keep the selected row by id). A Team list paged beyond its first page is left
    /// alone, counts aside: reloading it would move the window under the user.
    func liveReload(_ views: Set<LiveView>) -> [Effect] {
        var effects: [Effect] = []
        if views.contains(.team) {
            effects.append(.team(.loadCounts))
            if !team.hasBefore, !team.hasAfter {
                effects.append(
                    .team(
                        .loadMembers(
                            generation: team.generation, direction: .replace,
                            query: firstPageQuery)))
            }
        }
        if views.contains(.billing), billing.overview != nil, policy.can(.viewBilling).isAllowed {
            effects.append(.billing(.load))
        }
        // Every settings change writes an audit row; the log refreshes while it is on screen
        // and still on its first page (a reload would drop the older pages being read).
        if tab == .audit, audit.hasLoaded, audit.entries.count <= AuditState.pageSize,
            policy.can(.viewAuditLog).isAllowed
        {
            effects.append(.audit(.load(before: nil)))
        }
        if views.contains(.integrations), integrations.hasLoaded {
            effects.append(.integration(.loadList))
            if let detail = integrations.detail {
                effects.append(.integration(.loadDetail(detail.id)))
            }
        }
        return effects
    }
}
