/// Which cells changed between two frames, so the backend writes only those.
///
/// Over SSH every byte counts: redrawing only changed cells keeps typing and scrolling smooth
/// and avoids flicker. The diff is pure so it can be tested without a terminal.
public enum CanvasDiff {
    /// A run of cells to write on one row, starting at `x`. Continuation cells are included so
    /// a run always starts on a whole character and covers both halves of every wide one.
    public struct Run: Sendable, Hashable {
        public let x: Int
        public let y: Int
        public let cells: [Cell]
    }

    /// The runs that turn `old` into `new`; every cell of `new` when `old` is `nil` or of
    /// another size (a first frame, or the frame after a resize).
    public static func changes(from old: Canvas?, to new: Canvas) -> [Run] {
        let full = old.map { $0.size != new.size } ?? true
        var runs: [Run] = []
        for y in 0..<new.height {
            var x = 0
            while x < new.width {
                guard full || differs(old, new, x: x, y: y) else {
                    x += 1
                    continue
                }
                var start = x
                while start > 0, new.cell(x: start, y: y).isContinuation {
                    start -= 1
                }
                var end = x
                while end < new.width, full || differs(old, new, x: end, y: y) {
                    end += 1
                }
                while end < new.width, new.cell(x: end, y: y).isContinuation {
                    end += 1
                }
                if let last = runs.last, last.y == y, last.x + last.cells.count > start {
                    start = last.x + last.cells.count
                }
                let cells = (start..<end).map { new.cell(x: $0, y: y) }
                if !cells.isEmpty {
                    runs.append(Run(x: start, y: y, cells: cells))
                }
                x = end
            }
        }
        return runs
    }

    private static func differs(_ old: Canvas?, _ new: Canvas, x: Int, y: Int) -> Bool {
        guard let old else { return true }
        return old.cell(x: x, y: y) != new.cell(x: x, y: y)
    }
}
