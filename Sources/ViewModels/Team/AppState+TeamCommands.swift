import Domain
import Foundation

extension AppState {
    /// A team command from a key, on the selected row: opens its form or question, runs it,
    /// or flashes why it can't run.
    mutating func perform(_ command: TeamCommand, now: Date) -> [Effect] {
        perform(command, on: team.selectedMember, role: nil, now: now)
    }

    /// A `:` verb on the member it named: the same checks and the same question as its key
    /// (`:remove` asks what `X` asks; `:role EMAIL ROLE` opens the role picker on ROLE).
    mutating func perform(_ verb: MemberVerb, on member: Member, now: Date) -> [Effect] {
        switch verb {
        case .resend: return perform(.resend, on: member, role: nil, now: now)
        case .revoke: return perform(.revoke, on: member, role: nil, now: now)
        case .changeRole(let role): return perform(.changeRole, on: member, role: role, now: now)
        case .deactivate: return perform(.deactivate, on: member, role: nil, now: now)
        case .reactivate: return perform(.reactivate, on: member, role: nil, now: now)
        case .remove: return perform(.remove, on: member, role: nil, now: now)
        }
    }

    /// Every entry point's one path: read-only and the policy first, then the question the
    /// command asks (or the command itself when it asks none).
    private mutating func perform(
        _ command: TeamCommand, on target: Member?, role: Role?, now: Date
    ) -> [Effect] {
        if readOnly {
            flash = .make(.warning, Denial.readOnly.text, now: now)
            return []
        }
        let decision = command.availability(
            for: target, activeOwners: team.counts?.activeOwners ?? 1, policy: policy)
        if let reason = decision.reason {
            flash = .make(.warning, reason, now: now)
            return []
        }
        switch (command, target) {
        case (.invite, _):
            dialog = .invite(InviteForm(grantableRoles: grantableRoles))
        case (_, nil):
            return []  // `availability` has said "Select a member first".
        case (.resend, let member?):
            return [.team(.resendInvitation(member.id, member.version))]
        case (.revoke, let member?):
            dialog = .confirm(
                Confirmation(
                    title: "Revoke invitation",
                    message:
                        "Revoke the invitation to \(member.email)? Its link stops working at once.",
                    confirmLabel: "Revoke",
                    effect: .team(.revokeInvitation(member.id, member.version))))
        case (.changeRole, let member?):
            var picker = RolePicker(
                member: member.snapshot, activeOwners: team.counts?.activeOwners ?? 1)
            picker.choice = role ?? picker.choice
            dialog = .rolePicker(picker)
        case (.deactivate, let member?):
            dialog = .confirm(
                Confirmation(
                    title: "Deactivate member",
                    message:
                        "Deactivate \(member.displayName)? They lose access until reactivated.",
                    confirmLabel: "Deactivate",
                    effect: .team(.deactivate(member.id, member.version))))
        case (.reactivate, let member?):
            return [.team(.reactivate(member.id, member.version))]
        case (.remove, let member?):
            let privileged = member.role == .owner || member.role == .admin
            dialog = .confirm(
                Confirmation(
                    title: "Remove member",
                    message: privileged
                        ? "Remove \(member.displayName), an \(member.role.rawValue)? Type their email to confirm."
                        : "Remove \(member.displayName) from the workspace? This cannot be undone here.",
                    confirmLabel: "Remove", effect: .team(.remove(member.id, member.version)),
                    requiredText: privileged ? member.email : nil))
        }
        return []
    }
}
