import Testing

@testable import TUI

/// The pure parts of the ncurses backend; the backend itself is exercised in tmux.
@Suite struct TerminalBackendTests {
    private func cell(_ text: String) -> Cell {
        var canvas = Canvas(width: 4, height: 1)
        canvas.write(text, x: 0, y: 0)
        return canvas.cell(x: 0, y: 0)
    }

    /// A stand-in for glibc's wcwidth in a UTF-8 locale.
    private func libcWidth(_ value: UInt32) -> Int {
        switch value {
        case 0x2764: return 1
        case 0x1FAE8: return -1
        default: return DisplayWidth.of(Unicode.Scalar(value) ?? " ")
        }
    }

    @Test func plainCellsPassThrough() {
        #expect(
            CellGlyph.plan(for: cell("a"), unicode: true, systemWidth: libcWidth)
                == .init(scalars: [0x61]))
        #expect(
            CellGlyph.plan(for: cell("日"), unicode: true, systemWidth: libcWidth)
                == .init(scalars: [0x65E5]))
        #expect(
            CellGlyph.plan(for: cell("e\u{301}"), unicode: true, systemWidth: libcWidth)
                == .init(scalars: [0x65, 0x301]))
    }

    @Test func continuationCellsAreSkipped() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.write("日", x: 0, y: 0)
        #expect(
            CellGlyph.plan(for: canvas.cell(x: 1, y: 0), unicode: true, systemWidth: libcWidth)
                == nil)
    }

    @Test func emojiTheCLibraryCallsNarrowIsPadded() {
        let plan = CellGlyph.plan(for: cell("❤️"), unicode: true, systemWidth: libcWidth)
        #expect(plan == .init(scalars: [0x2764], continuation: 0x20))
    }

    @Test func flagsAreSentAsTwoHalves() {
        let plan = CellGlyph.plan(for: cell("🇩🇪"), unicode: true, systemWidth: libcWidth)
        #expect(plan == .init(scalars: [0x1F1E9], continuation: 0x1F1EA))
    }

    @Test func unprintableToTheCLibraryBecomesReplacement() {
        let plan = CellGlyph.plan(for: cell("\u{1FAE8}"), unicode: true, systemWidth: libcWidth)
        #expect(plan?.scalars == [0xFFFD])
    }

    @Test func longZWJSequencesFitACchar() {
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦"
        let plan = CellGlyph.plan(for: cell(family), unicode: true, systemWidth: libcWidth)
        #expect(plan == .init(scalars: [0x1F468]))
    }

    @Test func asciiFallbackWithoutUTF8() {
        #expect(
            CellGlyph.plan(for: cell("┌"), unicode: false, systemWidth: libcWidth)?.scalars == [
                0x2B
            ])
        #expect(
            CellGlyph.plan(for: cell("█"), unicode: false, systemWidth: libcWidth)?.scalars == [
                0x23
            ])
        #expect(
            CellGlyph.plan(for: cell("日"), unicode: false, systemWidth: libcWidth)
                == .init(scalars: [0x3F], continuation: 0x20))
    }

    @Test func colourPairsAreAllocatedOnce() {
        var table = ColorPairTable(capacity: 4)
        let red = ColorPairTable.Colors(foreground: 1, background: -1)
        let green = ColorPairTable.Colors(foreground: 2, background: -1)
        let first = table.pair(for: red)
        let again = table.pair(for: red)
        let second = table.pair(for: green)
        _ = table.pair(for: .init(foreground: 3, background: -1))
        let overflow = table.pair(for: .init(foreground: 4, background: -1))
        #expect(first == (1, true))
        #expect(again == (1, false))
        #expect(second == (2, true))
        #expect(overflow == (0, false))
    }

    @Test func terminalDefaultNeedsDefaultColours() {
        #expect(
            ColorPairTable.number(
                for: .terminalDefault, isForeground: true, defaultColorsAvailable: true)
                == -1)
        #expect(
            ColorPairTable.number(
                for: .terminalDefault, isForeground: true, defaultColorsAvailable: false) == 7)
        #expect(
            ColorPairTable.number(
                for: .terminalDefault, isForeground: false, defaultColorsAvailable: false) == 0)
        #expect(
            ColorPairTable.number(
                for: .indexed(208), isForeground: true, defaultColorsAvailable: true)
                == 208)
    }

    @MainActor
    @Test func virtualTerminalReplaysKeysAndRecordsFrames() {
        let terminal = VirtualTerminal(
            size: Size(width: 10, height: 2), keys: [.character("j"), nil, .character("q")])
        var canvas = Canvas(size: terminal.size)
        canvas.write("hi", x: 0, y: 0)
        terminal.draw(canvas)
        #expect(terminal.readKey(timeoutMilliseconds: 50) == .character("j"))
        #expect(terminal.readKey(timeoutMilliseconds: 50) == nil)
        terminal.resize(to: Size(width: 20, height: 5))
        #expect(terminal.readKey(timeoutMilliseconds: 50) == .resize)
        #expect(terminal.size == Size(width: 20, height: 5))
        #expect(terminal.lastFrame?.text() == "hi\n")
    }
}
