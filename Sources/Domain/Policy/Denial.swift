/// Why an action is refused: every reason the policy (and the view-models, for what is not
/// there to act on) can give, as a case. The words are in `Denial+Wording.swift`, the one
/// place they are written, so a refusal reads the same from a key, a `:` verb and the store.
public enum Denial: Sendable, Equatable {
    /// The actor's role does not carry `Permission`.
    case lacksPermission(Permission)

    // Team
    case onlyOwnersGrantOwner
    case onlyOwnersChangeOwnersRole
    case pendingKeepsItsRole
    case alreadyHasRole(name: String, role: Role)
    case lastOwner
    case onlyActiveCanBeDeactivated
    case onlyOwnersDeactivateOwner
    case onlyInactiveCanBeReactivated
    case onlyOwnersReactivateOwner
    case revokeInsteadOfRemove
    case onlyOwnersRemoveOwner
    case onlyPendingCanBeResent
    case onlyPendingCanBeRevoked
    case onlyOwnersManageOwnerInvitations

    // SSH keys
    case sshKeysNeedAdmin
    case onlyOwnersManageOwnersKeys
    case onlyOwnersManageOtherAdminsKeys
    case keysAreAddedPerMember
    case noKeyToRemove

    // Billing and integrations
    /// The subscription's state or the workspace's usage stands in the way; the error says how.
    case blocked(DomainError)
    case integrationLimitReached(limit: Int)
    case alreadyEnabled(name: String, enabled: Bool)

    // Nothing to act on, or no acting at all
    case readOnly
    case noMemberSelected
    case noIntegrationSelected
    case billingStillLoading
}
