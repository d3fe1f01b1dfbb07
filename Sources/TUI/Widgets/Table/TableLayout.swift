/// Column widths and the scroll window of a table, as pure arithmetic.
public enum TableLayout {
    /// Blank columns between two table columns.
    public static let columnGap = 1

    /// Widths for `columns` in `totalWidth` cells (gaps included in the total).
    ///
    /// Fixed columns get their width; flex columns share what is left by weight, never below
    /// their minimum. When even that does not fit, columns on the right are cut short and then
    /// dropped (width 0), so the leftmost, most important columns stay readable.
    public static func columnWidths(_ columns: [TableColumn], totalWidth: Int) -> [Int] {
        guard !columns.isEmpty else { return [] }
        let available = max(0, totalWidth - columnGap * (columns.count - 1))
        var widths = columns.map { column -> Int in
            switch column.width {
            case .fixed(let width): return max(0, width)
            case .flex(_, let minimum): return max(0, minimum)
            }
        }
        let flexColumns = columns.indices.compactMap { index -> (Int, Int)? in
            if case .flex(let weight, _) = columns[index].width {
                return (index, max(1, weight))
            }
            return nil
        }
        var spare = available - widths.reduce(0, +)
        if spare > 0, !flexColumns.isEmpty {
            let totalWeight = flexColumns.reduce(0) { $0 + $1.1 }
            var given = 0
            for (index, weight) in flexColumns {
                let share = spare * weight / totalWeight
                widths[index] += share
                given += share
            }
            spare -= given
            var next = flexColumns.count - 1
            while spare > 0 {
                widths[flexColumns[next].0] += 1
                spare -= 1
                next = next == 0 ? flexColumns.count - 1 : next - 1
            }
        }
        var left = totalWidth
        for index in widths.indices {
            let gap = index == 0 ? 0 : columnGap
            let room = max(0, left - gap)
            widths[index] = min(widths[index], room)
            left -= widths[index] == 0 ? 0 : widths[index] + gap
        }
        return widths
    }

    /// Data rows that fit in a table of `height` (one row is the header).
    public static func visibleRowCount(tableHeight height: Int) -> Int {
        max(0, height - 1)
    }

    /// The first row to show so `selected` stays in view, moving the window as little as possible
    /// from `currentOffset` (like a pager, not re-centring on every key).
    public static func scrollOffset(
        selected: Int?, currentOffset: Int, visibleRows: Int, totalRows: Int
    ) -> Int {
        guard visibleRows > 0, totalRows > visibleRows else { return 0 }
        var offset = min(max(0, currentOffset), totalRows - visibleRows)
        if let selected {
            let clamped = min(max(0, selected), totalRows - 1)
            if clamped < offset {
                offset = clamped
            } else if clamped >= offset + visibleRows {
                offset = clamped - visibleRows + 1
            }
        }
        return offset
    }
}
