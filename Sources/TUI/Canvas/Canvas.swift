/// A grid of styled cells that screens and widgets draw into, without touching the terminal.
///
/// Rendering is a pure function into a `Canvas`; only the terminal backend copies a canvas to
/// the screen, and snapshot tests read it back as text. Every string drawn is sanitised by
/// `TerminalText.sanitize`, so nothing drawn here can reach the terminal as a control.
///
/// Coordinates are relative to the current region: the whole canvas, or the rectangle given to
/// `within(_:_:)`. Drawing outside the region is clipped.
public struct Canvas: Sendable {
    public let size: Size
    private var cells: [Cell]
    /// The current region's top-left corner, in absolute coordinates.
    private var originX = 0
    private var originY = 0
    /// The current region's size as requested (what `bounds` reports).
    private var regionSize: Size
    /// Where drawing is allowed, in absolute coordinates.
    private var clip: Rect

    /// A canvas of `size` filled with blank cells in `style`.
    public init(size: Size, style: Style = .body) {
        let safeSize = Size(width: max(0, size.width), height: max(0, size.height))
        self.size = safeSize
        self.cells = Array(repeating: .blank(style), count: safeSize.width * safeSize.height)
        self.regionSize = safeSize
        self.clip = Rect(x: 0, y: 0, width: safeSize.width, height: safeSize.height)
    }

    public init(width: Int, height: Int, style: Style = .body) {
        self.init(size: Size(width: width, height: height), style: style)
    }

    public var width: Int { size.width }
    public var height: Int { size.height }

    /// The current region in its own coordinates: `(0, 0)` and the region's size.
    public var bounds: Rect { Rect(x: 0, y: 0, width: regionSize.width, height: regionSize.height) }

