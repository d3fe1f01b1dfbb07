import Domain

/// The policy's answers the screens show: why a key is dimmed, why a view is closed, which
/// choices a dialog offers. The screens never ask the policy themselves.
extension AppState {
    /// Why `action` is unavailable right now, or nil: the policy's own words, for help's
    /// dimmed keys.
    public func disabledReason(_ action: AppAction) -> String? {
        switch action {
        case .team(.command(let command)):
            return command.availability(in: team, policy: policy).reason
        case .billing(.command(let command)):
            return command.availability(in: billing, policy: policy).reason
        case .integration(.command(let command)):
            return command.availability(in: integrations, policy: policy).reason
        case .tabSelected(.billing):
            return billingDenial
        case .tabSelected(.audit):
            return auditDenial
        case .keys(.memberKeysRequested):
            return policy.viewSSHKeys().reason
        default:
            return nil
        }
    }

    /// Why the Billing tab shows no figures to this user, nil when it may.
    public var billingDenial: String? { policy.can(.viewBilling).reason }

    /// Why the audit log is closed to this user, nil when it is open.
    public var auditDenial: String? { policy.can(.viewAuditLog).reason }

    /// Whether the plan picker's choice may be confirmed, with the reason when not.
    public func planDecision(_ picker: PlanPicker, _ overview: BillingOverview) -> Decision {
        picker.decision(overview, policy: policy)
    }

    /// Whether a key may be added in the SSH keys panel, with the reason when not.
    public func keyAddDecision(_ panel: SSHKeysPanel) -> Decision {
        panel.addAvailability(policy: policy, readOnly: readOnly)
    }

    /// Whether the selected key may be removed, with the reason when not.
    public func keyRemoveDecision(_ panel: SSHKeysPanel) -> Decision {
        panel.removeAvailability(policy: policy, readOnly: readOnly, user: session.userID)
    }

    /// Every role the picker lists, most powerful first, each with why it cannot be chosen
    /// (nil for the member's current role and for allowed ones).
    public func roleChoices(_ picker: RolePicker) -> [RoleChoice] {
        Role.allCases.sorted(by: >).map { role in
            RoleChoice(
                role: role,
                disabledReason: role == picker.member.role
                    ? nil
                    : policy.changeRole(
                        of: picker.member, to: role, activeOwners: picker.activeOwners
                    ).reason)
        }
    }

    /// Whether the picker's choice may be confirmed, with the reason when not.
    public func roleDecision(_ picker: RolePicker) -> Decision {
        policy.changeRole(of: picker.member, to: picker.choice, activeOwners: picker.activeOwners)
    }
}

/// One role in the role picker, and why it is dimmed.
public struct RoleChoice: Sendable, Equatable {
    public let role: Role
    public let disabledReason: String?
}
