/// A plain-text table for terminals: columns padded to their widest cell, every cell cleaned
/// of control characters first (text from the database never reaches a terminal raw).
struct TextTable {
    let headers: [String]
    var rows: [[String]] = []

    mutating func add(_ cells: [String]) { rows.append(cells.map(Self.clean)) }

    func rendered() -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1
                    ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        return ([line(headers)] + rows.map(line)).joined(separator: "\n")
    }

    /// Replaces control and format characters (escape sequences, bidi overrides) with U+FFFD.
    static func clean(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    switch scalar.properties.generalCategory {
                    case .control, .format, .lineSeparator, .paragraphSeparator: return "\u{FFFD}"
                    default: return scalar
                    }
                }))
    }
}
