/// The words of every `Denial`: each says what is refused and why, or what to do instead.
extension Denial: CustomStringConvertible {
    public var text: String {
        switch self {
        case .lacksPermission(let permission): return Self.text(lacking: permission)
        case .onlyOwnersGrantOwner: return "Only owners can grant the owner role"
        case .onlyOwnersChangeOwnersRole: return "Only owners can change an owner's role"
        case .pendingKeepsItsRole:
            return "Pending invitations keep their role; revoke and invite again"
        case .alreadyHasRole(let name, let role): return "\(name) is already \(role.rawValue)"
        case .lastOwner: return "A workspace needs at least one owner"
        case .onlyActiveCanBeDeactivated: return "Only active members can be deactivated"
        case .onlyOwnersDeactivateOwner: return "Only owners can deactivate an owner"
        case .onlyInactiveCanBeReactivated: return "Only inactive members can be reactivated"
        case .onlyOwnersReactivateOwner: return "Only owners can reactivate an owner"
        case .revokeInsteadOfRemove: return "Revoke the invitation instead"
        case .onlyOwnersRemoveOwner: return "Only owners can remove an owner"
        case .onlyPendingCanBeResent: return "Only pending invitations can be resent"
        case .onlyPendingCanBeRevoked: return "Only pending invitations can be revoked"
        case .onlyOwnersManageOwnerInvitations: return "Only owners can manage owner invitations"
        case .sshKeysNeedAdmin: return "Only admins and owners can see and manage SSH keys"
        case .onlyOwnersManageOwnersKeys: return "Only owners can manage an owner's SSH keys"
        case .onlyOwnersManageOtherAdminsKeys:
            return "Only owners can manage another admin's SSH keys"
        case .keysAreAddedPerMember:
            return "Keys are added per member: press K on a member, or :keys EMAIL"
        case .noKeyToRemove: return "There is no key to remove"
        case .blocked(let error): return error.reason
        case .integrationLimitReached(let limit):
            return DomainError(.integrationsUsed(limit: limit)).reason
        case .alreadyEnabled(let name, let enabled):
            return "\(name) is already \(enabled ? "enabled" : "disabled")"
        case .readOnly: return "Read-only mode: changes are disabled"
        case .noMemberSelected: return "Select a member first"
        case .noIntegrationSelected: return "Select an integration first"
        case .billingStillLoading: return "Billing is still loading"
        }
    }

    public var description: String { text }

    private static func text(lacking permission: Permission) -> String {
        switch permission {
        case .viewWorkspace: return "Only members of this workspace can see it"
        case .manageAgents: return "Viewers cannot create or edit agents"
        case .manageTeam: return "Only admins and owners can manage members"
        case .viewBilling: return "Only owners can view billing"
        case .manageBilling: return "Only owners can change the plan"
        case .deleteWorkspace: return "Only owners can delete the workspace"
        case .manageIntegrations: return "Only admins and owners can manage integrations"
        case .viewAPIKeys: return "Viewers cannot see API keys"
        case .createAPIKeys: return "Viewers cannot create API keys"
        case .viewAuditLog: return "Only admins and owners can read the audit log"
        }
    }
}
