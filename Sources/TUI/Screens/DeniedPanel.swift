/// A framed explanation in place of a view the user may not open: what, why, and who can.
enum DeniedPanel {
    static func draw(
        title: String, reason: String, hint: String, in rect: Rect, on canvas: inout Canvas
    ) {
        let width = min(rect.width - 4, 64)
        var lines: [(String, StyleRole)] = [(title, .title), ("", .body)]
        for paragraph in [reason + ".", hint] {
            lines += TextLayout.wrap(paragraph, width: width - 4).map { ($0, StyleRole.body) }
        }
        let box = rect.centered(Size(width: width, height: lines.count + 2))
        canvas.box(box, style: Style(.border))
        for (index, line) in lines.enumerated() {
            canvas.write(
                line.0, x: box.x + 2, y: box.y + 1 + index, style: Style(line.1),
                maxWidth: width - 4)
        }
    }
}
