import Domain

/// What happens on the Team tab: a user's intent, or the store's answer to one.
public enum TeamAction: Sendable, Equatable {
    case command(TeamCommand)
    case sortRequested(MemberQuery.SortColumn)
    case statusFilterCycled
    case roleFilterCycled
    case searchStarted
    case searchEdited(String)
    /// The search typed for `generation` has not changed for a moment: run it now.
    case searchSettled(generation: Int)
    case searchFinished
    case membersLoaded(generation: Int, direction: PageDirection, Result<MemberPage, DomainError>)
    case countsLoaded(Result<MemberCounts, DomainError>)
    case invitationCreated(Result<InvitationReceipt, DomainError>)
    /// The member a `:` verb names was found (or not): the verb then asks what its key asks.
    case memberFound(MemberVerb, Result<Member, DomainError>)
    /// A change to one member finished; `update` words the flash from `change`.
    case memberChanged(MemberChange, Result<Empty, DomainError>)
}

/// Which change to a member finished (the flash is worded from it, in `update`).
public enum MemberChange: Sendable, Equatable {
    case invitationRevoked
    case roleChanged(Role)
    case deactivated
    case reactivated
    case removed
}

/// The Team tab's reads and writes; writes carry the row version the user was looking at.
public enum TeamEffect: Sendable, Equatable {
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
    /// Find the member a command-line verb names (`:role EMAIL ROLE`).
    case findMember(email: String, for: MemberVerb)
}

/// The member operations that `:` commands name by email.
public enum MemberVerb: Sendable, Equatable {
    case resend, revoke, changeRole(Role), deactivate, reactivate, remove
}
