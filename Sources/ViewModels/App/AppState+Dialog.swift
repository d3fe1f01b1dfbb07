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
        case .rolePicker(let picker):
            return handleRolePicker(picker, input, now: now)
        case .invite(let form):
            return handleInviteForm(form, input, now: now)
        }
    }
}
