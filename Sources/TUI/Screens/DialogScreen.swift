import Foundation
import ViewModels

/// Draws the open dialog, if any, over the view: help and confirmations here, each feature's
/// own dialogs (invite, role, plan, integration, workspace, SSH keys) from its own file.
enum DialogScreen {
    /// `helpScroll` is how many lines of help are scrolled off the top (j/k in help).
    static func draw(_ state: AppState, in area: Rect, helpScroll: Int = 0, on canvas: inout Canvas)
    {
        guard let dialog = state.dialog else { return }
        switch dialog {
        case .help:
            HelpOverlayWidget.draw(
                title: "Keys · \(state.tab.title)", items: ConsoleKeys.help(for: state),
                scrollOffset: helpScroll,
                in: area, on: &canvas)
        case .confirm(let confirmation):
            drawConfirmation(confirmation, in: area, on: &canvas)
        case .invite(let form):
            InviteDialog.draw(form, in: area, on: &canvas)
        case .rolePicker(let picker):
            RolePickerDialog.draw(picker, state: state, in: area, on: &canvas)
        case .invitationCreated(let receipt):
            InviteDialog.drawReceipt(receipt, in: area, on: &canvas)
        case .planPicker(let picker):
            PlanDialog.draw(picker, state: state, in: area, on: &canvas)
        case .integrationForm(let form):
            IntegrationFormDialog.draw(form, in: area, on: &canvas)
        case .workspacePicker(let picker):
            WorkspaceDialog.draw(picker, in: area, on: &canvas)
        case .sshKeys(let panel):
            SSHKeysDialog.draw(panel, state: state, in: area, on: &canvas)
        }
    }

    static func drawConfirmation(
        _ confirmation: Confirmation, in area: Rect, on canvas: inout Canvas
    ) {
        let typing = confirmation.requiredText != nil
        let model = DialogModel(
            title: confirmation.title, body: [confirmation.message],
            buttons: [
                DialogButton(confirmation.confirmLabel, keyHint: "Enter"),
                DialogButton("Cancel", keyHint: "Esc"),
            ],
            focusedButton: confirmation.canConfirm ? 0 : nil,
            hint: typing
                ? "Type \(confirmation.requiredWhat), then Enter · Esc cancel"
                : "Enter confirm · Esc cancel",
            contentHeight: typing ? 1 : 0, isDestructive: confirmation.isDestructive)
        let content = DialogWidget.draw(model, in: area, on: &canvas)
        if typing, !content.isEmpty {
            TextFieldWidget.draw(
                TextFieldModel(
                    label: "Confirm", value: confirmation.typed, isFocused: true,
                    placeholder: confirmation.requiredText ?? ""),
                in: content, labelWidth: 8, on: &canvas)
        }
    }
}
