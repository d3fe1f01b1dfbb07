/// A button at the bottom of a dialog.
public struct DialogButton: Sendable, Hashable {
    public var label: String
    /// The key that presses it, shown in brackets when present (`y`).
    public var keyHint: String

    public init(_ label: String, keyHint: String = "") {
        self.label = label
        self.keyHint = keyHint
    }

    /// `[ Remove (y) ]`: brackets keep buttons visible without colour.
    var text: String {
        keyHint.isEmpty ? compactText : "[ \(label) (\(keyHint)) ]"
    }

    /// `[ Remove ]`, for dialogs too narrow for the key hints.
    var compactText: String { "[ \(label) ]" }
}

/// What a dialog shows. Screens put form fields in the `contentHeight` rows it reserves.
public struct DialogModel: Sendable, Hashable {
    public var title: String
    /// Paragraphs of text, each wrapped to the dialog's width.
    public var body: [String]
    public var buttons: [DialogButton]
    /// The button Enter presses, drawn highlighted.
    public var focusedButton: Int?
    /// A dim line of key hints at the bottom ("Enter confirm · Esc cancel").
    public var hint: String
    /// Rows reserved below the body for the caller's content (form fields).
    public var contentHeight: Int
    /// Width of the frame when the screen allows it.
    public var preferredWidth: Int
    /// Destructive dialogs (remove, revoke, cancel plan) show their title in the error role.
    public var isDestructive: Bool

    public init(
        title: String, body: [String] = [], buttons: [DialogButton] = [], focusedButton: Int? = nil,
        hint: String = "", contentHeight: Int = 0, preferredWidth: Int = 60,
        isDestructive: Bool = false
    ) {
        self.title = title
        self.body = body
        self.buttons = buttons
        self.focusedButton = focusedButton
        self.hint = hint
        self.contentHeight = contentHeight
        self.preferredWidth = preferredWidth
        self.isDestructive = isDestructive
    }
}

/// Draws a centred, framed dialog over whatever is already on the canvas.
public enum DialogWidget {
    /// Columns between the frame and the text on each side.
    static let padding = 2

    /// The frame's rectangle for `dialog` centred in `area`.
    public static func frame(for dialog: DialogModel, in area: Rect) -> Rect {
        let buttonsWidth = buttonRowText(dialog).width
        let wanted = max(
            dialog.preferredWidth, buttonsWidth + 2 * padding + 2,
            DisplayWidth.of(TerminalText.sanitize(dialog.title)) + 8)
        let width = min(wanted, max(0, area.width - 2))
        let height = min(layout(dialog, width: width, maxHeight: area.height).height, area.height)
        return area.centered(Size(width: width, height: height))
    }

    /// Draws `dialog` centred in `area` and returns the rectangle reserved for its content rows
    /// (empty when `contentHeight` is 0 or there is no room), in the same coordinates as `area`.
    @discardableResult
    public static func draw(_ dialog: DialogModel, in area: Rect, on canvas: inout Canvas) -> Rect {
        let frame = frame(for: dialog, in: area)
        guard frame.width >= 4, frame.height >= 2 else {
            return Rect(x: frame.x, y: frame.y, width: 0, height: 0)
        }
        let plan = layout(dialog, width: frame.width, maxHeight: frame.height)
        canvas.fill(frame, style: Style(.dialogBody))
        let titleStyle = dialog.isDestructive ? Style(.flashError) : Style(.dialogTitle)
        canvas.box(frame, style: Style(.dialogBorder), title: dialog.title, titleStyle: titleStyle)
        let inner = Rect(
            x: frame.x + 1 + padding, y: frame.y + 1, width: frame.width - 2 - 2 * padding,
            height: frame.height - 2)
        var contentRect = Rect(x: inner.x, y: inner.y, width: 0, height: 0)
        for (row, line) in plan.rows.enumerated() where row < inner.height {
            let y = inner.y + row
            switch line {
            case .blank:
                continue
            case .body(let text):
                canvas.write(
                    text, x: inner.x, y: y, style: Style(.dialogBody), maxWidth: inner.width)
            case .content:
                if contentRect.height == 0 {
                    let available = min(dialog.contentHeight, inner.maxY - y)
                    contentRect = Rect(x: inner.x, y: y, width: inner.width, height: available)
                }
            case .buttons:
                drawButtons(dialog, y: y, in: inner, on: &canvas)
            case .hint:
                canvas.write(
                    dialog.hint, x: inner.x, y: y, width: inner.width, alignment: .center,
                    style: Style(.dim))
            }
        }
        return contentRect
    }

    // MARK: Layout

    private enum Line: Hashable {
        case blank
        case body(String)
        case content
        case buttons
        case hint
    }

    private struct Plan {
        var rows: [Line]
        /// Frame height: the rows plus the two borders.
        var height: Int { rows.count + 2 }
    }

    /// The rows of `dialog` at `width`, shrunk to `maxHeight` by dropping, in order, the hint,
    /// body lines from the end (the last kept one ends in `…`) and the padding, so buttons and
    /// form fields stay usable on small screens.
    private static func layout(_ dialog: DialogModel, width: Int, maxHeight: Int = .max) -> Plan {
        let textWidth = max(1, width - 2 - 2 * padding)
        var body: [String] = dialog.body.flatMap { paragraph in
            TextLayout.wrap(TerminalText.sanitize(paragraph), width: textWidth)
        }
        var showsHint = !dialog.hint.isEmpty
        var padded = true
        func build() -> Plan {
            var rows: [Line] = padded ? [.blank] : []
            rows += body.map(Line.body)
            if dialog.contentHeight > 0 {
                rows.append(.blank)
                rows += Array(repeating: .content, count: dialog.contentHeight)
            }
            if !dialog.buttons.isEmpty {
                rows += [.blank, .buttons]
            }
            if showsHint {
                rows += [.blank, .hint]
            }
            if padded {
                rows.append(.blank)
            }
            return Plan(rows: rows)
        }
        var plan = build()
        if plan.height > maxHeight, showsHint {
            showsHint = false
            plan = build()
        }
        var cut = false
        while plan.height > maxHeight, body.count > 1 {
            body.removeLast()
            cut = true
            plan = build()
        }
        if cut, let last = body.popLast() {
            body.append(TextLayout.truncate(last + " " + TextLayout.ellipsis, toWidth: textWidth))
            plan = build()
        }
        if plan.height > maxHeight {
            padded = false
            plan = build()
        }
        return plan
    }

    private static func buttonRowText(_ dialog: DialogModel, compact: Bool = false) -> (
        texts: [String], width: Int
    ) {
        let texts = dialog.buttons.map { compact ? $0.compactText : $0.text }
        let width =
            texts.reduce(0) { $0 + DisplayWidth.of(TerminalText.sanitize($1)) }
            + 2 * max(0, texts.count - 1)
        return (texts, width)
    }

    private static func drawButtons(
        _ dialog: DialogModel, y: Int, in inner: Rect, on canvas: inout Canvas
    ) {
        var (texts, width) = buttonRowText(dialog)
        if width > inner.width {
            (texts, width) = buttonRowText(dialog, compact: true)
        }
        var x = inner.x + max(0, (inner.width - width) / 2)
        for (index, text) in texts.enumerated() {
            let style = index == dialog.focusedButton ? Style(.buttonFocused) : Style(.button)
            x += canvas.write(text, x: x, y: y, style: style, maxWidth: inner.maxX - x)
            x += 2
        }
    }
}
