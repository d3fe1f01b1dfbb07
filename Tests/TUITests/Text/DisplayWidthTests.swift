import Testing

@testable import TUI

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), (" ", 1), ("é", 1), ("e\u{301}", 1), ("日", 2), ("한", 2), ("ｱ", 1), ("Ａ", 2),
        ("😀", 2), ("👍🏽", 2), ("❤️", 2), ("1️⃣", 2), ("🇩🇪", 2), ("👨‍👩‍👧", 2), ("…", 1), ("●", 1),
        ("─", 1), ("\u{301}", 0), ("\u{200B}", 0), ("ᄀ", 2), ("🏴󠁧󠁢󠁳󠁣󠁴󠁿", 2),
    ])
    func graphemeWidth(text: String, expected: Int) {
        #expect(
            text.count == 1, "test data must be one grapheme: \(text.unicodeScalars.map(\.value))")
        #expect(DisplayWidth.of(Character(text)) == expected)
    }

    @Test func stringWidthSumsGraphemes() {
        #expect(DisplayWidth.of("Grüße") == 5)
        #expect(DisplayWidth.of("山田太郎") == 8)
        #expect(DisplayWidth.of("café ☕") == 7)
        #expect(DisplayWidth.of("Zoë 🎉 ok") == 9)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func combiningAccentsTakeNoColumn() {
        let decomposed = "Cafe\u{301} Ame\u{301}lie"
        #expect(DisplayWidth.of(decomposed) == DisplayWidth.of("Café Amélie"))
    }

    @Test func wideRangesAreSortedAndDisjoint() {
        let ranges = WideCharacterRanges.ranges
        for (previous, next) in zip(ranges, ranges.dropFirst()) {
            #expect(previous.upperBound < next.lowerBound)
        }
        #expect(WideCharacterRanges.contains(0x4E00))
        #expect(WideCharacterRanges.contains(0xAC00))
        #expect(!WideCharacterRanges.contains(0x41))
        #expect(!WideCharacterRanges.contains(0x2026))
    }

    @Test func controlsHaveNoWidth() {
        #expect(DisplayWidth.of(Unicode.Scalar(0x1B)) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x9B)) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x7F)) == 0)
    }
}
