import Domain
import Foundation

extension AppState {
    /// Keys typed while a dialog is open go to that dialog only.
    mutating func handleDialogInput(_ input: DialogInput, now: Date) -> [Effect] {
        guard let open = dialog else { return [] }
        switch open {
        case .planPicker(let picker):
            return handlePlanPicker(picker, input, now: now)
        case .integrationForm(let form):
            return handleIntegrationForm(form, input, now: now)
        case .workspacePicker(let picker):
            return handleWorkspacePicker(picker, input, now: now)
        case .sshKeys(let panel):
            return handleKeysPanel(panel, input, now: now)
        case .help, .invitationCreated:
            if input == .submit { dialog = nil }
            return []
        case .confirm(var confirmation):
            switch input {
            case .typed(let character):
                if confirmation.requiredText != nil, confirmation.typed.count < 300 {
                    confirmation.typed.append(character)
                }
            case .backspace:
                if !confirmation.typed.isEmpty { confirmation.typed.removeLast() }
            case .submit:
                guard confirmation.canConfirm else {
                    flash = .make(
                        .warning, "Type \(confirmation.requiredWhat) exactly to confirm", now: now)
                    return []
                }
                dialog = nil
                return [confirmation.effect]
            case .nextField, .previousField, .choiceMoved:
                break
            }
            dialog = .confirm(confirmation)
            return []
        case .rolePicker(var picker):
            switch input {
            case .choiceMoved(let step):
                let roles = Role.allCases.sorted(by: >)
                if let index = roles.firstIndex(of: picker.choice) {
                    picker.choice = roles[(index + step + roles.count) % roles.count]
                }
            case .typed(let character):
                if let role = Role.allCases.first(where: {
                    $0.rawValue.first == Character(character.lowercased())
                }) {
                    picker.choice = role
                }
            case .submit:
                let decision = policy.changeRole(
                    of: picker.member, to: picker.choice, activeOwners: picker.activeOwners)
                if let reason = decision.reason {
                    flash = .make(.warning, reason, now: now)
                    return []
                }
                dialog = nil
                return [.changeRole(picker.member.id, picker.choice, picker.member.version)]
            case .backspace, .nextField, .previousField:
                break
            }
            dialog = .rolePicker(picker)
            return []
        case .invite(var form):
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
                return [.invite(email: form.email, role: form.role)]
            }
            dialog = .invite(form)
            return []
        }
    }
}
