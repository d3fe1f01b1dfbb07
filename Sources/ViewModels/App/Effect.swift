import Domain

/// Work the runtime must do for the state: every database call is one of these values, run
/// off the key loop, and its result comes back as an `AppAction`.
public enum Effect: Sendable, Equatable {
    case loadMembers(generation: Int, direction: PageDirection, query: MemberQuery)
    /// Waits `TeamState.searchSettleDelay`, then reports `searchSettled(generation:)`: a burst
    /// of keystrokes sends one search, not one per key queued behind the others.
    case settleSearch(generation: Int)
    case loadCounts
    case invite(email: String, role: Role)
    case resendInvitation(MemberID, RowVersion)
    case revokeInvitation(MemberID, RowVersion)
    case changeRole(MemberID, Role, RowVersion)
    case deactivate(MemberID, RowVersion)
    case reactivate(MemberID, RowVersion)
    case remove(MemberID, RowVersion)
    /// Find a member by email, then run the command-line verb on it (`:role EMAIL ROLE`).
    case memberCommand(email: String, verb: MemberVerb)
    case loadBilling
    case loadIntegrations
    case loadIntegrationDetail(IntegrationID)
    case loadAudit(before: AuditCursor?)
    case switchWorkspace(String)
    /// The workspaces the user belongs to, for the switcher.
    case loadWorkspaces
    case billing(BillingEffect)
    case integration(IntegrationEffect)
    case keys(KeysEffect)
}

/// The member operations that `:` commands name by email.
public enum MemberVerb: Sendable, Equatable {
    case resend, revoke, changeRole(Role), deactivate, reactivate, remove
}
