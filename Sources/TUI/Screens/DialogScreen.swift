import Domain
import Foundation
import ViewModels

/// Draws the open dialog, if any, over the view: help, confirmations, forms, the new token.
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
            drawInvite(form, in: area, on: &canvas)
        case .rolePicker(let picker):
            drawRolePicker(picker, policy: state.policy, in: area, on: &canvas)
        case .invitationCreated(let receipt):
            drawReceipt(receipt, in: area, on: &canvas)
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

    static func drawInvite(_ form: InviteForm, in area: Rect, on canvas: inout Canvas) {
        let emailField = TextFieldModel(
            label: "Email", value: form.email, isFocused: form.focus == .email,
            placeholder: "name@example.com",
            error: form.emailError)
        let roles = ChoicePickerModel(
            label: "Role", options: form.grantableRoles.map { ChoiceOption($0.rawValue) },
            selected: form.grantableRoles.firstIndex(of: form.role) ?? 0,
            isFocused: form.focus == .role)
        let height =
            TextFieldWidget.height(of: emailField) + 1 + ChoicePickerWidget.height(of: roles)
            + (form.serverError == nil ? 0 : 2)
        let model = DialogModel(
            title: "Invite a member",
            body: ["They get a link that works for 7 days. Seats count pending invitations."],
            buttons: [
                DialogButton(form.isSubmitting ? "Sending…" : "Invite", keyHint: "Enter"),
                DialogButton("Cancel", keyHint: "Esc"),
            ],
            focusedButton: form.canSubmit ? 0 : nil,
            hint: "Tab next field · ←/→ role · Enter invite · Esc cancel",
            contentHeight: height)
        let content = DialogWidget.draw(model, in: area, on: &canvas)
        guard !content.isEmpty else { return }
        var y = content.y
        TextFieldWidget.draw(
            emailField,
            in: Rect(
                x: content.x, y: y, width: content.width,
                height: TextFieldWidget.height(of: emailField)), labelWidth: 8, on: &canvas)
        y += TextFieldWidget.height(of: emailField) + 1
        ChoicePickerWidget.draw(
            roles, in: Rect(x: content.x, y: y, width: content.width, height: 1), labelWidth: 8,
            on: &canvas)
        y += 2
        if let error = form.serverError, y < content.maxY {
            canvas.write(
                "✖ " + error, x: content.x, y: y, style: Style(.inputError), maxWidth: content.width
            )
        }
    }

    static func drawRolePicker(
        _ picker: RolePicker, policy: Policy, in area: Rect, on canvas: inout Canvas
    ) {
        let roles = Role.allCases.sorted(by: >)
        let options = roles.map { role in
            ChoiceOption(
                role.rawValue,
                isEnabled: role == picker.member.role
                    || policy.changeRole(
                        of: picker.member, to: role, activeOwners: picker.activeOwners
                    ).isAllowed)
        }
        let decision = policy.changeRole(
            of: picker.member, to: picker.choice, activeOwners: picker.activeOwners)
        let model = DialogModel(
            title: "Change role",
            body: ["\(picker.member.displayName) is \(picker.member.role.rawValue)."],
            buttons: [
                DialogButton("Change", keyHint: "Enter"), DialogButton("Cancel", keyHint: "Esc"),
            ],
            focusedButton: decision.isAllowed ? 0 : nil,
            hint: "←/→ or first letter · Enter change · Esc cancel",
            contentHeight: 3)
        let content = DialogWidget.draw(model, in: area, on: &canvas)
        guard !content.isEmpty else { return }
        ChoicePickerWidget.draw(
            ChoicePickerModel(
                label: "New role", options: options,
                selected: roles.firstIndex(of: picker.choice) ?? 0, isFocused: true),
            in: Rect(x: content.x, y: content.y, width: content.width, height: 1), labelWidth: 9,
            on: &canvas)
        if let reason = decision.reason, content.height >= 3 {
            canvas.write(
                reason, x: content.x, y: content.y + 2, style: Style(.disabled),
                maxWidth: content.width)
        }
    }

    static func drawReceipt(_ receipt: InvitationReceipt, in area: Rect, on canvas: inout Canvas) {
        let model = DialogModel(
            title: "Invitation created",
            body: [
                "Send this link to \(receipt.email) (\(receipt.role.rawValue)). It expires \(AbsoluteTime.format(receipt.expiresAt)).",
                "It is shown only now and will not be shown again: only its hash is stored.",
            ],
            buttons: [DialogButton("Done", keyHint: "Enter")], focusedButton: 0,
            hint: "Copy the link, then Enter",
            contentHeight: 2, preferredWidth: 76)
        let content = DialogWidget.draw(model, in: area, on: &canvas)
        guard !content.isEmpty else { return }
        let link = receipt.link()
        let width = content.width
        let first = String(link.prefix(width))
        canvas.write(first, x: content.x, y: content.y, style: Style(.key))
        if link.count > width, content.height >= 2 {
            canvas.write(
                String(link.dropFirst(width)), x: content.x, y: content.y + 1, style: Style(.key))
        }
    }
}