    /// The cell at absolute coordinates (a blank cell outside the canvas).
    public func cell(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank() }
        return cells[y * size.width + x]
    }

    /// Runs `draw` with coordinates relative to `rect` and drawing clipped to it.
    public mutating func within(_ rect: Rect, _ draw: (inout Canvas) -> Void) {
        let saved = (originX, originY, regionSize, clip)
        let absolute = Rect(
            x: originX + rect.x, y: originY + rect.y, width: rect.width, height: rect.height)
        originX = absolute.x
        originY = absolute.y
        regionSize = rect.size
        clip = clip.intersection(absolute)
        draw(&self)
        (originX, originY, regionSize, clip) = saved
    }

    // MARK: Text

    /// Draws `text` on one row, sanitised, clipped and truncated with `…` if it does not fit.
    ///
    /// The text is cut at `maxWidth` columns or the region's right edge, whichever comes first. A
    /// wide character is never split: when truncated text would leave one column free, a space
    /// fills it, so the text takes exactly the columns it was given and columns stay aligned.
    /// Returns the number of columns drawn.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int, style: Style = .body, maxWidth: Int? = nil
    ) -> Int {
        let absoluteX = originX + x
        let absoluteY = originY + y
        guard absoluteY >= clip.y, absoluteY < clip.maxY else { return 0 }
        var rightEdge = clip.maxX
        if let maxWidth {
            rightEdge = min(rightEdge, absoluteX + max(0, maxWidth))
        }
        let available = rightEdge - absoluteX
        guard available > 0 else { return 0 }
        if TerminalText.isPrintableASCII(text) {
            return writeASCII(text, column: absoluteX, row: absoluteY, rightEdge: rightEdge, style)
        }
        var shown = TerminalText.sanitize(text)
        if DisplayWidth.of(shown) > available {
            shown = TextLayout.fit(shown, width: available)
        }
        var column = absoluteX
        for character in shown {
            var grapheme = String(character)
            var columns = DisplayWidth.of(character)
            if columns == 0 {
                grapheme = "\u{25CC}" + grapheme
                columns = 1
            }
            if column + columns > rightEdge {
                break
            }
            if column >= clip.x {
                put(grapheme, width: columns, style: style, x: column, y: absoluteY)
            } else if column + columns > clip.x {
                put(" ", width: 1, style: style, x: clip.x, y: absoluteY)
            }
            column += columns
        }
        return column - absoluteX
    }

    /// `write` for printable ASCII, one column per byte: most text on screen, drawn without
    /// the grapheme and width work other text needs. Cut at the edge with `…` like `fit`.
    private mutating func writeASCII(
        _ text: String, column start: Int, row: Int, rightEdge: Int, _ style: Style
    ) -> Int {
        let bytes = text.utf8
        let available = rightEdge - start
        let truncated = bytes.count > available
        let shownBytes = truncated ? available - 1 : bytes.count
        var column = start
        for byte in bytes.prefix(shownBytes) {
            if column >= clip.x {
                put(
                    Self.asciiGraphemes[Int(byte) - 0x20], width: 1, style: style, x: column, y: row
                )
            }
            column += 1
        }
        if truncated, column >= clip.x {
            put("…", width: 1, style: style, x: column, y: row)
            column += 1
        }
        return column - start
    }

    /// Each printable ASCII character as a string, made once rather than once per cell drawn.
    private static let asciiGraphemes: [String] = (0x20..<0x7F).map {
        String(Character(Unicode.Scalar(UInt8($0))))
    }

    /// Draws `text` padded or truncated to exactly `width` columns, aligned within them.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int, width: Int, alignment: TextAlignment, style: Style = .body
    ) -> Int {
        let sanitized = TerminalText.sanitize(text)
        return write(
            TextLayout.fit(sanitized, width: width, alignment: alignment), x: x, y: y, style: style,
            maxWidth: width)
    }

    // MARK: Areas

    /// Fills `rect` with `character` (a single-column character; anything else becomes a space).
    public mutating func fill(_ rect: Rect, style: Style, character: Character = " ") {
        let shown = TerminalText.sanitize(String(character))
        let grapheme = DisplayWidth.of(shown) == 1 && shown.count == 1 ? shown : " "
        let area = absolute(rect).intersection(clip)
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX {
                put(grapheme, width: 1, style: style, x: column, y: row)
            }
        }
    }

    /// Fills the whole current region.
    public mutating func fill(style: Style) {
        fill(bounds, style: style)
    }

    /// Changes the style of the cells in `rect` and keeps their characters (e.g. a selection bar
    /// over text already drawn).
    public mutating func restyle(_ rect: Rect, style: Style) {
        let area = absolute(rect).intersection(clip)
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX {
                let index = row * size.width + column
                let old = cells[index]
                cells[index] = Cell(grapheme: old.grapheme, width: old.width, style: style)
            }
        }
    }

    /// Draws a frame around the edge of `rect` with line-drawing characters.
    ///
    /// A `title` is set into the top edge (`┌─ Title ───┐`), truncated to fit, in `titleStyle`
    /// (the frame's style when `nil`).
    public mutating func box(
        _ rect: Rect, style: Style, lines: BoxLines = .single, title: String? = nil,
        titleStyle: Style? = nil
    ) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        defer {
            if let title, !title.isEmpty, rect.width > 6 {
                let shown = TextLayout.truncate(
                    TerminalText.sanitize(title), toWidth: rect.width - 6)
                write(" \(shown) ", x: rect.x + 2, y: rect.y, style: titleStyle ?? style)
            }
        }
        let glyphs = lines.glyphs
        horizontalLine(x: rect.x + 1, y: rect.y, length: rect.width - 2, style: style, lines: lines)
        horizontalLine(
            x: rect.x + 1, y: rect.maxY - 1, length: rect.width - 2, style: style, lines: lines)
        verticalLine(x: rect.x, y: rect.y + 1, length: rect.height - 2, style: style, lines: lines)
        verticalLine(
            x: rect.maxX - 1, y: rect.y + 1, length: rect.height - 2, style: style, lines: lines)
        putLocal(glyphs.topLeft, x: rect.x, y: rect.y, style: style)
        putLocal(glyphs.topRight, x: rect.maxX - 1, y: rect.y, style: style)
        putLocal(glyphs.bottomLeft, x: rect.x, y: rect.maxY - 1, style: style)
        putLocal(glyphs.bottomRight, x: rect.maxX - 1, y: rect.maxY - 1, style: style)
    }

    public mutating func horizontalLine(
        x: Int, y: Int, length: Int, style: Style, lines: BoxLines = .single
    ) {
        guard length > 0 else { return }
        for column in x..<(x + length) {
            putLocal(lines.glyphs.horizontal, x: column, y: y, style: style)
        }
    }

    public mutating func verticalLine(
        x: Int, y: Int, length: Int, style: Style, lines: BoxLines = .single
    ) {
        guard length > 0 else { return }
        for row in y..<(y + length) {
            putLocal(lines.glyphs.vertical, x: x, y: row, style: style)
        }
    }

    // MARK: Reading back

    /// Every row as drawn, full width (continuation cells add nothing: the wide grapheme before
    /// them already takes two columns).
    public func rows() -> [String] {
        (0..<size.height).map { row in
            var line = ""
            for column in 0..<size.width {
                line += cells[row * size.width + column].grapheme
            }
            return line
        }
    }

    /// The canvas as plain text for snapshots: rows joined by newlines, trailing spaces removed.
    public func text() -> String {
        rows().map(Self.trimmingTrailingSpaces).joined(separator: "\n")
    }

    /// The canvas with styles in a readable escaped form, e.g. `{gauge.warn}████{/}`.
    ///
    /// Text in the `body` style has no markers; any other style opens with `{role+attributes}`
    /// and is closed by `{/}` or the next marker. A literal `{` is written `{{`. Trailing spaces
    /// in `body` are removed.
    public func styledText() -> String {
        var lines: [String] = []
        for row in 0..<size.height {
            var line = ""
            var current = Style.body
            for column in 0..<size.width {
                let cell = cells[row * size.width + column]
                if cell.isContinuation {
                    continue
                }
                if cell.style != current {
                    if cell.style == .body {
                        line += "{/}"
                    } else {
                        line += "{\(cell.style.snapshotName)}"
                    }
                    current = cell.style
                }
                line += cell.grapheme.replacingOccurrences(of: "{", with: "{{")
            }
            if current != .body {
                line += "{/}"
            } else {
                line = Self.trimmingTrailingSpaces(line)
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Cell placement

    private func absolute(_ rect: Rect) -> Rect {
        Rect(x: originX + rect.x, y: originY + rect.y, width: rect.width, height: rect.height)
    }

    /// Puts a known-safe single-column glyph at region coordinates, clipped.
    private mutating func putLocal(_ glyph: String, x: Int, y: Int, style: Style) {
        let column = originX + x
        let row = originY + y
        guard clip.contains(x: column, y: row) else { return }
        put(glyph, width: 1, style: style, x: column, y: row)
    }

    /// Puts one grapheme at absolute coordinates inside the clip, repairing any wide character
    /// it overwrites half of, so no orphan half is ever left behind.
    private mutating func put(_ grapheme: String, width: Int, style: Style, x: Int, y: Int) {
        var grapheme = grapheme
        var width = width
        if width == 2, x + 1 >= clip.maxX {
            grapheme = " "
            width = 1
        }
        let rowStart = y * size.width
        let existing = cells[rowStart + x]
        if existing.isContinuation, x > 0 {
            let head = cells[rowStart + x - 1]
            cells[rowStart + x - 1] = .blank(head.style)
        }
        if existing.width == 2, width == 1, x + 1 < size.width {
            cells[rowStart + x + 1] = .blank(existing.style)
        }
        cells[rowStart + x] = Cell(grapheme: grapheme, width: width, style: style)
        if width == 2 {
            let next = cells[rowStart + x + 1]
            if next.width == 2, x + 2 < size.width {
                cells[rowStart + x + 2] = .blank(next.style)
            }
            cells[rowStart + x + 1] = .continuation(style)
        }
    }

    private static func trimmingTrailingSpaces(_ line: String) -> String {
        var result = Substring(line)
        while result.last == " " {
            result = result.dropLast()
        }
        return String(result)
    }
}

extension Canvas: Equatable {
    /// Two canvases are equal when they would look the same; the drawing region does not count.
    public static func == (lhs: Canvas, rhs: Canvas) -> Bool {
        lhs.size == rhs.size && lhs.cells == rhs.cells
    }
}
