/// Who may see and change SSH keys. A key logs in *as its user*, so registering one is
/// handing out that user's identity: the rules follow the ones for changing that member.
extension Policy {
    /// Listing keys: owners and admins (row-level security says the same).
    public func viewSSHKeys() -> Decision {
        can(.manageTeam).isAllowed
            ? .allowed : .denied(.sshKeysNeedAdmin)
    }

    /// Adding or removing a key of a member with `targetRole`.
    ///
    /// Owners manage anyone's keys; admins their own and those of members and viewers. An
    /// admin who could register a key on an owner's (or another admin's) account could log
    /// in as them, which is a promotion the team rules would never allow.
    public func manageSSHKeys(ofRole targetRole: Role, isSelf: Bool) -> Decision {
        if case .denied(let reason) = viewSSHKeys() { return .denied(reason) }
        if isSelf || actorRole == .owner { return .allowed }
        switch targetRole {
        case .owner: return .denied(.onlyOwnersManageOwnersKeys)
        case .admin: return .denied(.onlyOwnersManageOtherAdminsKeys)
        case .member, .viewer: return .allowed
        }
    }
}
