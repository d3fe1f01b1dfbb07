import Domain

/// What a user can ask of the Team tab. The TUI binds keys to these; `availability` says,
/// with the policy's own reason, whether each is possible for the selected row right now.
public enum TeamCommand: String, Sendable, CaseIterable, Equatable {
    case invite, resend, revoke, changeRole, deactivate, reactivate, remove

    /// Allowed, or denied with the reason the UI flashes.
    public func availability(in state: TeamState, policy: Policy) -> Decision {
        availability(
            for: state.selectedMember, activeOwners: state.counts?.activeOwners ?? 1,
            policy: policy)
    }

    /// Allowed on `member` (nil: no member chosen), or denied with the reason.
    public func availability(for member: Member?, activeOwners owners: Int, policy: Policy)
        -> Decision
    {
        switch (self, member) {
        case (.invite, _): return policy.invite(as: .viewer)
        case (_, nil): return .denied(.noMemberSelected)
        case (.resend, let member?): return policy.resend(member.snapshot)
        case (.revoke, let member?): return policy.revoke(member.snapshot)
        case (.changeRole, let member?):
            if case .denied(let reason) = policy.can(.manageTeam) { return .denied(reason) }
            if member.status == .pending {
                return .denied(.pendingKeepsItsRole)
            }
            if member.role == .owner, policy.actorRole != .owner {
                return .denied(.onlyOwnersChangeOwnersRole)
            }
            if member.role == .owner, member.status == .active, owners <= 1 {
                return .denied(.lastOwner)
            }
            return .allowed
        case (.deactivate, let member?):
            return policy.deactivate(member.snapshot, activeOwners: owners)
        case (.reactivate, let member?): return policy.reactivate(member.snapshot)
        case (.remove, let member?): return policy.remove(member.snapshot, activeOwners: owners)
        }
    }
}
