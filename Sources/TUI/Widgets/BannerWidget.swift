/// Draws a full-width banner (trialing, past due, cancellation requested), wrapping its text
/// over as many rows as `rect` allows.
public enum BannerWidget {
    /// Rows the banner needs to show all of `text` at `width`.
    public static func height(of text: String, severity: Severity, width: Int) -> Int {
        max(1, lines(text, severity: severity, width: width).count)
    }

    public static func draw(
        _ text: String, severity: Severity, in rect: Rect, on canvas: inout Canvas
    ) {
        guard !rect.isEmpty else { return }
        canvas.within(rect) { region in
            let style = Style(severity.bannerRole)
            region.fill(style: style)
            let wrapped = lines(text, severity: severity, width: rect.width)
            for (index, line) in wrapped.prefix(rect.height).enumerated() {
                let isCut = index == rect.height - 1 && wrapped.count > rect.height
                let shown = isCut ? line + " " + TextLayout.ellipsis : line
                region.write(shown, x: 0, y: index, style: style, maxWidth: rect.width)
            }
        }
    }

    /// The text wrapped inside a margin, with the severity symbol hanging on the first line.
    private static func lines(_ text: String, severity: Severity, width: Int) -> [String] {
        let wrapped = TextLayout.wrap(TerminalText.sanitize(text), width: max(1, width - 4))
        return wrapped.enumerated().map { index, line in
            (index == 0 ? " \(severity.symbol) " : "   ") + line
        }
    }
}
