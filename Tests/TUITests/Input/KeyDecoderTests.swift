import CNcurses
import Testing

@testable import TUI

@Suite struct KeyDecoderTests {
    @Test func keyCodesMatchCursesHeader() {
        #expect(KeyDecoder.KeyCode.up == KEY_UP)
        #expect(KeyDecoder.KeyCode.down == KEY_DOWN)
        #expect(KeyDecoder.KeyCode.left == KEY_LEFT)
        #expect(KeyDecoder.KeyCode.right == KEY_RIGHT)
        #expect(KeyDecoder.KeyCode.home == KEY_HOME)
        #expect(KeyDecoder.KeyCode.end == KEY_END)
        #expect(KeyDecoder.KeyCode.nextPage == KEY_NPAGE)
        #expect(KeyDecoder.KeyCode.previousPage == KEY_PPAGE)
        #expect(KeyDecoder.KeyCode.backspace == KEY_BACKSPACE)
        #expect(KeyDecoder.KeyCode.deleteCharacter == KEY_DC)
        #expect(KeyDecoder.KeyCode.enter == KEY_ENTER)
        #expect(KeyDecoder.KeyCode.backTab == KEY_BTAB)
        #expect(KeyDecoder.KeyCode.resize == KEY_RESIZE)
        #expect(KeyDecoder.KeyCode.function0 == KEY_F0)
        #expect(KeyDecoder.KeyCode.function0 + 5 == cnc_key_f(5))
    }

    @Test(arguments: [
        (KeyDecoder.RawInput.keyCode(0o403), Key.up), (.keyCode(0o402), .down),
        (.keyCode(0o522), .pageDown), (.keyCode(0o523), .pageUp), (.keyCode(0o541), .backTab),
        (.keyCode(0o632), .resize), (.keyCode(0o410 + 1), .function(1)),
        (.keyCode(0o410 + 12), .function(12)), (.keyCode(0o527), .enter),
        (.keyCode(0o631), .unknown),
        (.character(0x0D), .enter), (.character(0x0A), .enter), (.character(0x09), .tab),
        (.character(0x1B), .escape), (.character(0x7F), .backspace), (.character(0x08), .backspace),
        (.character(0x03), .control("c")), (.character(0x12), .control("r")),
        (.character(0x0C), .control("l")), (.character(0x00), .control("@")),
        (.character(0x1F), .control("_")), (.character(0x9B), .unknown),
        (.character(0x71), .character("q")), (.character(0x47), .character("G")),
        (.character(0x20), .character(" ")), (.character(0x65E5), .character("日")),
    ])
    func decodes(input: KeyDecoder.RawInput, expected: Key) {
        #expect(KeyDecoder.decode(input) == expected)
    }

    @Test func labelsReadLikeHelp() {
        #expect(Key.control("r").label == "Ctrl-R")
        #expect(Key.backTab.label == "Shift-Tab")
        #expect(Key.character(" ").label == "Space")
        #expect(Key.pageDown.label == "PgDn")
        #expect(Key.function(5).label == "F5")
        #expect(Key.character("\u{1B}").label == "␛")
    }
}
