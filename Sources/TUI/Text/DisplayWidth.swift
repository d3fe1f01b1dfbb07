/// Terminal column widths computed in Swift, so layout never depends on the C locale.
///
/// Rules: East Asian Wide and Fullwidth characters and emoji presentation take two columns;
/// combining marks, format characters and Hangul medial/final jamo take none; everything else,
/// including East Asian Ambiguous characters such as `…`, `●` and box drawing, takes one (as in
/// every non-CJK locale). A grapheme cluster is as wide as its base, or two columns when it is an
/// emoji sequence (VS16, skin tone, ZWJ, keycap or flag).
public enum DisplayWidth {
    /// Columns one Unicode scalar takes on its own: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F {
            return value >= 0x20 ? 1 : 0
        }
        if value < 0xA0 {
            return 0
        }
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) {
            return 0
        }
        if (0x1F1E6...0x1F1FF).contains(value) {
            return 1  // A lone regional indicator; a pair (a flag) is two columns as a cluster.
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .surrogate:
            return 0
        default:
            break
        }
        if scalar.properties.isEmojiPresentation || WideCharacterRanges.contains(value) {
            return 2
        }
        return 1
    }

    /// Columns one grapheme cluster takes: 0 only for a cluster of nothing but marks.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let base = scalars.first else { return 0 }
        if scalars.count == 1 {
            return of(base)
        }
        if isEmojiSequence(scalars) {
            return 2
        }
        return of(base)
    }

    /// Columns a whole string takes when drawn on one line.
    public static func of(_ text: String) -> Int {
        if TerminalText.isPrintableASCII(text) {
            return text.utf8.count
        }
        var total = 0
        for character in text {
            total += of(character)
        }
        return total
    }

    /// A multi-scalar cluster that terminals draw as one two-column emoji.
    private static func isEmojiSequence(_ scalars: Character.UnicodeScalarView) -> Bool {
        var regionalIndicators = 0
        for scalar in scalars {
            switch scalar.value {
            case 0xFE0F, 0x20E3, 0x200D, 0x1F3FB...0x1F3FF:
                if let base = scalars.first, base.properties.isEmoji {
                    return true
                }
            case 0x1F1E6...0x1F1FF:
                regionalIndicators += 1
            default:
                continue
            }
        }
        return regionalIndicators >= 2
    }
}
