/// Draws the `?` overlay: the current view's keys, generated from its `KeyMap`.
///
/// Actions the user may not take stay listed, dimmed, with the policy's reason, so help also
/// answers "why can't I".
public enum HelpOverlayWidget {
    /// Width of the overlay's frame when the screen allows it.
    public static let preferredWidth = 76

    /// Draws `items` in a centred frame titled `title`. `scrollOffset` skips that many lines
    /// when the list is taller than the screen; the last row then says how many are left.
    public static func draw(
        title: String, items: [HelpItem], scrollOffset: Int = 0, in area: Rect,
        on canvas: inout Canvas
    ) {
        let lines = layout(items)
        let width = min(preferredWidth, max(0, area.width - 2))
        let height = min(lines.count + 4, max(0, area.height - 2))
        let frame = area.centered(Size(width: width, height: height))
        guard frame.width >= 10, frame.height >= 4 else { return }
        canvas.fill(frame, style: Style(.dialogBody))
        canvas.box(
            frame, style: Style(.dialogBorder), title: title, titleStyle: Style(.dialogTitle))
        let footer = " Esc or ? to close "
        let footerWidth = DisplayWidth.of(footer)
        if footerWidth + 4 <= frame.width {
            canvas.write(
                footer, x: frame.maxX - footerWidth - 2, y: frame.maxY - 1, style: Style(.dim))
        }
        let inner = Rect(
            x: frame.x + 2, y: frame.y + 2, width: frame.width - 4, height: frame.height - 4)
        let keyWidth = min(
            16, items.map { DisplayWidth.of(TerminalText.sanitize($0.keyLabel)) }.max() ?? 0)
        let offset = min(max(0, scrollOffset), max(0, lines.count - inner.height))
        let shown = lines.dropFirst(offset).prefix(inner.height)
        for (row, line) in shown.enumerated() {
            let y = inner.y + row
            let isLastRow = row == inner.height - 1
            let remaining = lines.count - offset - row - 1
            if isLastRow, remaining > 0 {
                canvas.write(
                    "↓ \(remaining + 1) more", x: inner.x, y: y, style: Style(.dim),
                    maxWidth: inner.width)
                break
            }
            draw(line, keyWidth: keyWidth, x: inner.x, y: y, width: inner.width, on: &canvas)
        }
    }

    /// The largest useful `scrollOffset` for `items` in `area`: beyond it nothing more shows.
    public static func maximumScrollOffset(items: [HelpItem], in area: Rect) -> Int {
        let lines = layout(items).count
        let height = min(lines + 4, max(0, area.height - 2))
        return max(0, lines - max(0, height - 4))
    }

    /// Lines to draw: section headings, then their items, a blank line between sections.
    private enum Line {
        case section(String)
        case item(HelpItem)
        case blank
    }

    private static func layout(_ items: [HelpItem]) -> [Line] {
        var lines: [Line] = []
        var currentSection: String?
        for item in items {
            if item.section != currentSection {
                if currentSection != nil {
                    lines.append(.blank)
                }
                if !item.section.isEmpty {
                    lines.append(.section(item.section))
                }
                currentSection = item.section
            }
            lines.append(.item(item))
        }
        return lines
    }

    private static func draw(
        _ line: Line, keyWidth: Int, x: Int, y: Int, width: Int, on canvas: inout Canvas
    ) {
        switch line {
        case .blank:
            return
        case .section(let title):
            canvas.write(title, x: x, y: y, style: Style(.title), maxWidth: width)
        case .item(let item):
            let keyStyle = item.isEnabled ? Style(.key) : Style(.disabled)
            canvas.write(
                item.keyLabel, x: x, y: y, width: keyWidth, alignment: .left, style: keyStyle)
            let descriptionX = x + keyWidth + 2
            var text = item.description
            if !item.isEnabled {
                text += " — " + (item.disabledReason ?? "not available")
            }
            let style = item.isEnabled ? Style(.dialogBody) : Style(.disabled)
            canvas.write(
                text, x: descriptionX, y: y, style: style, maxWidth: x + width - descriptionX)
        }
    }
}
