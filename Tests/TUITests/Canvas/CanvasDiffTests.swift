import Testing

@testable import TUI

@Suite struct CanvasDiffTests {
    @Test func firstFrameIsDrawnInFull() {
        var canvas = Canvas(width: 3, height: 2)
        canvas.write("ab", x: 0, y: 0)
        let runs = CanvasDiff.changes(from: nil, to: canvas)
        #expect(runs.map(\.y) == [0, 1])
        #expect(runs.allSatisfy { $0.x == 0 && $0.cells.count == 3 })
    }

    @Test func identicalFramesChangeNothing() {
        var canvas = Canvas(width: 5, height: 2)
        canvas.write("hello", x: 0, y: 0)
        #expect(CanvasDiff.changes(from: canvas, to: canvas).isEmpty)
    }

    @Test func onlyChangedCellsAreEmitted() {
        var old = Canvas(width: 10, height: 2)
        old.write("status: ok", x: 0, y: 1)
        var new = old
        new.write("no", x: 8, y: 1)
        let runs = CanvasDiff.changes(from: old, to: new)
        #expect(
            runs == [
                CanvasDiff.Run(x: 8, y: 1, cells: [new.cell(x: 8, y: 1), new.cell(x: 9, y: 1)])
            ])
    }

    @Test func styleChangeAloneIsAChange() {
        var old = Canvas(width: 4, height: 1)
        old.write("row", x: 0, y: 0)
        var new = old
        new.restyle(Rect(x: 0, y: 0, width: 4, height: 1), style: Style(.selection))
        let runs = CanvasDiff.changes(from: old, to: new)
        #expect(runs.count == 1)
        #expect(runs.first?.cells.count == 4)
    }

    @Test func runsCoverWholeWideCharacters() {
        var old = Canvas(width: 6, height: 1)
        old.write("日本語", x: 0, y: 0)
        var new = Canvas(width: 6, height: 1)
        new.write("日本人", x: 0, y: 0)
        let runs = CanvasDiff.changes(from: old, to: new)
        #expect(runs.count == 1)
        #expect(runs.first?.x == 4)
        #expect(runs.first?.cells.map(\.width) == [2, 0])
    }

    @Test func resizeRedrawsEverything() {
        let old = Canvas(width: 4, height: 2)
        let new = Canvas(width: 5, height: 2)
        let runs = CanvasDiff.changes(from: old, to: new)
        #expect(runs.reduce(0) { $0 + $1.cells.count } == 10)
    }

    @Test func applyingRunsToOldReproducesNew() {
        var old = Canvas(width: 12, height: 3)
        old.write("Alice  admin", x: 0, y: 0)
        old.write("日本 member", x: 0, y: 1)
        var new = old
        new.write("Bob", x: 0, y: 0)
        new.write("中", x: 1, y: 1)
        new.write("x", x: 11, y: 2)
        var cells: [[Cell]] = (0..<old.height).map { y in
            (0..<old.width).map { old.cell(x: $0, y: y) }
        }
        for run in CanvasDiff.changes(from: old, to: new) {
            for (offset, cell) in run.cells.enumerated() {
                cells[run.y][run.x + offset] = cell
            }
        }
        for y in 0..<new.height {
            for x in 0..<new.width {
                #expect(cells[y][x] == new.cell(x: x, y: y), "cell \(x),\(y)")
            }
        }
    }
}
