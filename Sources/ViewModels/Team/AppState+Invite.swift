import Domain
import Foundation

extension AppState {
    /// Keys typed into the invite form.
    mutating func handleInviteForm(_ form: InviteForm, _ input: DialogInput, now: Date)
        -> [Effect]
    {
        var form = form
        switch input {
        case .typed(let character):
            switch form.focus {
            case .email:
                if form.email.count < InviteForm.maximumInput { form.email.append(character) }
                form.serverError = nil
            case .role:
                if let role = form.grantableRoles.first(where: {
                    $0.rawValue.first == Character(character.lowercased())
                }) {
                    form.role = role
                }
            }
        case .backspace:
            if form.focus == .email, !form.email.isEmpty { form.email.removeLast() }
            form.serverError = nil
        case .nextField, .previousField:
            form.focus = form.focus == .email ? .role : .email
        case .choiceMoved(let step):
            if let index = form.grantableRoles.firstIndex(of: form.role) {
                let count = form.grantableRoles.count
                form.role = form.grantableRoles[(index + step + count) % count]
            }
        case .submit:
            guard form.canSubmit else {
                form.serverError =
                    form.emailError ?? (form.email.isEmpty ? "enter an email address" : nil)
                dialog = .invite(form)
                return []
            }
            form.isSubmitting = true
            dialog = .invite(form)
            return [.team(.invite(email: form.email, role: form.role))]
        }
        dialog = .invite(form)
        return []
    }

    /// Roles this session may grant, most powerful first.
    var grantableRoles: [Role] {
        Role.allCases.sorted(by: >).filter { policy.invite(as: $0).isAllowed }
    }

    /// The store answered an invitation (or a resend): the link shows once; a refusal stays
    /// in the form with what was typed.
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
                // The form keeps what was typed; the list behind it is read again once the
                // database answers (an unconfirmed invitation may exist already).
                guard case .unavailable = error else { return [] }
                connection = .reconnecting
                return reconnectProbe()
            }
            return failWrite(error, now: now)
        }
    }
}
