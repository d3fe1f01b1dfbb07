/// The screen shown instead of a garbled layout when the terminal is below the minimum size.
public enum TooSmallScreen {
    /// The message, e.g. `terminal too small (need 80x24, have 60x20)`.
    public static func message(required: Size, actual: Size) -> String {
        "terminal too small (need \(required), have \(actual))"
    }

    /// Clears the canvas and centres the message, wrapped to fit even a tiny terminal.
    public static func draw(required: Size, on canvas: inout Canvas) {
        let actual = canvas.size
        canvas.fill(Rect(x: 0, y: 0, width: actual.width, height: actual.height), style: .body)
        guard actual.width > 0, actual.height > 0 else { return }
        let messageLines = shortestFitting(
            [
                message(required: required, actual: actual), "too small (need \(required))",
                "need \(required)",
            ],
            size: actual)
        var lines = messageLines
        let hint = TextLayout.wrap("resize the window, or press q to quit", width: actual.width)
        if actual.height >= messageLines.count + 1 + hint.count {
            lines += [""] + hint
        }
        let shown = Array(lines.prefix(actual.height))
        let top = max(0, (actual.height - shown.count) / 2)
        for (index, line) in shown.enumerated() {
            let style = index < messageLines.count ? Style(.title) : Style(.dim)
            canvas.write(
                line, x: 0, y: top + index, width: actual.width, alignment: .center, style: style)
        }
    }

    /// The first message that fits when wrapped, so even a tiny terminal says what it needs.
    private static func shortestFitting(_ candidates: [String], size: Size) -> [String] {
        for candidate in candidates {
            let lines = TextLayout.wrap(candidate, width: size.width)
            if lines.count <= size.height, lines.allSatisfy({ DisplayWidth.of($0) <= size.width }) {
                return lines
            }
        }
        return TextLayout.wrap(candidates.last ?? "", width: size.width)
    }
}
