import Domain
import Foundation

extension AppState {
    /// A team command from a key: opens its form or confirmation, or flashes why it can't run.
    mutating func perform(_ command: TeamCommand, now: Date) -> [Effect] {
        if readOnly {
            flash = .make(.warning, "Read-only mode: changes are disabled", now: now)
            return []
        }
        if case .denied(let reason) = command.availability(in: team, policy: policy) {
            flash = .make(.warning, reason, now: now)
            return []
        }
        switch (command, team.selectedMember) {
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
            dialog = .rolePicker(
                RolePicker(member: member.snapshot, activeOwners: team.counts?.activeOwners ?? 1))
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
