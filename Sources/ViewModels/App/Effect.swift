/// Work the runtime must do for the state: every database call is one of these values, run
/// off the key loop, and its result comes back as an `AppAction` of the same feature.
public enum Effect: Sendable, Equatable {
    case team(TeamEffect)
    case billing(BillingEffect)
    case integration(IntegrationEffect)
    case audit(AuditEffect)
    case workspace(WorkspaceEffect)
    case keys(KeysEffect)
}

extension Effect {
    /// Work fetched ahead of a key that may never come (the list's last page, for `G`):
    /// nobody waits for it, so the screen does not show it as work in progress.
    public var isFetchAhead: Bool {
        if case .team(.loadMembers(_, .prefetchEnd, _)) = self { return true }
        return false
    }
}
