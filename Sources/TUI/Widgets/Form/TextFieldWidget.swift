/// What a text field shows: label, value, cursor, and an inline validation message.
public struct TextFieldModel: Sendable, Hashable {
    public var label: String
    public var value: String
    /// Cursor position in characters (grapheme clusters) from the start of `value`.
    public var cursor: Int
    public var isFocused: Bool
    /// Passwords and tokens: every character drawn as `•`.
    public var isMasked: Bool
    /// Dim text shown while the value is empty ("name@example.com").
    public var placeholder: String
    /// Shown under the field in the error role ("Not an email address").
    public var error: String?

    public init(
        label: String, value: String = "", cursor: Int? = nil, isFocused: Bool = false,
        isMasked: Bool = false, placeholder: String = "", error: String? = nil
    ) {
        self.label = label
        self.value = value
        self.cursor = cursor ?? value.count
        self.isFocused = isFocused
        self.isMasked = isMasked
        self.placeholder = placeholder
        self.error = error
    }
}

/// Draws a labelled single-line text field with a visible cursor and its error underneath.
///
/// The terminal's own cursor stays hidden; the cursor is a cell in the `cursor` role, so it
/// shows in snapshots and never jumps around the screen while other parts redraw.
public enum TextFieldWidget {
    /// Rows the field takes: one, or two with an error message.
    public static func height(of field: TextFieldModel) -> Int {
        field.error == nil ? 1 : 2
    }

    /// Draws `field` in `rect`: the label in `labelWidth` columns, then the input box.
    public static func draw(
        _ field: TextFieldModel, in rect: Rect, labelWidth: Int = 12, on canvas: inout Canvas
    ) {
        guard !rect.isEmpty else { return }
        canvas.within(rect) { region in
            let boxX = field.label.isEmpty ? 0 : min(labelWidth + 1, rect.width)
            if !field.label.isEmpty {
                region.write(
                    field.label, x: 0, y: 0, width: labelWidth, alignment: .left,
                    style: Style(.label))
            }
            let boxWidth = rect.width - boxX
            guard boxWidth > 0 else { return }
            let boxStyle = field.isFocused ? Style(.inputFocused) : Style(.input)
            region.fill(Rect(x: boxX, y: 0, width: boxWidth, height: 1), style: boxStyle)
            drawValue(field, x: boxX, width: boxWidth, style: boxStyle, on: &region)
            if let error = field.error, rect.height >= 2 {
                region.write(
                    "✖ " + error, x: boxX, y: 1, style: Style(.inputError), maxWidth: boxWidth)
            }
        }
    }

    /// The value scrolled so the cursor stays visible, with the cursor cell highlighted.
    private static func drawValue(
        _ field: TextFieldModel, x: Int, width: Int, style: Style, on canvas: inout Canvas
    ) {
        let characters: [String] = field.value.map { character in
            field.isMasked ? "•" : TerminalText.sanitize(String(character))
        }
        if characters.isEmpty, !field.placeholder.isEmpty, !field.isFocused {
            canvas.write(field.placeholder, x: x, y: 0, style: Style(.dim), maxWidth: width)
            return
        }
        let cursor = min(max(0, field.cursor), characters.count)
        let widths = characters.map { DisplayWidth.of($0) }
        let usable = max(1, width - 1)
        var start = 0
        while widths[start..<cursor].reduce(0, +) > usable, start < cursor {
            start += 1
        }
        var column = x
        for index in start..<characters.count {
            if column + widths[index] > x + width {
                break
            }
            let cellStyle = field.isFocused && index == cursor ? Style(.cursor) : style
            column += canvas.write(characters[index], x: column, y: 0, style: cellStyle)
        }
        if field.isFocused, cursor == characters.count, column < x + width {
            canvas.write(" ", x: column, y: 0, style: Style(.cursor))
        }
    }
}
