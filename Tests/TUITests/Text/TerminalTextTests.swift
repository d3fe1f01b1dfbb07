import Testing

@testable import TUI

@Suite struct TerminalTextTests {
    /// No scalar that a terminal interprets as a control survives sanitising.
    private func containsControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value)
        }
    }

    @Test func clearScreenSequenceIsShownNotObeyed() {
        let shown = TerminalText.sanitize("Mallory\u{1B}[2J\u{1B}[H")
        #expect(shown == "Mallory␛[2J␛[H")
        #expect(!containsControl(shown))
    }

    @Test func osc52ClipboardWriteIsNeutralised() {
        let hostile = "eve\u{1B}]52;c;Y3VybCBldmlsLnNo\u{07}"
        let shown = TerminalText.sanitize(hostile)
        #expect(shown == "eve␛]52;c;Y3VybCBldmlsLnNo␇")
        #expect(!containsControl(shown))
    }

    @Test func stringTerminatedOSCIsNeutralised() {
        let shown = TerminalText.sanitize("\u{1B}]0;pwned\u{1B}\\title")
        #expect(shown == "␛]0;pwned␛\\title")
    }

    @Test func belAndNulBecomePictures() {
        #expect(TerminalText.sanitize("a\u{07}b\u{00}c") == "a␇b␀c")
    }

    @Test func c1ControlsIncludingOneByteCSIAreReplaced() {
        let shown = TerminalText.sanitize("x\u{9B}31mred\u{85}\u{9D}")
        #expect(shown == "x�31mred��")
        #expect(!containsControl(shown))
    }

    /// Printable ASCII is passed through untouched; one control byte anywhere in otherwise
    /// plain text still sends the whole text down the careful path.
    @Test func onlyPrintableASCIIPassesUntouched() {
        let printable = String(decoding: (0x20..<0x7F).map { UInt8($0) }, as: UTF8.self)
        #expect(TerminalText.sanitize(printable) == printable)
        for byte in Array(0x00..<0x20) + [0x7F] {
            let text = "ab" + String(UnicodeScalar(UInt8(byte))) + "cd"
            let shown = TerminalText.sanitize(text)
            #expect(!TerminalText.isPrintableASCII(text))
            #expect(!shown.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
            #expect(shown.hasPrefix("ab") && shown.hasSuffix("cd"))
        }
    }

    @Test func deleteBecomesPicture() {
        #expect(TerminalText.sanitize("a\u{7F}") == "a␡")
    }

    @Test func bidiOverrideCannotReverseText() {
        let shown = TerminalText.sanitize("admin\u{202E}gnp.exe")
        #expect(shown == "admin�gnp.exe")
        #expect(TerminalText.sanitize("\u{2066}x\u{2069}\u{200F}") == "�x��")
    }

    @Test func invisibleCharactersHidingDifferencesAreShown() {
        #expect(TerminalText.sanitize("ad\u{200B}min") == "ad�min")
        #expect(TerminalText.sanitize("ad\u{200D}min") == "ad�min")
        #expect(TerminalText.sanitize("ad\u{2060}min\u{FEFF}") == "ad�min�")
        #expect(TerminalText.sanitize("\u{3164}") == "�")
        #expect(TerminalText.sanitize("soft\u{00AD}hyphen") == "soft�hyphen")
    }

    @Test func legitimateJoinersSurvive() {
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(TerminalText.sanitize(family) == family)
        let persian = "می\u{200C}خواهم"
        #expect(TerminalText.sanitize(persian) == persian)
        let scotland = "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"
        #expect(TerminalText.sanitize(scotland) == scotland)
    }

    @Test func strayTagCharactersAreReplaced() {
        #expect(TerminalText.sanitize("a\u{E0041}\u{E0042}") == "a��")
    }

    @Test func newlinesAndTabsAreVisibleOrSpaces() {
        #expect(TerminalText.sanitize("a\tb") == "a b")
        #expect(TerminalText.sanitize("line1\nline2") == "line1␤line2")
        #expect(TerminalText.sanitize("win\r\nline") == "win␍␤line")
        #expect(TerminalText.sanitize("a\u{2028}b") == "a␤b")
    }

    @Test func zalgoIsCapped() {
        let marks = String(repeating: "\u{301}", count: 30)
        let shown = TerminalText.sanitize("Z" + marks)
        #expect(shown.unicodeScalars.count == 1 + TerminalText.maximumCombiningMarks)
    }

    @Test func ordinaryTextIsUnchanged() {
        for text in ["Zoë Ångström", "山田太郎", "José 🎉", "O'Brien <ops@example.com>", "e\u{301}"] {
            #expect(TerminalText.sanitize(text) == text)
            #expect(TerminalText.isSafe(text))
        }
    }

    @Test func sanitisingIsIdempotent() {
        let hostile = "\u{1B}[31m\u{9B}\u{202E}a\u{200D}b\u{E0041}\u{7F}\n\t👨\u{200D}👩"
        let once = TerminalText.sanitize(hostile)
        #expect(TerminalText.sanitize(once) == once)
    }

    @Test func everyControlScalarIsReplaced() {
        var all = ""
        for value in UInt32(0)...0x9F {
            if let scalar = Unicode.Scalar(value) {
                all.unicodeScalars.append(scalar)
            }
        }
        #expect(!containsControl(TerminalText.sanitize(all)))
    }
}
