/// Where text sits inside a wider space.
public enum TextAlignment: Sendable, Hashable {
    case left
    case center
    case right
}

/// Pure string layout by display width: truncation, padding and word wrapping.
///
/// Functions here measure columns with `DisplayWidth`, never `count`, so CJK and emoji keep
/// table columns aligned. They do not sanitise: `Canvas.write` does that when the text is drawn.
public enum TextLayout {
    /// Marks text that was cut short.
    public static let ellipsis = "…"

    /// `text` cut to at most `width` columns, ending in `…` when anything was removed.
    ///
    /// A wide character that would straddle the limit is dropped rather than split, so the
    /// result may be one column narrower than `width`; `fit` pads it back.
    public static func truncate(_ text: String, toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width {
            return text
        }
        let budget = width - 1
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if used + characterWidth > budget {
                break
            }
            result.append(character)
            used += characterWidth
        }
        return result + ellipsis
    }

    /// `text` truncated or padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, width: Int, alignment: TextAlignment = .left) -> String {
        guard width > 0 else { return "" }
        let truncated = truncate(text, toWidth: width)
        let gap = width - DisplayWidth.of(truncated)
        switch alignment {
        case .left:
            return truncated + spaces(gap)
        case .right:
            return spaces(gap) + truncated
        case .center:
            let before = gap / 2
            return spaces(before) + truncated + spaces(gap - before)
        }
    }

    /// Splits `text` into lines of at most `width` columns, breaking at spaces where possible.
    ///
    /// Explicit newlines start a new line; words longer than a line are broken by width.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lines.append(contentsOf: wrapParagraph(String(paragraph), width: width))
        }
        return lines
    }

    /// A string of `count` spaces (empty for zero or less).
    public static func spaces(_ count: Int) -> String {
        count > 0 ? String(repeating: " ", count: count) : ""
    }

    private static func wrapParagraph(_ paragraph: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
            var remaining = String(word)
            var wordWidth = DisplayWidth.of(remaining)
            let separator = line.isEmpty ? 0 : 1
            if lineWidth + separator + wordWidth <= width {
                line += (line.isEmpty ? "" : " ") + remaining
                lineWidth += separator + wordWidth
                continue
            }
            if !line.isEmpty {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            while wordWidth > width {
                let (head, tail) = splitPrefix(remaining, width: width)
                lines.append(head)
                remaining = tail
                wordWidth = DisplayWidth.of(remaining)
            }
            line = remaining
            lineWidth = wordWidth
        }
        lines.append(line)
        return lines
    }

    /// The longest prefix of `text` within `width` columns (at least one character) and the rest.
    private static func splitPrefix(_ text: String, width: Int) -> (String, String) {
        var head = ""
        var used = 0
        var index = text.startIndex
        while index < text.endIndex {
            let characterWidth = DisplayWidth.of(text[index])
            if used + characterWidth > width, !head.isEmpty {
                break
            }
            head.append(text[index])
            used += characterWidth
            index = text.index(after: index)
        }
        return (head, String(text[index...]))
    }
}
