/// Draws a one-line flash message ("✖ Only owners can change the plan").
///
/// When to clear it is the view-model's business; the widget only draws.
public enum FlashWidget {
    public static func draw(
        _ text: String, severity: Severity, in rect: Rect, on canvas: inout Canvas
    ) {
        guard !rect.isEmpty else { return }
        canvas.within(rect.row(0)) { region in
            let style = Style(severity.flashRole)
            region.fill(style: severity == .error ? style : .body)
            region.write(
                " \(severity.symbol) \(text) ", x: 0, y: 0, style: style, maxWidth: rect.width)
        }
    }
}
