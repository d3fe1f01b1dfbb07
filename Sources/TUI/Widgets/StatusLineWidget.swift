/// A piece of the status line: plain text, an accent, or a badge such as READ-ONLY.
public struct StatusSegment: Sendable, Hashable {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = Style(.statusBar)) {
        self.text = text
        self.style = style
    }

    /// A badge, drawn as ` READ-ONLY ` in the badge role so it stands out without colour.
    public static func badge(_ text: String) -> StatusSegment {
        StatusSegment(" \(text) ", style: Style(.badge))
    }

    /// An emphasised segment (user and role, connection state).
    public static func accent(_ text: String) -> StatusSegment {
        StatusSegment(" \(text) ", style: Style(.statusAccent))
    }
}

/// Draws the status line: segments on the left, segments on the right, the bar between.
public enum StatusLineWidget {
    /// Draws one row. The right segments (connection state, last refresh) keep their place; the
    /// left ones are truncated from the end when the row is too narrow for both.
    public static func draw(
        left: [StatusSegment], right: [StatusSegment], in rect: Rect, on canvas: inout Canvas
    ) {
        guard !rect.isEmpty else { return }
        canvas.within(rect.row(0)) { region in
            region.fill(style: Style(.statusBar))
            let separator = StatusSegment(" ")
            let rightWidth = width(of: right) + max(0, right.count - 1)
            let rightStart = max(0, rect.width - rightWidth)
            var x = 0
            for (index, segment) in left.enumerated() {
                if index > 0 {
                    x += region.write(separator.text, x: x, y: 0, style: separator.style)
                }
                let room = rightStart - x - 1
                guard room > 0 else { break }
                x += region.write(segment.text, x: x, y: 0, style: segment.style, maxWidth: room)
            }
            var rightX = rightStart
            for (index, segment) in right.enumerated() {
                if index > 0 {
                    rightX += region.write(separator.text, x: rightX, y: 0, style: separator.style)
                }
                rightX += region.write(segment.text, x: rightX, y: 0, style: segment.style)
            }
        }
    }

    private static func width(of segments: [StatusSegment]) -> Int {
        segments.reduce(0) { $0 + DisplayWidth.of(TerminalText.sanitize($1.text)) }
    }
}
