import Foundation
import ViewModels

/// The Team tab's invite form, and the one-time link it produces.
enum InviteDialog {
    static func draw(_ form: InviteForm, in area: Rect, on canvas: inout Canvas) {
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
            body: [
                "They get a link that works for \(InviteForm.linkLifetime). Seats count pending invitations."
            ],
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
