import TUI

/// A plain-text table for terminals: every cell cleaned by the same sanitiser the console
/// uses (text from the database never reaches a terminal raw) and padded by display width,
/// so CJK names and emoji keep the columns aligned.
struct TextTable {
    let headers: [String]
    var rows: [[String]] = []

    mutating func add(_ cells: [String]) { rows.append(cells.map(TerminalText.sanitize)) }

    /// The lines of the table; each is sanitised once more on its way into `PrintableText`,
    /// which changes nothing in text already clean.
    func rendered() -> PrintableText {
        var widths = headers.map { DisplayWidth.of($0) }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        func line(_ cells: [String]) -> PrintableText {
            .untrusted(
                cells.enumerated().map { index, cell in
                    index == cells.count - 1
                        ? cell : TextLayout.fit(cell, width: widths[index], alignment: .left)
                }.joined(separator: "  "))
        }
        return .joined(lines: [line(headers)] + rows.map(line))
    }
}
