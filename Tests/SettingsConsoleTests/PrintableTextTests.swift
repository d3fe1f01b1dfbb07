import Foundation
import Testing

@testable import settings_console

/// Values interpolated into command-line text reach the terminal defused; the program's own
/// literals, line breaks included, pass as written.
@Suite struct PrintableTextTests {
    static let osc52 = "eve\u{1B}]52;c;Y3VybCBldmlsLnNo\u{07}"
    static let hostile = "Ops\u{1B}[31m\u{9B}2J\u{202E}txt.exe\u{2066}\u{FEFF}"

    @Test func anInterpolatedClipboardWriteIsShownNotObeyed() {
        let text: PrintableText = "Enabled \(Self.osc52)"
        #expect(text.text == "Enabled eve␛]52;c;Y3VybCBldmlsLnNo␇")
        #expect(text.original == "Enabled " + Self.osc52)
    }

    @Test func c1ControlsAndBidiCharactersInValuesAreReplaced() {
        let text: PrintableText = "\(Self.hostile): configuration invalid"
        #expect(!text.text.unicodeScalars.contains(where: Self.isTerminalControl))
        #expect(text.text.hasSuffix(": configuration invalid"))
    }

    @Test func literalLineBreaksStayAndAValueCannotBreakALine() {
        let name = "Mallory\nsettings-console: Invited root@example.com"
        let text: PrintableText = "Removed\n\(name)"
        #expect(text.text == "Removed\nMallory␤settings-console: Invited root@example.com")
        #expect(text.text.split(separator: "\n").count == 2)
    }

    @Test func safeTextIsEmbeddedAsItIsNotSanitisedTwice() {
        let inner: PrintableText = "a\nb \(Self.osc52)"
        let outer: PrintableText = "[\(inner)]"
        #expect(outer.text == "[" + inner.text + "]")
        #expect(outer.original == "[a\nb " + Self.osc52 + "]")
        #expect((inner + "!").text == inner.text + "!")
    }

    @Test func untrustedLinesKeepTheirBreaksButNothingElse() {
        let text = PrintableText.untrusted(lines: "Error: Unknown option '\u{1B}[2J'\nUsage: x")
        #expect(text.text == "Error: Unknown option '␛[2J'\nUsage: x")
        #expect(PrintableText.untrusted("a\nb").text == "a␤b")
    }

    @Test func tablesSanitiseEveryCell() {
        var table = TextTable(headers: ["NAME", "EMAIL"])
        table.add([Self.osc52, "eve@example.com"])
        table.add([Self.hostile, "ops@example.com"])
        let text = table.rendered().text
        #expect(!text.unicodeScalars.contains(where: Self.isTerminalControl))
        #expect(text.split(separator: "\n").count == 3)
        #expect(text.contains("eve␛]52;c;Y3VybCBldmlsLnNo␇  eve@example.com"))
    }

    @Test func aSentenceIsDefusedInTextAndKeptWholeInJSON() throws {
        let output = CommandOutput(message: "Disabled \(Self.hostile)")
        #expect(!output.text.text.unicodeScalars.contains(where: Self.isTerminalControl))
        #expect(!output.json.text.unicodeScalars.contains(where: Self.isTerminalControl))
        struct Done: Decodable {
            let ok: Bool
            let message: String
        }
        let done = try JSONDecoder().decode(Done.self, from: Data(output.json.text.utf8))
        #expect(done.ok && done.message == "Disabled " + Self.hostile)
    }

    /// ESC and every other C0 control but the line break, DEL, C1, and bidi controls.
    static func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029, 0xFEFF:
            return true
        default: return false
        }
    }
}
