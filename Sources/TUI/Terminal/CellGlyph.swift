/// The code points ncurses is given for a cell, agreeing with the C library on widths.
///
/// `Canvas` measures widths in Swift; ncurses and the terminal use the C library's `wcwidth`.
/// Where they disagree the row would shift, so this picks what to send: a two-column emoji whose
/// base the C library calls narrow loses its VS16 and is followed by a space; a character the C
/// library cannot print becomes `�`. Without a UTF-8 locale everything becomes ASCII.
enum CellGlyph {
    /// Most code points one `cchar_t` holds (ncurses' `CCHARW_MAX`).
    static let maximumScalars = 5

    /// What to write for `cell`: the code points, and what to write in the next column (the
    /// cell's continuation) when the terminal will advance only one: a space, or the second half
    /// of a flag.
    struct Plan: Equatable {
        var scalars: [UInt32]
        var continuation: UInt32?

        init(scalars: [UInt32], continuation: UInt32? = nil) {
            self.scalars = scalars
            self.continuation = continuation
        }
    }

    /// The plan for `cell`; `nil` for a continuation cell, which its wide neighbour covers.
    /// `systemWidth` is the C library's `wcwidth` in the terminal's locale.
    static func plan(for cell: Cell, unicode: Bool, systemWidth: (UInt32) -> Int) -> Plan? {
        if cell.isContinuation {
            return nil
        }
        if !unicode {
            return Plan(
                scalars: [asciiFallback(for: cell.grapheme)],
                continuation: space(if: cell.width == 2))
        }
        var scalars = cell.grapheme.unicodeScalars.map(\.value)
        guard let base = scalars.first else {
            return Plan(scalars: [0x20])
        }
        if scalars.count > maximumScalars {
            scalars = [base]
        }
        let baseWidth = systemWidth(base)
        if baseWidth < 0 || (baseWidth == 2 && cell.width == 1) {
            return Plan(scalars: [0xFFFD], continuation: space(if: cell.width == 2))
        }
        if cell.width == 2, baseWidth < 2 {
            let flagHalves = scalars.filter { (0x1F1E6...0x1F1FF).contains($0) }
            if flagHalves.count == 2 {
                // Terminals that pair regional indicators show the flag; others show two letters.
                return Plan(scalars: [flagHalves[0]], continuation: flagHalves[1])
            }
            return Plan(scalars: [base], continuation: 0x20)
        }
        return Plan(scalars: scalars)
    }

    private static func space(if condition: Bool) -> UInt32? {
        condition ? 0x20 : nil
    }

    /// A printable ASCII stand-in for text drawn without a UTF-8 locale.
    static func asciiFallback(for grapheme: String) -> UInt32 {
        guard let first = grapheme.unicodeScalars.first else { return 0x20 }
        if first.value >= 0x20, first.value < 0x7F {
            return first.value
        }
        let substitutes: [Character: Character] = [
            "─": "-", "━": "-", "═": "=", "│": "|", "┃": "|", "║": "|", "┌": "+", "┐": "+",
            "└": "+", "┘": "+", "╭": "+", "╮": "+", "╰": "+", "╯": "+", "┏": "+", "┓": "+",
            "┗": "+", "┛": "+", "╔": "+", "╗": "+", "╚": "+", "╝": "+", "…": "~", "█": "#",
            "▉": "#", "▊": "#", "▋": "#", "▌": "#", "▍": "#", "▎": "#", "▏": "#", "░": ".",
            "▲": "^", "▼": "v", "↑": "^", "↓": "v", "←": "<", "→": ">", "●": "*", "◉": "*",
            "○": "o", "•": "*", "✖": "x", "ℹ": "i", "·": ".", "—": "-", "–": "-", "◌": " ",
        ]
        if let substitute = substitutes[Character(first)],
            let value = substitute.unicodeScalars.first
        {
            return value.value
        }
        return 0x3F
    }
}
