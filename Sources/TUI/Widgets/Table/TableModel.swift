/// How wide a table column is.
public enum ColumnWidth: Sendable, Hashable {
    /// Exactly this many columns.
    case fixed(Int)
    /// A share (`weight`) of the space left after fixed columns, never less than `min`.
    case flex(weight: Int = 1, min: Int = 4)
}

/// Which way a sorted column runs.
public enum SortDirection: Sendable, Hashable {
    case ascending
    case descending

    /// `▲` for ascending, `▼` for descending, shown after the column title.
    public var indicator: String {
        switch self {
        case .ascending: return "▲"
        case .descending: return "▼"
        }
    }
}

/// The column a table is sorted by.
public struct TableSort: Sendable, Hashable {
    /// Index into the table's columns.
    public var column: Int
    public var direction: SortDirection

    public init(column: Int, direction: SortDirection = .ascending) {
        self.column = column
        self.direction = direction
    }
}

/// A column of a table: heading, width rule and alignment.
public struct TableColumn: Sendable, Hashable {
    public var title: String
    public var width: ColumnWidth
    public var alignment: TextAlignment

    public init(_ title: String, width: ColumnWidth = .flex(), alignment: TextAlignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// One cell's text, with an optional style (e.g. a health colour) used when not selected.
public struct TableCell: Sendable, Hashable, ExpressibleByStringInterpolation {
    public var text: String
    public var style: Style?

    public init(_ text: String, style: Style? = nil) {
        self.text = text
        self.style = style
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }
}

/// One row; `style` (e.g. `.disabled` for an inactive member) applies to cells without their own.
public struct TableRow: Sendable, Hashable {
    public var cells: [TableCell]
    public var style: Style?

    public init(_ cells: [TableCell], style: Style? = nil) {
        self.cells = cells
        self.style = style
    }
}

/// What a table shows: only the rows in view, plus where they sit in the whole list.
///
/// The widget never needs every row: the view-model passes the visible window (`rows`, starting
/// at `firstRowIndex`) and `totalRowCount`, so a list of 100,000 members costs what a screenful
/// costs. `TableScroll` picks the window.
public struct TableModel: Sendable, Hashable {
    public var columns: [TableColumn]
    /// The rows to draw, starting with row `firstRowIndex` of the full list.
    public var rows: [TableRow]
    /// Rows in the full (filtered) list.
    public var totalRowCount: Int
    /// Index in the full list of `rows[0]`.
    public var firstRowIndex: Int
    /// Index in the full list of the selected row, if any.
    public var selectedIndex: Int?
    /// The sorted column and its direction, shown as ▲/▼ after that column's title.
    public var sort: TableSort?
    /// Shown instead of rows when the list is empty ("No members match “bob”").
    public var emptyMessage: String

    public init(
        columns: [TableColumn], rows: [TableRow], totalRowCount: Int? = nil, firstRowIndex: Int = 0,
        selectedIndex: Int? = nil, sort: TableSort? = nil,
        emptyMessage: String = "Nothing to show"
    ) {
        self.columns = columns
        self.rows = rows
        self.totalRowCount = totalRowCount ?? rows.count
        self.firstRowIndex = firstRowIndex
        self.selectedIndex = selectedIndex
        self.emptyMessage = emptyMessage
        self.sort = sort
    }
}
