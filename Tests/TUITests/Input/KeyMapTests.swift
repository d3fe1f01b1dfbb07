import Testing

@testable import TUI

@Suite struct KeyMapTests {
    enum Action: Sendable, Equatable {
        case quit, down, invite, remove, help
    }

    private let map = KeyMap<Action>([
        KeyBinding(
            [.character("j"), .down], action: .down, description: "Move down", section: "Navigation"
        ),
        KeyBinding(
            .character("i"), action: .invite, description: "Invite a member", isWrite: true,
            section: "Members"),
        KeyBinding(
            .character("x"), action: .remove, description: "Remove member", isWrite: true,
            section: "Members"),
        KeyBinding(.character("?"), action: .help, description: "Help", section: "General"),
        KeyBinding(.character("q"), action: .quit, description: "Quit", section: "General"),
        KeyBinding(
            .control("c"), action: .quit, description: "Quit", section: "General",
            isHiddenFromHelp: true),
    ])

    @Test func looksUpActions() {
        #expect(map.action(for: .down) == .down)
        #expect(map.action(for: .character("j")) == .down)
        #expect(map.action(for: .control("c")) == .quit)
        #expect(map.action(for: .character("z")) == nil)
    }

    @Test func readOnlyRemovesWriteBindingsEntirely() {
        let readOnly = map.readOnly
        #expect(readOnly.action(for: .character("i")) == nil)
        #expect(readOnly.action(for: .character("x")) == nil)
        #expect(readOnly.action(for: .character("q")) == .quit)
        #expect(!readOnly.helpItems().contains { $0.description == "Invite a member" })
        #expect(readOnly.bindings.allSatisfy { !$0.isWrite })
    }

    @Test func helpIsGeneratedFromBindings() {
        let items = map.helpItems { action in
            action == .remove ? "Only admins and owners can remove members" : nil
        }
        #expect(items.map(\.keyLabel) == ["j/↓", "i", "x", "?", "q"])
        let remove = items[2]
        #expect(!remove.isEnabled)
        #expect(remove.disabledReason == "Only admins and owners can remove members")
        #expect(items[1].isEnabled)
        #expect(items[0].section == "Navigation")
    }

    @Test func viewKeysWinOverGlobalKeys() {
        let view = KeyMap<Action>([
            KeyBinding(.character("q"), action: .help, description: "Not quit")
        ])
        let combined = view.followed(by: map)
        #expect(combined.action(for: .character("q")) == .help)
        #expect(combined.shadowedKeys == [.character("q")])
        #expect(map.shadowedKeys.isEmpty)
    }
}
