import ViewModels

/// The workspace switcher: each workspace with the user's role in it, the current one
/// marked; a window of rows scrolls with the selection when the list is long.
enum WorkspaceDialog {
    static func draw(_ picker: WorkspacePicker, in area: Rect, on canvas: inout Canvas) {
        let count = picker.memberships.count
        let intro =
            count == 1
            ? "You are a member of this workspace only."
            : "You are a member of \(count) workspaces."
        let visible = max(1, min(count, area.height - 12))
        let model = DialogModel(
            title: "Switch workspace", body: [intro],
            buttons: [
                DialogButton("Switch", keyHint: "Enter"), DialogButton("Cancel", keyHint: "Esc"),
            ],
            focusedButton: picker.selectedMembership?.workspaceID == picker.current ? nil : 0,
            hint: "↑/↓ or first letter · Enter switch · Esc cancel", contentHeight: visible,
            preferredWidth: 60)
        let content = DialogWidget.draw(model, in: area, on: &canvas)
        guard !content.isEmpty else { return }
        let first = min(
            max(0, picker.selected - content.height + 1), max(0, count - content.height))
        for (row, index) in (first..<count).prefix(content.height).enumerated() {
            let membership = picker.memberships[index]
            let isSelected = index == picker.selected
            let y = content.y + row
            let style = isSelected ? Style(.selection) : Style(.dialogBody)
            canvas.fill(Rect(x: content.x, y: y, width: content.width, height: 1), style: style)
            let marker = isSelected ? "▸ " : "  "
            let roleX = content.maxX - 22
            canvas.write(
                marker + membership.name, x: content.x, y: y, style: style,
                maxWidth: roleX - content.x - 1)
            canvas.write(membership.role.rawValue, x: roleX, y: y, style: style, maxWidth: 8)
            if membership.workspaceID == picker.current {
                canvas.write(
                    "(current)", x: roleX + 9, y: y, style: isSelected ? style : Style(.dim),
                    maxWidth: 12)
            }
        }
    }
}
