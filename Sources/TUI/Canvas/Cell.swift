/// One terminal cell: what to draw there and how.
///
/// A wide character (CJK, emoji) lives in its first cell with `width == 2`; the cell to its right
/// is a continuation with `width == 0` and an empty grapheme, so columns always line up with the
/// terminal's.
public struct Cell: Sendable, Hashable {
    /// The grapheme cluster drawn here; empty for a continuation cell. Always sanitised.
    public let grapheme: String
    /// Columns taken: 1, 2 (a wide character) or 0 (the right half of a wide character).
    public let width: Int
    public let style: Style

    init(grapheme: String, width: Int, style: Style) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    /// An empty cell in `style`.
    public static func blank(_ style: Style = .body) -> Cell {
        Cell(grapheme: " ", width: 1, style: style)
    }

    /// The right half of a wide character.
    static func continuation(_ style: Style) -> Cell {
        Cell(grapheme: "", width: 0, style: style)
    }

    public var isContinuation: Bool { width == 0 }
}
