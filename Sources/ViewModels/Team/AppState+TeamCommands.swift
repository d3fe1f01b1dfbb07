import Domain
import Foundation

extension AppState {
    /// A team command from a key: opens its form or confirmation, or flashes why it can't run.
    mutating func perform(_ command: TeamCommand, now: Date) -> [Effect] {
        if readOnly {
            flash = .make(.warning, Denial.readOnly.text, now: now)
            return []
        }
        if let reason = command.availability(in: team, policy: policy).reason {
            flash = .make(.warning, reason, now: now)
            return []
        }
        if command == .invite {
            dialog = .invite(InviteForm(grantableRoles: grantableRoles))
            return []
        }
        guard let member = team.selectedMember else { return [] }
        let name = member.displayName
        switch command {
        case .invite:
            return []
        case .resend:
            return [.resendInvitation(member.id, member.version)]
        case .revoke:
            dialog = .confirm(
                Confirmation(
                    title: "Revoke invitation",
                    message:
                        "Revoke the invitation to \(member.email)? Its link stops working at once.",
                    confirmLabel: "Revoke", effect: .revokeInvitation(member.id, member.version)))
        case .changeRole:
            dialog = .rolePicker(
                RolePicker(member: member.snapshot, activeOwners: team.counts?.activeOwners ?? 1))
        case .deactivate:
            dialog = .confirm(
                Confirmation(
                    title: "Deactivate member",
                    message: "Deactivate \(name)? They lose access until reactivated.",
                    confirmLabel: "Deactivate", effect: .deactivate(member.id, member.version)))
        case .reactivate:
            return [.reactivate(member.id, member.version)]
        case .remove:
            let privileged = member.role == .owner || member.role == .admin
            dialog = .confirm(
                Confirmation(
                    title: "Remove member",
                    message: privileged
                        ? "Remove \(name), an \(member.role.rawValue)? Type their email to confirm."
                        : "Remove \(name) from the workspace? This cannot be undone here.",
                    confirmLabel: "Remove", effect: .remove(member.id, member.version),
                    requiredText: privileged ? member.email : nil))
        }
        return []
    }

    /// Roles this session may grant, most powerful first.
    var grantableRoles: [Role] {
        Role.allCases.sorted(by: >).filter { policy.invite(as: $0).isAllowed }
    }

    mutating func invitationCreated(_ result: Result<InvitationReceipt, DomainError>, now: Date)
        -> [Effect]
    {
        switch result {
        case .success(let receipt):
            dialog = .invitationCreated(receipt)
            flash = .make(.info, "Invited \(receipt.email) as \(receipt.role.rawValue)", now: now)
            return refreshEffects()
        case .failure(let error):
            if case .invite(var form) = dialog {
                form.isSubmitting = false
                form.serverError = error.userMessage
                dialog = .invite(form)
                return []
            }
            return fail(error, now: now, sticky: true)
        }
    }
}
