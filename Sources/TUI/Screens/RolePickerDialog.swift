import ViewModels

/// The Team tab's role picker: every role, the ones the policy refuses dimmed, with why.
enum RolePickerDialog {
    static func draw(
        _ picker: RolePicker, state: AppState, in area: Rect, on canvas: inout Canvas
    ) {
        let choices = state.roleChoices(picker)
        let roles = choices.map(\.role)
        let options = choices.map {
            ChoiceOption($0.role.rawValue, isEnabled: $0.disabledReason == nil)
        }
        let decision = state.roleDecision(picker)
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

}
