/// The permissions of seed 000's RBAC matrix.
public enum Permission: String, Sendable, CaseIterable {
    case viewWorkspace = "view_workspace"
    case manageAgents = "manage_agents"
    case manageTeam = "manage_team"
    case viewBilling = "view_billing"
    case manageBilling = "manage_billing"
    case deleteWorkspace = "delete_workspace"
    case manageIntegrations = "manage_integrations"
    case viewAPIKeys = "view_api_keys"
    case createAPIKeys = "create_api_keys"
    /// Not in the seed's table: owners and admins read the audit log (issue 3).
    case viewAuditLog = "view_audit_log"
}

/// Seed 000's matrix as data: which role holds which permission.
public enum RBACMatrix {
    public static func permissions(of role: Role) -> Set<Permission> {
        switch role {
        case .owner:
            return Set(Permission.allCases)
        case .admin:
            return [
                .viewWorkspace, .manageAgents, .manageTeam, .manageIntegrations, .viewAPIKeys,
                .createAPIKeys, .viewAuditLog,
            ]
        case .member:
            return [.viewWorkspace, .manageAgents, .viewAPIKeys, .createAPIKeys]
        case .viewer:
            return [.viewWorkspace]
        }
    }

    public static func allows(_ role: Role, _ permission: Permission) -> Bool {
        permissions(of: role).contains(permission)
    }

    /// The least role that holds a permission, for "only admins and owners can ..." reasons.
    public static func minimumRole(for permission: Permission) -> Role {
        Role.allCases.sorted().first { allows($0, permission) } ?? .owner
    }
}
