import Testing

@testable import TUI

@Suite struct TableWidgetTests {
    private let columns = [
        TableColumn("Name", width: .flex(weight: 2, min: 8)),
        TableColumn("Email", width: .flex(weight: 3, min: 10)),
        TableColumn("Role", width: .fixed(7)),
        TableColumn("Last active", width: .fixed(11), alignment: .right),
    ]

    private var members: [TableRow] {
        [
            TableRow(["Olivia Owner", "demo@example.com", "owner", "4m ago"]),
            TableRow(["Adam Admin", "admin@example.com", "admin", "2h ago"]),
            TableRow(["山田太郎", "taro@example.jp", "member", "3d ago"]),
            TableRow(["Zoë 🎉 Party", "zoe@example.com", "viewer", "just now"]),
            TableRow([
                "Mallory\u{1B}[2J\u{1B}]52;c;ZXZpbA==\u{07}", "evil\u{202E}moc.liame@x", "member",
                "1mo ago",
            ]),
            TableRow(
                ["Former Member", "former@example.com", "member", "1y ago"], style: Style(.disabled)
            ),
        ]
    }

    private func render(_ table: TableModel, width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        TableWidget.draw(table, in: canvas.bounds, on: &canvas)
        return canvas
    }

    @Test func membersAt80Columns() {
        let table = TableModel(
            columns: columns, rows: members, selectedIndex: 1, sort: TableSort(column: 0))
        assertSnapshot(
            render(table, width: 80, height: 8), named: "table-members-80x8", styled: true)
    }

    @Test func membersAt50ColumnsTruncateButStayAligned() {
        let table = TableModel(
            columns: columns, rows: members, selectedIndex: 2,
            sort: TableSort(column: 3, direction: .descending))
        let canvas = render(table, width: 50, height: 8)
        assertSnapshot(canvas, named: "table-members-50x8")
        // Every row's Role column starts at the same column whatever the name's width.
        let rows = canvas.rows()
        let widths = TableLayout.columnWidths(columns, totalWidth: 50)
        let roleX = widths[0] + widths[1] + 2
        for y in 1...members.count {
            let cell = canvas.cell(x: roleX, y: y)
            #expect(["o", "a", "m", "v"].contains(cell.grapheme), "row \(y): \(rows[y])")
        }
    }

    @Test func hostileNamesCannotEscape() {
        let table = TableModel(columns: columns, rows: members)
        let canvas = render(table, width: 100, height: 8)
        let text = canvas.text()
        #expect(
            !text.unicodeScalars.contains {
                $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E
            })
        #expect(text.contains("Mallory␛[2J␛]52;c;"))
    }

    @Test func onlyTheVisibleWindowIsDrawn() {
        let window = (40..<45).map { index in
            TableRow(["user\(index)", "u\(index)@example.com", "member", "\(index)m ago"])
        }
        let table = TableModel(
            columns: columns, rows: window, totalRowCount: 1_000, firstRowIndex: 40,
            selectedIndex: 42)
        let canvas = render(table, width: 70, height: 6)
        assertSnapshot(canvas, named: "table-scrolled-70x6", styled: true)
        #expect(canvas.text().contains("user40"))
        #expect(!canvas.text().contains("user45"))
    }

    @Test func emptyStateMessage() {
        let table = TableModel(columns: columns, rows: [], emptyMessage: "No members match “bob”")
        assertSnapshot(render(table, width: 60, height: 5), named: "table-empty-60x5")
    }

    @Test func columnWidthsFillTheSpace() {
        let widths = TableLayout.columnWidths(columns, totalWidth: 80)
        #expect(widths.reduce(0, +) + 3 == 80)
        #expect(widths[2] == 7 && widths[3] == 11)
        #expect(widths[1] > widths[0])
    }

    @Test func narrowTablesDropRightColumns() {
        let widths = TableLayout.columnWidths(columns, totalWidth: 20)
        #expect(widths[0] == 8)
        #expect(widths[1] == 10)
        #expect(widths[2] == 0 && widths[3] == 0)
    }

    @Test func scrollOffsetKeepsSelectionVisible() {
        #expect(
            TableLayout.scrollOffset(selected: 0, currentOffset: 0, visibleRows: 10, totalRows: 100)
                == 0)
        #expect(
            TableLayout.scrollOffset(
                selected: 10, currentOffset: 0, visibleRows: 10, totalRows: 100) == 1
        )
        #expect(
            TableLayout.scrollOffset(
                selected: 5, currentOffset: 20, visibleRows: 10, totalRows: 100) == 5
        )
        #expect(
            TableLayout.scrollOffset(
                selected: 99, currentOffset: 0, visibleRows: 10, totalRows: 100)
                == 90)
        #expect(
            TableLayout.scrollOffset(selected: 3, currentOffset: 50, visibleRows: 10, totalRows: 5)
                == 0)
        #expect(
            TableLayout.scrollOffset(
                selected: nil, currentOffset: 95, visibleRows: 10, totalRows: 100)
                == 90)
    }
}
