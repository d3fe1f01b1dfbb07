import Foundation
import Testing

@testable import TUI

@Suite struct TextLayoutTests {
    @Test func truncatesWithEllipsisByDisplayWidth() {
        #expect(TextLayout.truncate("Integrations", toWidth: 8) == "Integra…")
        #expect(TextLayout.truncate("short", toWidth: 8) == "short")
        #expect(TextLayout.truncate("abc", toWidth: 1) == "…")
        #expect(TextLayout.truncate("abc", toWidth: 0) == "")
    }

    @Test func neverSplitsAWideCharacter() {
        // 日本語 is 6 columns; 4 columns fit 日 (2), not 本, so 日… and one column to spare.
        let cut = TextLayout.truncate("日本語テキスト", toWidth: 4)
        #expect(cut == "日…")
        #expect(TextLayout.fit("日本語テキスト", width: 4) == "日… ")
        #expect(DisplayWidth.of(TextLayout.fit("日本語テキスト", width: 4)) == 4)
    }

    @Test func fitAlignsToExactWidth() {
        #expect(TextLayout.fit("ab", width: 5) == "ab   ")
        #expect(TextLayout.fit("ab", width: 5, alignment: .right) == "   ab")
        #expect(TextLayout.fit("ab", width: 5, alignment: .center) == " ab  ")
        #expect(TextLayout.fit("😀x", width: 5, alignment: .right) == "  😀x")
    }

    @Test func fittedColumnsLineUpWithWideNames() {
        let names = ["Alice", "山田太郎", "Zoë 🎉", "Ｆｕｌｌｗｉｄｔｈ Ｎａｍｅ", "e\u{301}mile"]
        for name in names {
            #expect(DisplayWidth.of(TextLayout.fit(name, width: 9)) == 9, "\(name)")
        }
    }

    @Test func wrapsAtSpacesAndBreaksLongWords() {
        #expect(TextLayout.wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(TextLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextLayout.wrap("one\ntwo", width: 10) == ["one", "two"])
        #expect(TextLayout.wrap("日本語のテキスト", width: 5) == ["日本", "語の", "テキ", "スト"])
    }

    @Test func groupsThousands() {
        #expect(NumberText.grouped(0) == "0")
        #expect(NumberText.grouped(999) == "999")
        #expect(NumberText.grouped(650_000) == "650,000")
        #expect(NumberText.grouped(1_000_000) == "1,000,000")
        #expect(NumberText.grouped(-12_345) == "-12,345")
    }

    @Test func percentRoundsDown() {
        #expect(NumberText.percent(650_000, of: 1_000_000) == "65%")
        #expect(NumberText.percent(999_999, of: 1_000_000) == "99%")
        #expect(NumberText.percent(1, of: 1_000) == "<1%")
        #expect(NumberText.percent(0, of: 10) == "0%")
        #expect(NumberText.percent(13, of: 10) == "130%")
        #expect(NumberText.percent(1, of: 0) == nil)
    }

    static let relativeCases: [(Double, String)] = [
        (0.0, "just now"), (59.0, "just now"), (60.0, "1m ago"), (4 * 60.0 + 30, "4m ago"),
        (2 * 3_600.0, "2h ago"), (3 * 86_400.0, "3d ago"), (45 * 86_400.0, "1mo ago"),
        (800 * 86_400.0, "2y ago"), (-300.0, "in 5m"),
    ]

    @Test(arguments: relativeCases)
    func relativeTime(secondsAgo: Double, expected: String) {
        let now = Date(timeIntervalSince1970: 1_750_000_000)
        #expect(RelativeTime.format(now.addingTimeInterval(-secondsAgo), now: now) == expected)
    }

    @Test func absoluteTimeIsDeterministic() throws {
        let date = Date(timeIntervalSince1970: 1_741_097_100)  // 2025-03-04 14:05 UTC
        #expect(AbsoluteTime.format(date) == "2025-03-04 14:05 UTC")
        let berlin = try #require(TimeZone(secondsFromGMT: 3_600))
        #expect(AbsoluteTime.format(date, timeZone: berlin) == "2025-03-04 15:05 +01:00")
        #expect(AbsoluteTime.formatDay(date) == "2025-03-04")
    }
}
