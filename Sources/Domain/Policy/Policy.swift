/// Who may do what, and why not: the first lock (row-level security is the second).
///
/// The store calls it before every write, and view-models call the same functions to dim an
/// action and explain it, so the UI and the store never disagree.
public struct Policy: Sendable {
    public let actorRole: Role
    public let actorMemberID: MemberID?

    public init(actorRole: Role, actorMemberID: MemberID? = nil) {
        self.actorRole = actorRole
        self.actorMemberID = actorMemberID
    }

    public func can(_ permission: Permission) -> Decision {
        if RBACMatrix.allows(actorRole, permission) { return .allowed }
        return .denied(Self.reason(for: permission))
    }

    // MARK: Team

    public func invite(as role: Role) -> Decision {
        if case .denied(let reason) = can(.manageTeam) { return .denied(reason) }
        if role == .owner, actorRole != .owner {
            return .denied("Only owners can grant the owner role")
        }
        return .allowed
    }

    public func changeRole(of target: MemberSnapshot, to newRole: Role, activeOwners: Int)
        -> Decision
    {
        if case .denied(let reason) = can(.manageTeam) { return .denied(reason) }
        if target.status == .pending {
            return .denied("Pending invitations keep their role; revoke and invite again")
        }
        if target.role == newRole {
            return .denied("\(target.displayName) is already \(newRole.rawValue)")
        }
        if newRole == .owner, actorRole != .owner {
            return .denied("Only owners can grant the owner role")
        }
        if target.role == .owner, actorRole != .owner {
            return .denied("Only owners can change an owner's role")
        }
        if target.role == .owner, target.status == .active, activeOwners <= 1 {
            return .denied("A workspace needs at least one owner")
        }
        return .allowed
    }

    public func deactivate(_ target: MemberSnapshot, activeOwners: Int) -> Decision {
        if case .denied(let reason) = can(.manageTeam) { return .denied(reason) }
        guard target.status == .active else {
            return .denied("Only active members can be deactivated")
        }
        if target.role == .owner, actorRole != .owner {
            return .denied("Only owners can deactivate an owner")
        }
        if target.role == .owner, activeOwners <= 1 {
            return .denied("A workspace needs at least one owner")
        }
        return .allowed
    }

    public func reactivate(_ target: MemberSnapshot) -> Decision {
        if case .denied(let reason) = can(.manageTeam) { return .denied(reason) }
        guard target.status == .inactive else {
            return .denied("Only inactive members can be reactivated")
        }
        if target.role == .owner, actorRole != .owner {
            return .denied("Only owners can reactivate an owner")
        }
        return .allowed
    }

    public func remove(_ target: MemberSnapshot, activeOwners: Int) -> Decision {
        if case .denied(let reason) = can(.manageTeam) { return .denied(reason) }
        if target.status == .pending { return .denied("Revoke the invitation instead") }
        if target.role == .owner, actorRole != .owner {
            return .denied("Only owners can remove an owner")
        }
        if target.role == .owner, target.status == .active, activeOwners <= 1 {
            return .denied("A workspace needs at least one owner")
        }
        return .allowed
    }

    public func resend(_ target: MemberSnapshot) -> Decision {
        if case .denied(let reason) = can(.manageTeam) { return .denied(reason) }
        guard target.status == .pending else {
            return .denied("Only pending invitations can be resent")
        }
        if target.role == .owner, actorRole != .owner {
            return .denied("Only owners can manage owner invitations")
        }
        return .allowed
    }

    public func revoke(_ target: MemberSnapshot) -> Decision {
        if case .denied(let reason) = can(.manageTeam) { return .denied(reason) }
        guard target.status == .pending else {
            return .denied("Only pending invitations can be revoked")
        }
        if target.role == .owner, actorRole != .owner {
            return .denied("Only owners can manage owner invitations")
        }
        return .allowed
    }

    // MARK: Billing

    /// Whether the plan may change to `target`: owners only, then the subscription's state
    /// and whether current usage fits (the preview's own words).
    public func changePlan(_ preview: PlanChangePreview) -> Decision {
        if case .denied(let reason) = can(.manageBilling) { return .denied(reason) }
        if let blocker = preview.blocker { return .denied(blocker.reason) }
        return .allowed
    }

    public func cancelPlan(_ overview: BillingOverview) -> Decision {
        if case .denied(let reason) = can(.manageBilling) { return .denied(reason) }
        if let blocker = overview.cancellationBlocker { return .denied(blocker.reason) }
        return .allowed
    }

    public func resumePlan(_ overview: BillingOverview) -> Decision {
        if case .denied(let reason) = can(.manageBilling) { return .denied(reason) }
        if let blocker = overview.resumeBlocker { return .denied(blocker.reason) }
        return .allowed
    }

    // MARK: Integrations

    /// Adding counts every integration, enabled or not, against the plan (nil: unlimited).
    public func addIntegration(usage: UsageMeter) -> Decision {
        if case .denied(let reason) = can(.manageIntegrations) { return .denied(reason) }
        if let limit = usage.limit, usage.used >= limit {
            return .denied(
                DomainError.limitReached(reason: IntegrationLimit.reason(limit: limit)).reason)
        }
        return .allowed
    }

    public func setEnabled(_ integration: IntegrationHealth, to enabled: Bool) -> Decision {
        if case .denied(let reason) = can(.manageIntegrations) { return .denied(reason) }
        if integration.enabled == enabled {
            return .denied("\(integration.name) is already \(enabled ? "enabled" : "disabled")")
        }
        return .allowed
    }

    // MARK: Reasons

    static func reason(for permission: Permission) -> String {
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
