import Foundation
import Testing

@testable import settings_console

/// `--json` escapes what `JSONEncoder` leaves raw, and still decodes to the original.
@Suite struct JSONTextTests {
    struct Named: Codable, Equatable {
        let name: String
    }

    @Test func encoderAloneLeavesC1AndBidiRaw() throws {
        // Why the escaping exists: this is what the command line printed before it.
        let data = try JSONEncoder.forOutput.encode(Named(name: "a\u{9B}b\u{202E}c"))
        let raw = String(decoding: data, as: UTF8.self)
        #expect(raw.unicodeScalars.contains("\u{9B}"))
        #expect(raw.unicodeScalars.contains("\u{202E}"))
    }

    @Test(arguments: [
        ("\u{1B}]52;c;Y3Vy\u{07}", #"\u001b]52;c;Y3Vy\u0007"#),
        ("\u{9B}2J", #"\u009b2J"#),
        ("\u{7F}", #"\u007f"#),
        ("\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}", #"\u202a\u202b\u202c\u202d\u202e"#),
        ("\u{2066}\u{2067}\u{2068}\u{2069}", #"\u2066\u2067\u2068\u2069"#),
        ("\u{200E}\u{200F}\u{061C}\u{FEFF}", #"\u200e\u200f\u061c\ufeff"#),
        ("\u{2028}\u{2029}", #"\u2028\u2029"#),
        ("\u{E0001}", #"\udb40\udc01"#),
    ])
    func controlsAndBidiCharactersAreEscaped(_ value: String, _ escaped: String) throws {
        let json = PrintableText.json(Named(name: value)).text
        #expect(json == #"{"name":""# + escaped + #""}"#)
        #expect(json.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 })
        #expect(try JSONDecoder().decode(Named.self, from: Data(json.utf8)) == Named(name: value))
    }

    @Test func ordinaryTextIsLeftAlone() throws {
        let value = "Zoë 山田 👩‍💻 \"quoted\" back\\slash / ok"
        let json = PrintableText.json(Named(name: value)).text
        // The zero-width joiner inside the emoji is a format character: escaped, same meaning.
        #expect(json == #"{"name":"Zoë 山田 👩\u200d💻 \"quoted\" back\\slash / ok"}"#)
        #expect(try JSONDecoder().decode(Named.self, from: Data(json.utf8)).name == value)
    }
}
