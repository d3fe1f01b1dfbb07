import Testing

@testable import TUI

@Suite struct TextEditingTests {
    private func typing(_ keys: [Key], into start: TextEditing = TextEditing()) -> TextEditing {
        var editing = start
        for key in keys {
            _ = editing.handle(key)
        }
        return editing
    }

    @Test func typesAndMovesTheCursor() {
        let result = typing([
            .character("a"), .character("c"), .left, .character("b"), .end, .character("!"),
        ])
        #expect(result.value == "abc!")
        #expect(result.cursor == 4)
    }

    @Test func backspaceAndDelete() {
        let start = TextEditing(value: "héllo", cursor: 2)
        #expect(typing([.backspace], into: start).value == "hllo")
        #expect(typing([.delete], into: start).value == "hélo")
        #expect(typing([.home, .backspace], into: start).value == "héllo")
    }

    @Test func readlineShortcuts() {
        let start = TextEditing(value: "ops team lead", cursor: 8)
        #expect(typing([.control("w")], into: start).value == "ops  lead")
        #expect(typing([.control("u")], into: start).value == " lead")
        #expect(typing([.control("k")], into: start).value == "ops team")
    }

    @Test func nonEditingKeysAreLeftToTheCaller() {
        var editing = TextEditing(value: "x")
        let handled = [Key.enter, .escape, .tab, .control("r"), .up].map { editing.handle($0) }
        #expect(handled == [false, false, false, false, false])
        #expect(editing.value == "x")
    }

    @Test func respectsMaximumLength() {
        let result = typing(
            [.character("a"), .character("b"), .character("c")], into: TextEditing(maximumLength: 2)
        )
        #expect(result.value == "ab")
    }
}
