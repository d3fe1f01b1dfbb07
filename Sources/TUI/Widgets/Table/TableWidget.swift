/// Draws a table: a header with a sort indicator, the visible rows, the selection and a
/// scroll bar when the list is longer than the screen.
public enum TableWidget {
    /// Draws `table` into `rect`. Row 0 of `rect` is the header; rows below show `table.rows`.
    public static func draw(_ table: TableModel, in rect: Rect, on canvas: inout Canvas) {
        guard !rect.isEmpty else { return }
        canvas.within(rect) { region in
            let visibleRows = TableLayout.visibleRowCount(tableHeight: rect.height)
            let scrolls = table.totalRowCount > visibleRows && visibleRows > 0
            let contentWidth = scrolls ? rect.width - 1 : rect.width
            let widths = TableLayout.columnWidths(table.columns, totalWidth: contentWidth)
            drawHeader(table, widths: widths, width: rect.width, on: &region)
            if table.totalRowCount == 0 || table.rows.isEmpty {
                drawEmptyMessage(
                    table.emptyMessage,
                    in: Rect(x: 0, y: 1, width: rect.width, height: visibleRows),
                    on: &region)
                return
            }
            for (offset, row) in table.rows.prefix(visibleRows).enumerated() {
                let isSelected = table.selectedIndex == table.firstRowIndex + offset
                drawRow(
                    row, y: 1 + offset, widths: widths, columns: table.columns,
                    width: contentWidth, isSelected: isSelected, on: &region)
            }
            if scrolls {
                drawScrollBar(
                    x: rect.width - 1, top: 1, height: visibleRows, first: table.firstRowIndex,
                    total: table.totalRowCount, on: &region)
            }
        }
    }

    private static func drawHeader(
        _ table: TableModel, widths: [Int], width: Int, on canvas: inout Canvas
    ) {
        canvas.fill(Rect(x: 0, y: 0, width: width, height: 1), style: Style(.header))
        var x = 0
        for (index, column) in table.columns.enumerated() where index < widths.count {
            let columnWidth = widths[index]
            guard columnWidth > 0 else { continue }
            var title = column.title
            var style = Style(.header)
            if let sort = table.sort, sort.column == index {
                let indicator = " " + sort.direction.indicator
                title = TextLayout.truncate(title, toWidth: columnWidth - 2) + indicator
                style = Style(.headerSorted)
            }
            canvas.write(
                title, x: x, y: 0, width: columnWidth, alignment: column.alignment, style: style)
            x += columnWidth + TableLayout.columnGap
        }
    }

    private static func drawRow(
        _ row: TableRow, y: Int, widths: [Int], columns: [TableColumn], width: Int,
        isSelected: Bool, on canvas: inout Canvas
    ) {
        let rowStyle = isSelected ? Style(.selection) : (row.style ?? .body)
        canvas.fill(Rect(x: 0, y: y, width: width, height: 1), style: rowStyle)
        var x = 0
        for (index, columnWidth) in widths.enumerated() {
            guard columnWidth > 0 else { continue }
            let cell = index < row.cells.count ? row.cells[index] : TableCell("")
            let style: Style
            if isSelected || row.style != nil {
                style = rowStyle
            } else {
                style = cell.style ?? .body
            }
            canvas.write(
                cell.text, x: x, y: y, width: columnWidth, alignment: columns[index].alignment,
                style: style)
            x += columnWidth + TableLayout.columnGap
        }
    }

    private static func drawEmptyMessage(_ message: String, in rect: Rect, on canvas: inout Canvas)
    {
        guard rect.height > 0 else { return }
        let lines = TextLayout.wrap(TerminalText.sanitize(message), width: max(1, rect.width - 2))
        let top = rect.y + min(1, rect.height - 1)
        for (index, line) in lines.enumerated() where top + index < rect.maxY {
            canvas.write(
                line, x: 0, y: top + index, width: rect.width, alignment: .center,
                style: Style(.dim))
        }
    }

    /// A proportional thumb on a track, so the reader sees how much of the list is above/below.
    private static func drawScrollBar(
        x: Int, top: Int, height: Int, first: Int, total: Int, on canvas: inout Canvas
    ) {
        guard height > 0, total > height else { return }
        let thumbHeight = max(1, height * height / total)
        let maxFirst = total - height
        let thumbTop =
            maxFirst == 0
            ? 0
            : min(height - thumbHeight, min(first, maxFirst) * (height - thumbHeight) / maxFirst)
        for row in 0..<height {
            let inThumb = row >= thumbTop && row < thumbTop + thumbHeight
            canvas.write(
                inThumb ? "┃" : "│", x: x, y: top + row, style: inThumb ? Style(.body) : Style(.dim)
            )
        }
    }
}
