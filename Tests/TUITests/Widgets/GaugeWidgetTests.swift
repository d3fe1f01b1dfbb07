import Testing

@testable import TUI

@Suite struct GaugeWidgetTests {
    @Test(arguments: [
        (0, GaugeLevel.ok), (650_000, .ok), (799_999, .ok), (800_000, .warn), (850_000, .warn),
        (999_999, .warn), (1_000_000, .critical), (1_300_000, .critical),
    ])
    func levelThresholds(used: Int, expected: GaugeLevel) {
        #expect(GaugeLevel(used: used, limit: 1_000_000) == expected)
    }

    @Test func unlimitedHasNoThreshold() {
        #expect(GaugeLevel(used: 5_000_000, limit: nil) == .unlimited)
        #expect(
            GaugeModel(used: 12_345, limit: nil, unit: "traces").amountText
                == "12,345 traces (unlimited)"
        )
    }

    @Test func textReadsWithoutColour() {
        let traces = { (used: Int) in
            GaugeWidget.describe(GaugeModel(used: used, limit: 1_000_000, unit: "traces"))
        }
        #expect(traces(650_000) == "650,000 / 1,000,000 traces (65%)")
        #expect(traces(850_000) == "850,000 / 1,000,000 traces (85%) approaching limit")
        #expect(traces(1_000_000) == "1,000,000 / 1,000,000 traces (100%) exceeded")
        #expect(traces(1_300_000) == "1,300,000 / 1,000,000 traces (130%) exceeded")
    }

    private func render(_ used: Int, limit: Int?, width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        let gauge = GaugeModel(label: "Traces this cycle", used: used, limit: limit, unit: "traces")
        GaugeWidget.draw(gauge, in: canvas.bounds, on: &canvas)
        return canvas
    }

    @Test func fullGaugesAt80Columns() {
        var lines: [String] = []
        var styled: [String] = []
        for (used, limit) in [
            (0, 1_000_000), (650_000, 1_000_000), (850_000, 1_000_000), (1_000_000, 1_000_000),
            (1_300_000, 1_000_000), (42_000_000, nil),
        ] as [(Int, Int?)] {
            let canvas = render(used, limit: limit, width: 80, height: 2)
            lines.append(canvas.text())
            styled.append(canvas.styledText())
        }
        var combined = Canvas(width: 80, height: 12)
        for (index, text) in lines.enumerated() {
            for (row, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
                .enumerated()
            {
                combined.write(String(line), x: 0, y: index * 2 + row)
            }
        }
        assertSnapshot(combined, named: "gauge-levels-80")
        Snapshot.check(
            styled.joined(separator: "\n") + "\n", named: "gauge-levels-80-styles",
            sourceLocation: #_sourceLocation)
    }

    @Test func narrowGaugePutsTextUnderTheBar() {
        assertSnapshot(
            render(850_000, limit: 1_000_000, width: 40, height: 3), named: "gauge-warn-40x3",
            styled: true)
    }

    @Test func compactGauges() {
        var canvas = Canvas(width: 60, height: 4)
        let gauges = [
            GaugeModel(label: "Seats", used: 4, limit: 5),
            GaugeModel(label: "API keys", used: 2, limit: 10),
            GaugeModel(label: "Integrations", used: 6, limit: 5),
            GaugeModel(label: "Seats", used: 40, limit: nil),
        ]
        for (row, gauge) in gauges.enumerated() {
            GaugeWidget.drawCompact(
                gauge, in: Rect(x: 0, y: row, width: 60, height: 1), on: &canvas)
        }
        assertSnapshot(canvas, named: "gauge-compact-60x4", styled: true)
    }

    @Test func barUsesEighthBlocks() {
        var canvas = Canvas(width: 10, height: 1)
        GaugeWidget.drawBar(GaugeModel(used: 33, limit: 100), x: 0, y: 0, width: 10, on: &canvas)
        #expect(canvas.text() == "███▎░░░░░░")
        var tiny = Canvas(width: 10, height: 1)
        GaugeWidget.drawBar(GaugeModel(used: 1, limit: 1_000_000), x: 0, y: 0, width: 10, on: &tiny)
        #expect(tiny.text().hasPrefix("▏"))
    }
}
