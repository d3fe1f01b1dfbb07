import Testing

@testable import TUI

@Suite struct CanvasTests {
    @Test func writesAndReadsBackText() {
        var canvas = Canvas(width: 10, height: 2)
        let written = canvas.write("hello", x: 2, y: 1)
        #expect(written == 5)
        #expect(canvas.rows() == ["          ", "  hello   "])
        #expect(canvas.text() == "\n  hello")
    }

    @Test func clipsAtTheRightEdgeWithEllipsis() {
        var canvas = Canvas(width: 8, height: 1)
        canvas.write("Integrations", x: 0, y: 0)
        #expect(canvas.text() == "Integra…")
    }

    @Test func maxWidthTruncatesInsideTheCanvas() {
        var canvas = Canvas(width: 12, height: 1)
        canvas.write("abcdefgh", x: 0, y: 0, maxWidth: 5)
        canvas.write("|", x: 5, y: 0)
        #expect(canvas.text() == "abcd…|")
    }

    @Test func wideCharacterTakesTwoCells() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.write("日本", x: 0, y: 0)
        #expect(canvas.cell(x: 0, y: 0).width == 2)
        #expect(canvas.cell(x: 1, y: 0).isContinuation)
        #expect(canvas.cell(x: 2, y: 0).grapheme == "本")
        #expect(canvas.text() == "日本")
    }

    @Test func wideCharacterIsNeverSplitAtTheEdge() {
        var canvas = Canvas(width: 5, height: 1)
        canvas.write("ab日本", x: 0, y: 0)
        // 6 columns into 5: "ab" + 日 (4 columns) leave one for the ellipsis.
        #expect(canvas.text() == "ab日…")
        var tight = Canvas(width: 4, height: 1)
        tight.write("a日本", x: 0, y: 0)
        #expect(tight.rows() == ["a日…"])
        var pad = Canvas(width: 5, height: 1)
        pad.write("xx", x: 3, y: 0)
        pad.write("日本語", x: 0, y: 0, maxWidth: 4)
        #expect(pad.rows() == ["日… x"])
        #expect(pad.cell(x: 3, y: 0).grapheme == " ")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.write("日本語", x: 0, y: 0)
        canvas.write("x", x: 1, y: 0)
        #expect(canvas.rows() == [" x本語"])
        canvas.write("y", x: 2, y: 0)
        #expect(canvas.rows() == [" xy 語"])
        #expect(!canvas.cell(x: 3, y: 0).isContinuation)
    }

    @Test func wideCharacterOverWideCharacterShiftedByOne() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.write("日本語", x: 0, y: 0)
        canvas.write("中", x: 1, y: 0)
        #expect(canvas.rows() == [" 中 語"])
    }

    @Test func hostileTextIsSanitisedWhenDrawn() {
        var canvas = Canvas(width: 30, height: 1)
        canvas.write("bob\u{1B}[2J\u{9B}\u{202E}", x: 0, y: 0)
        #expect(canvas.text() == "bob␛[2J��")
        for x in 0..<canvas.width {
            let scalars = canvas.cell(x: x, y: 0).grapheme.unicodeScalars
            #expect(!scalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        }
    }

    /// Printable ASCII takes a shorter path than other text; it must be cut and clipped the
    /// same way (`TextLayout.truncate` is the general path's rule).
    @Test func asciiTextIsCutAndClippedLikeAnyText() {
        for text in ["", "a", "abc", "hello world", "exactly 10"] {
            for width in 0...12 {
                for x in -3...3 {
                    var canvas = Canvas(width: 12, height: 1)
                    canvas.write(text, x: x, y: 0, maxWidth: width)
                    let available = min(width, 12 - x)
                    let cut = Array(TextLayout.truncate(text, toWidth: available))
                    let expected = (0..<12).map { column in
                        let offset = column - x
                        return offset >= 0 && offset < cut.count ? String(cut[offset]) : " "
                    }
                    #expect(canvas.rows() == [expected.joined()], "\(text) \(width) \(x)")
                }
            }
        }
    }

    @Test func loneCombiningMarkGetsADottedCircle() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.write("\u{301}a", x: 0, y: 0)
        #expect(canvas.text() == "◌\u{301}a")
    }

    @Test func regionsOffsetAndClip() {
        var canvas = Canvas(width: 10, height: 3)
        canvas.within(Rect(x: 2, y: 1, width: 4, height: 1)) { region in
            #expect(region.bounds == Rect(x: 0, y: 0, width: 4, height: 1))
            region.write("abcdefgh", x: 0, y: 0)
            region.write("zzz", x: 0, y: 1)
        }
        #expect(canvas.text() == "\n  abc…\n")
    }

    @Test func nestedRegionsIntersect() {
        var canvas = Canvas(width: 10, height: 1)
        canvas.within(Rect(x: 2, y: 0, width: 6, height: 1)) { outer in
            outer.within(Rect(x: 3, y: 0, width: 10, height: 1)) { inner in
                inner.write("123456", x: 0, y: 0)
            }
        }
        #expect(canvas.rows() == ["     12…  "])
    }

    @Test func textLeftOfTheClipIsSkipped() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.write("abcdef", x: -2, y: 0)
        #expect(canvas.rows() == ["cdef  "])
    }

    @Test func boxDrawsAFrame() {
        var canvas = Canvas(width: 6, height: 3)
        canvas.box(Rect(x: 0, y: 0, width: 6, height: 3), style: Style(.border))
        #expect(canvas.text() == "┌────┐\n│    │\n└────┘")
    }

    @Test func boxCarriesATitle() {
        var canvas = Canvas(width: 12, height: 3)
        canvas.box(
            Rect(x: 0, y: 0, width: 12, height: 3), style: Style(.border), title: "Members list",
            titleStyle: Style(.title))
        #expect(canvas.rows().first == "┌─ Membe… ─┐")
    }

    @Test func styledTextMarksRoles() {
        var canvas = Canvas(width: 12, height: 1)
        canvas.write("ok", x: 0, y: 0)
        canvas.write("████", x: 3, y: 0, style: Style(.gaugeWarn))
        canvas.write("{b}", x: 8, y: 0, style: Style(.body, .bold))
        #expect(canvas.styledText() == "ok {gauge.warn}████{/} {body+bold}{{b}{/}")
    }

    @Test func fillAndRestyle() {
        var canvas = Canvas(width: 4, height: 2)
        canvas.write("ab", x: 0, y: 0)
        canvas.restyle(Rect(x: 0, y: 0, width: 4, height: 1), style: Style(.selection))
        canvas.fill(Rect(x: 0, y: 1, width: 2, height: 1), style: Style(.dim), character: "·")
        #expect(canvas.styledText() == "{selection}ab  {/}\n{dim}··{/}")
    }

    @Test func equalityIgnoresRegionState() {
        var a = Canvas(width: 3, height: 1)
        var b = Canvas(width: 3, height: 1)
        a.write("x", x: 0, y: 0)
        b.within(Rect(x: 0, y: 0, width: 1, height: 1)) { $0.write("x", x: 0, y: 0) }
        #expect(a == b)
    }
}
