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
        return .denied(.lacksPermission(permission))
    }

    // MARK: Team

    public func invite(as role: Role) -> Decision {
        if case .denied(let reason) = can(.manageTeam) { return .denied(reason) }
        if role == .owner, actorRole != .owner {
            return .denied(.onlyOwnersGrantOwner)
        }
        return .allowed
    }

    public func changeRole(of target: MemberSnapshot, to newRole: Role, activeOwners: Int)
        -> Decision
    {
        if case .denied(let reason) = can(.manageTeam) { return .denied(reason) }
        if target.status == .pending {
            return .denied(.pendingKeepsItsRole)
        }
        if target.role == newRole {
            return .denied(.alreadyHasRole(name: target.displayName, role: newRole))
        }
        if newRole == .owner, actorRole != .owner {
            return .denied(.onlyOwnersGrantOwner)
        }
        if target.role == .owner, actorRole != .owner {
            return .denied(.onlyOwnersChangeOwnersRole)
        }
        if target.role == .owner, target.status == .active, activeOwners <= 1 {
            return .denied(.lastOwner)
        }
        return .allowed
    }

    public func deactivate(_ target: MemberSnapshot, activeOwners: Int) -> Decision {
        if case .denied(let reason) = can(.manageTeam) { return .denied(reason) }
        guard target.status == .active else {
            return .denied(.onlyActiveCanBeDeactivated)
        }
        if target.role == .owner, actorRole != .owner {
            return .denied(.onlyOwnersDeactivateOwner)
        }
        if target.role == .owner, activeOwners <= 1 {
            return .denied(.lastOwner)
        }
        return .allowed
    }

    public func reactivate(_ target: MemberSnapshot) -> Decision {
        if case .denied(let reason) = can(.manageTeam) { return .denied(reason) }
        guard target.status == .inactive else {
            return .denied(.onlyInactiveCanBeReactivated)
        }
        if target.role == .owner, actorRole != .owner {
            return .denied(.onlyOwnersReactivateOwner)
        }
        return .allowed
    }

    public func remove(_ target: MemberSnapshot, activeOwners: Int) -> Decision {
        if case .denied(let reason) = can(.manageTeam) { return .denied(reason) }
        if target.status == .pending { return .denied(.revokeInsteadOfRemove) }
        if target.role == .owner, actorRole != .owner {
            return .denied(.onlyOwnersRemoveOwner)
        }
        if target.role == .owner, target.status == .active, activeOwners <= 1 {
            return .denied(.lastOwner)
        }
        return .allowed
    }

    public func resend(_ target: MemberSnapshot) -> Decision {
        if case .denied(let reason) = can(.manageTeam) { return .denied(reason) }
        guard target.status == .pending else {
            return .denied(.onlyPendingCanBeResent)
        }
        if target.role == .owner, actorRole != .owner {
            return .denied(.onlyOwnersManageOwnerInvitations)
        }
        return .allowed
    }

    public func revoke(_ target: MemberSnapshot) -> Decision {
        if case .denied(let reason) = can(.manageTeam) { return .denied(reason) }
        guard target.status == .pending else {
            return .denied(.onlyPendingCanBeRevoked)
        }
        if target.role == .owner, actorRole != .owner {
            return .denied(.onlyOwnersManageOwnerInvitations)
        }
        return .allowed
    }

    // MARK: Billing

    /// Whether the plan may change to `target`: owners only, then the subscription's state
    /// and whether current usage fits (the preview's own words).
    public func changePlan(_ preview: PlanChangePreview) -> Decision {
        if case .denied(let reason) = can(.manageBilling) { return .denied(reason) }
        if let blocker = preview.blocker { return .denied(.blocked(blocker)) }
        return .allowed
    }

    public func cancelPlan(_ overview: BillingOverview) -> Decision {
        if case .denied(let reason) = can(.manageBilling) { return .denied(reason) }
        if let blocker = overview.cancellationBlocker { return .denied(.blocked(blocker)) }
        return .allowed
    }

    public func resumePlan(_ overview: BillingOverview) -> Decision {
        if case .denied(let reason) = can(.manageBilling) { return .denied(reason) }
        if let blocker = overview.resumeBlocker { return .denied(.blocked(blocker)) }
        return .allowed
    }

    // MARK: Integrations

    /// Adding counts every integration, enabled or not, against the plan (nil: unlimited).
    public func addIntegration(usage: UsageMeter) -> Decision {
        if case .denied(let reason) = can(.manageIntegrations) { return .denied(reason) }
        if let limit = usage.limit, usage.used >= limit {
            return .denied(.integrationLimitReached(limit: limit))
        }
        return .allowed
    }

    public func setEnabled(_ integration: IntegrationHealth, to enabled: Bool) -> Decision {
        if case .denied(let reason) = can(.manageIntegrations) { return .denied(reason) }
        if integration.enabled == enabled {
            return .denied(.alreadyEnabled(name: integration.name, enabled: enabled))
        }
        return .allowed
    }
}
