/// How close a usage is to its limit; decides the gauge's colour and its word.
public enum GaugeLevel: Sendable, Hashable, CaseIterable {
    /// Below 80%.
    case ok
    /// From 80% up to the limit: "approaching limit".
    case warn
    /// At or above the limit.
    case critical
    /// No limit (enterprise plans).
    case unlimited

    /// The level of `used` against `limit` (`nil` meaning no limit).
    public init(used: Int, limit: Int?) {
        guard let limit else {
            self = .unlimited
            return
        }
        if used >= limit {
            self = .critical
        } else if used * 10 >= limit * 8 {
            self = .warn
        } else {
            self = .ok
        }
    }

    /// The role the filled part of the bar is drawn with.
    public var role: StyleRole {
        switch self {
        case .ok, .unlimited: return .gaugeOK
        case .warn: return .gaugeWarn
        case .critical: return .gaugeCritical
        }
    }
}

/// A usage against a limit: traces this cycle, seats, API keys, integrations.
public struct GaugeModel: Sendable, Hashable {
    /// Shown before the bar ("Traces", "Seats"); empty for none.
    public var label: String
    public var used: Int
    /// `nil` for unlimited.
    public var limit: Int?
    /// What is counted, after the numbers ("traces"); empty for none.
    public var unit: String

    public init(label: String = "", used: Int, limit: Int?, unit: String = "") {
        self.label = label
        self.used = used
        self.limit = limit
        self.unit = unit
    }

    public var level: GaugeLevel { GaugeLevel(used: used, limit: limit) }

    /// `650,000 / 1,000,000 traces (65%)`, `1,234 traces (unlimited)`.
    public var amountText: String {
        let unitSuffix = unit.isEmpty ? "" : " " + unit
        guard let limit else {
            return NumberText.grouped(used) + unitSuffix + " (unlimited)"
        }
        var text = NumberText.grouped(used) + " / " + NumberText.grouped(limit) + unitSuffix
        if let percent = NumberText.percent(used, of: limit) {
            text += " (\(percent))"
        }
        return text
    }

    /// The state in words, so the gauge reads without colour: `approaching limit` from 80%,
    /// `exceeded` from 100% (issue 4: red "exceeded" at 100%+), or empty below 80%.
    public var statusText: String {
        switch level {
        case .ok, .unlimited:
            return ""
        case .warn:
            return "approaching limit"
        case .critical:
            return limit == nil ? "" : "exceeded"
        }
    }

    /// The bar's filled fraction, 0...1 (full when over the limit, empty when unlimited).
    public var fraction: Double {
        guard let limit else { return 0 }
        guard limit > 0 else { return used > 0 ? 1 : 0 }
        return min(1, max(0, Double(used) / Double(limit)))
    }
}

/// Draws usage gauges: a bar coloured by level with the numbers and state always beside it.
public enum GaugeWidget {
    /// Columns kept for the numbers beside a full-width bar, so stacked bars line up; fits
    /// `1,300,000 / 1,000,000 traces (130%)`.
    public static let reservedTextWidth = 36
    /// Width of the bar in the compact form.
    public static let compactBarWidth = 12
    /// Eighth blocks, so a bar shows usage more finely than whole cells.
    private static let partialBlocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The full form. With two or more rows and a label: the label on the first row with the
    /// state ("approaching limit") right-aligned, then the bar and `650,000 / 1,000,000 traces
    /// (65%)`. With one row: the bar, then the numbers and the state. Too narrow for a bar beside
    /// the text: the text goes under the bar, or stands alone.
    public static func draw(_ gauge: GaugeModel, in rect: Rect, on canvas: inout Canvas) {
        guard !rect.isEmpty else { return }
        canvas.within(rect) { region in
            var row = 0
            var text = describe(gauge)
            if !gauge.label.isEmpty, rect.height >= 2 {
                region.write(gauge.label, x: 0, y: 0, style: Style(.title), maxWidth: rect.width)
                let status = gauge.statusText
                let statusWidth = DisplayWidth.of(status)
                let labelWidth = DisplayWidth.of(TerminalText.sanitize(gauge.label))
                if !status.isEmpty, labelWidth + 2 + statusWidth <= rect.width {
                    region.write(status, x: rect.width - statusWidth, y: 0, style: textStyle(gauge))
                    text = gauge.amountText
                }
                row = 1
            }
            let textWidth = min(DisplayWidth.of(text), rect.width)
            // A fixed text column keeps stacked gauges' bars the same length.
            let textColumn = max(textWidth, min(reservedTextWidth, rect.width / 2))
            let barWidth = rect.width - textColumn - 2
            if gauge.limit != nil, barWidth >= 8 {
                drawBar(gauge, x: 0, y: row, width: barWidth, on: &region)
                region.write(
                    text, x: barWidth + 2, y: row, style: textStyle(gauge), maxWidth: textColumn)
            } else if gauge.limit != nil, rect.height - row >= 2 {
                drawBar(gauge, x: 0, y: row, width: rect.width, on: &region)
                region.write(text, x: 0, y: row + 1, style: textStyle(gauge), maxWidth: rect.width)
            } else {
                region.write(text, x: 0, y: row, style: textStyle(gauge), maxWidth: rect.width)
            }
        }
    }

    /// The compact one-row form for small gauges: `label` in `labelWidth` columns, a short bar,
    /// then the numbers and state.
    public static func drawCompact(
        _ gauge: GaugeModel, in rect: Rect, labelWidth: Int = 14, on canvas: inout Canvas
    ) {
        guard !rect.isEmpty else { return }
        canvas.within(rect) { region in
            var x = 0
            if !gauge.label.isEmpty {
                region.write(
                    gauge.label, x: 0, y: 0, width: labelWidth, alignment: .left,
                    style: Style(.label))
                x = labelWidth + 1
            }
            if gauge.limit != nil, rect.width - x >= compactBarWidth + 8 {
                drawBar(gauge, x: x, y: 0, width: compactBarWidth, on: &region)
                x += compactBarWidth + 1
            }
            region.write(
                describe(gauge), x: x, y: 0, style: textStyle(gauge), maxWidth: rect.width - x)
        }
    }

    /// Numbers and state as one string: `850 / 1,000 (85%) approaching limit`.
    public static func describe(_ gauge: GaugeModel) -> String {
        let status = gauge.statusText
        return status.isEmpty ? gauge.amountText : gauge.amountText + " " + status
    }

    /// The filled part in the level's role and the rest as a track.
    public static func drawBar(
        _ gauge: GaugeModel, x: Int, y: Int, width: Int, on canvas: inout Canvas
    ) {
        guard width > 0 else { return }
        let eighths = Int((gauge.fraction * Double(width * 8)).rounded(.down))
        var fullCells = eighths / 8
        var partial = partialBlocks[eighths % 8]
        if gauge.used > 0, eighths == 0 {
            partial = partialBlocks[1]
        }
        if fullCells > width {
            fullCells = width
            partial = ""
        }
        let filled = String(repeating: "█", count: fullCells) + partial
        let filledWidth = DisplayWidth.of(filled)
        canvas.write(filled, x: x, y: y, style: Style(gauge.level.role))
        if filledWidth < width {
            canvas.write(
                String(repeating: "░", count: width - filledWidth), x: x + filledWidth, y: y,
                style: Style(.gaugeTrack))
        }
    }

    /// Warn and critical text take the level's role too, so the state word stands out.
    private static func textStyle(_ gauge: GaugeModel) -> Style {
        switch gauge.level {
        case .ok, .unlimited: return .body
        case .warn, .critical: return Style(gauge.level.role)
        }
    }
}
