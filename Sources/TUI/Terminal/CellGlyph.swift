/// The code points ncurses is given for a cell, agreeing with the C library on widths.
///
/// `Canvas` measures widths in Swift; ncurses and the terminal use the C library's `wcwidth`.
/// Where they disagree the row would shift, so this picks what to send: a two-column emoji whose
/// base the C library calls narrow loses its VS16 and is followed by a space; a character the C
/// library cannot print becomes `�`. Without a UTF-8 locale everything becomes ASCII.
enum CellGlyph {
  /// Most code points one `cchar_t` holds (ncurses' `CCHARW_MAX`).
  static let maximumScalars = 5

  /// What to write for `cell`: the code points, and whether to write a space in the next
  /// column (the cell's continuation) because the terminal will advance only one.
  struct Plan: Equatable {
    var scalars: [UInt32]
    var padsContinuation: Bool
  }

  /// The plan for `cell`; `nil` for a continuation cell, which its wide neighbour covers.
  /// `systemWidth` is the C library's `wcwidth` in the terminal's locale.
  static func plan(for cell: Cell, unicode: Bool, systemWidth: (UInt32) -> Int) -> Plan? {
    if cell.isContinuation {
      return nil
    }
    if !unicode {
      return Plan(scalars: [asciiFallback(for: cell.grapheme)], padsContinuation: cell.width == 2)
    }
    var scalars = cell.grapheme.unicodeScalars.map(\.value)
    guard let base = scalars.first else {
      return Plan(scalars: [0x20], padsContinuation: false)
    }
    if scalars.count > maximumScalars {
      scalars = [base]
    }
    let baseWidth = systemWidth(base)
    if baseWidth < 0 || (baseWidth == 2 && cell.width == 1) {
      return Plan(scalars: [0xFFFD], padsContinuation: cell.width == 2)
    }
    if cell.width == 2, baseWidth < 2 {
      scalars.removeAll { $0 == 0xFE0F || $0 == 0x200D }
      return Plan(scalars: [scalars.first ?? base], padsContinuation: true)
    }
    return Plan(scalars: scalars, padsContinuation: false)
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
    if let substitute = substitutes[Character(first)], let value = substitute.unicodeScalars.first {
      return value.value
    }
    return 0x3F
  }
}
