/// Makes untrusted text safe to draw: nothing in it can reach the terminal as a control.
///
/// Text from the database (member names, integration errors, webhook URLs) is attacker
/// controlled. Escape sequences could clear the screen, set the clipboard (OSC 52), retitle the
/// window or fake a prompt; bidi overrides and invisible characters can make one name look like
/// another. Every such character is replaced by a visible placeholder so the reader sees that
/// something was there:
///
/// - C0 controls become their Control Pictures (`ESC` -> `␛`, `BEL` -> `␇`, `NUL` -> `␀`),
///   newlines `␤`, carriage returns `␍`, `DEL` `␡`; a tab becomes one space.
/// - C1 controls (`0x80`-`0x9F`, e.g. the one-byte CSI `0x9B`), bidi embeddings, overrides,
///   isolates and marks, zero-width spaces, word joiners, BOMs, soft hyphens, Hangul fillers,
///   stray tag characters, noncharacters and every other format character become `�`.
/// - Zero-width joiners and non-joiners survive only between two non-ASCII, non-space
///   characters (emoji sequences, Indic and Persian text), never inside ASCII words where they
///   would hide a difference.
/// - More than four combining marks in a row are dropped, so "Zalgo" text cannot spill over
///   neighbouring rows.
public enum TerminalText {
    /// Shown in place of any character that must not reach the terminal.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// Combining marks kept in a row before further ones are dropped.
    public static let maximumCombiningMarks = 4

    /// Returns `text` with every control, escape and hiding character made visible.
    public static func sanitize(_ text: String) -> String {
        if isPrintableASCII(text) {
            return text
        }
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var combiningRun = 0
        for (index, scalar) in scalars.enumerated() {
            let previous = output.last
            let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
            let safe = safeReplacement(for: scalar, previous: previous, next: next)
            if isCombiningMark(scalar), safe == [scalar] {
                combiningRun += 1
                if combiningRun > maximumCombiningMarks {
                    continue
                }
            } else {
                combiningRun = 0
            }
            output.append(contentsOf: safe)
        }
        return String(output)
    }

    /// Whether every byte of `text` is printable ASCII (space to `~`), which is drawn as it is.
    /// Nearly all text is, and checking bytes costs far less than judging each scalar: the
    /// scalar walk was half of a frame's time.
    public static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// Whether `text` can be drawn as it is: sanitising would not change it.
    public static func isSafe(_ text: String) -> Bool {
        sanitize(text) == text
    }

    /// The scalars to draw for `scalar`: itself when harmless, otherwise a visible placeholder.
    private static func safeReplacement(
        for scalar: Unicode.Scalar, previous: Unicode.Scalar?, next: Unicode.Scalar?
    ) -> [Unicode.Scalar] {
        let value = scalar.value
        switch value {
        case 0x09:
            return [" "]
        case 0x0A, 0x2028, 0x2029:
            return ["\u{2424}"]
        case 0x00...0x1F:
            return [Unicode.Scalar(0x2400 + value) ?? replacement]
        case 0x7F:
            return ["\u{2421}"]
        case 0x80...0x9F:
            return [replacement]
        case 0x200C, 0x200D:
            return isJoinable(previous) && isJoinable(next) ? [scalar] : [replacement]
        case 0xE0020...0xE007F:
            return isInTagSequence(previous) ? [scalar] : [replacement]
        case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x180E, 0x200B, 0x200E, 0x200F,
            0x202A...0x202E, 0x2060...0x206F, 0x3164, 0xFEFF, 0xFFA0, 0xFFF9...0xFFFB,
            0x1D173...0x1D17A, 0xE0001:
            return [replacement]
        case 0xFDD0...0xFDEF:
            return [replacement]
        default:
            break
        }
        if value & 0xFFFE == 0xFFFE {
            return [replacement]
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate:
            return [replacement]
        default:
            return [scalar]
        }
    }

    /// A neighbour that may legitimately be joined: non-ASCII and visible.
    private static func isJoinable(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar, scalar.value > 0x7F else { return false }
        if scalar.properties.isWhitespace {
            return false
        }
        switch scalar.properties.generalCategory {
        case .control, .format:
            return false
        default:
            return true
        }
    }

    /// Tag characters are only meaningful after a black flag (subdivision flags like Scotland's).
    private static func isInTagSequence(_ previous: Unicode.Scalar?) -> Bool {
        guard let previous else { return false }
        return previous.value == 0x1F3F4 || (0xE0020...0xE007E).contains(previous.value)
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }
}
