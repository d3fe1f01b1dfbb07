import Testing

@testable import TUI

/// Dialogs, help, forms and the too-small screen.
@Suite struct OverlayWidgetTests {
    private func background(width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        for y in 0..<height {
            canvas.write(String(repeating: "·", count: width), x: 0, y: y, style: Style(.dim))
        }
        return canvas
    }

    private var removeDialog: DialogModel {
        DialogModel(
            title: "Remove member",
            body: [
                "Remove Adam Admin (admin@example.com) from Acme Corp?",
                "They lose access immediately. Type their email to confirm.",
            ],
            buttons: [
                DialogButton("Cancel", keyHint: "Esc"), DialogButton("Remove", keyHint: "Enter"),
            ],
            focusedButton: 1, hint: "Tab switches field · Esc cancels", contentHeight: 2,
            isDestructive: true)
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func confirmationDialog(width: Int, height: Int) {
        var canvas = background(width: width, height: height)
        let content = DialogWidget.draw(removeDialog, in: canvas.bounds, on: &canvas)
        #expect(content.height == 2)
        TextFieldWidget.draw(
            TextFieldModel(
                label: "Email", value: "admin@exa", isFocused: true,
                error: "Does not match admin@example.com"),
            in: content, on: &canvas)
        assertSnapshot(canvas, named: "dialog-remove-\(width)x\(height)", styled: width == 80)
    }

    @Test func dialogFrameFitsSmallScreens() {
        let frame = DialogWidget.frame(
            for: removeDialog, in: Rect(x: 0, y: 0, width: 40, height: 12))
        #expect(frame.width <= 38)
        #expect(frame.height <= 12)
        var canvas = background(width: 40, height: 12)
        DialogWidget.draw(removeDialog, in: canvas.bounds, on: &canvas)
        assertSnapshot(canvas, named: "dialog-remove-40x12")
    }

    @Test func tokenShownOnceDialog() {
        var canvas = background(width: 80, height: 24)
        let dialog = DialogModel(
            title: "Invitation created",
            body: [
                "Send this link to pending@example.com:",
                "https://console.example.com/invite/6f1c9a2e4b7d",
                "It will not be shown again.",
            ],
            buttons: [DialogButton("Done", keyHint: "Enter")], focusedButton: 0)
        DialogWidget.draw(dialog, in: canvas.bounds, on: &canvas)
        assertSnapshot(canvas, named: "dialog-token-80x24")
    }

    private var helpItems: [HelpItem] {
        enum Action: Sendable { case up, down, invite, role, remove, filter, help, quit }
        let map = KeyMap<Action>([
            KeyBinding(
                [.character("k"), .up], action: .up, description: "Move up", section: "Navigation"),
            KeyBinding(
                [.character("j"), .down], action: .down, description: "Move down",
                section: "Navigation"),
            KeyBinding(
                .character("/"), action: .filter, description: "Filter members",
                section: "Navigation"),
            KeyBinding(
                .character("i"), action: .invite, description: "Invite a member", isWrite: true,
                section: "Members"),
            KeyBinding(
                .character("e"), action: .role, description: "Change role", isWrite: true,
                section: "Members"),
            KeyBinding(
                .character("x"), action: .remove, description: "Remove member", isWrite: true,
                section: "Members"),
            KeyBinding(
                .character("?"), action: .help, description: "Show this help", section: "General"),
            KeyBinding(.character("q"), action: .quit, description: "Quit", section: "General"),
        ])
        return map.helpItems { action in
            switch action {
            case .invite, .role, .remove: return "Only admins and owners can manage members"
            case .up, .down, .filter, .help, .quit: return nil
            }
        }
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func helpOverlay(width: Int, height: Int) {
        var canvas = background(width: width, height: height)
        HelpOverlayWidget.draw(
            title: "Help — Team", items: helpItems, in: canvas.bounds, on: &canvas)
        assertSnapshot(canvas, named: "help-team-\(width)x\(height)", styled: width == 80)
    }

    @Test func helpOverlayScrollsWhenShort() {
        var canvas = background(width: 60, height: 10)
        HelpOverlayWidget.draw(
            title: "Help — Team", items: helpItems, in: canvas.bounds, on: &canvas)
        assertSnapshot(canvas, named: "help-team-60x10")
        #expect(canvas.text().contains("more"))
    }

    @Test(arguments: [(60, 20), (20, 5), (8, 2)])
    func tooSmallScreen(width: Int, height: Int) {
        var canvas = Canvas(width: width, height: height)
        TooSmallScreen.draw(required: Size(width: 80, height: 24), on: &canvas)
        assertSnapshot(canvas, named: "too-small-\(width)x\(height)")
        if width >= 45 {
            #expect(
                canvas.text().contains("terminal too small (need 80x24, have \(width)x\(height))"))
        }
    }

    @Test func formFields() {
        var canvas = Canvas(width: 60, height: 7)
        TextFieldWidget.draw(
            TextFieldModel(label: "Email", placeholder: "name@example.com"),
            in: Rect(x: 0, y: 0, width: 60, height: 1), on: &canvas)
        TextFieldWidget.draw(
            TextFieldModel(
                label: "Password", value: "hunter2", cursor: 3, isFocused: true, isMasked: true),
            in: Rect(x: 0, y: 1, width: 60, height: 1), on: &canvas)
        TextFieldWidget.draw(
            TextFieldModel(
                label: "Name", value: "山田\u{1B}[31m", isFocused: false,
                error: "Name contains control characters"),
            in: Rect(x: 0, y: 2, width: 60, height: 2), on: &canvas)
        ChoicePickerWidget.draw(
            ChoicePickerModel(
                label: "Role",
                options: [
                    ChoiceOption("owner", isEnabled: false), ChoiceOption("admin"),
                    ChoiceOption("member"),
                    ChoiceOption("viewer"),
                ], selected: 2, isFocused: true),
            in: Rect(x: 0, y: 5, width: 60, height: 1), on: &canvas)
        assertSnapshot(canvas, named: "form-fields-60x7", styled: true)
        #expect(!canvas.text().contains("hunter2"))
    }

    @Test func longValueScrollsToKeepTheCursorVisible() {
        var canvas = Canvas(width: 20, height: 1)
        let value = "a-very-long-webhook-url.example.com/hooks/12345"
        TextFieldWidget.draw(
            TextFieldModel(label: "", value: value, isFocused: true), in: canvas.bounds, on: &canvas
        )
        #expect(canvas.text().hasSuffix("12345"))
        #expect(canvas.cell(x: 19, y: 0).style == Style(.cursor))
    }

    @Test func choicePickerSkipsDisabledOptions() {
        let picker = ChoicePickerModel(
            label: "Role",
            options: [
                ChoiceOption("owner", isEnabled: false), ChoiceOption("admin"),
                ChoiceOption("member"),
            ], selected: 1)
        #expect(picker.moving(-1).selected == 2)
        #expect(picker.moving(1).selected == 2)
        #expect(picker.moving(1).moving(1).selected == 1)
    }
}
