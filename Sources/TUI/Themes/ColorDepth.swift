/// How many colours the terminal can show, and the nearest-colour mapping down to it.
///
/// Themes are written once with hex or 256-colour values; on a 16- or 8-colour terminal (a
/// Linux console, an old `TERM`, `screen`) each colour becomes the nearest one available instead
/// of an unreadable or missing one.
public enum ColorDepth: Sendable, Hashable, CaseIterable {
    /// No colours: attributes only.
    case monochrome
    /// The 8 ANSI colours.
    case ansi8
    /// The 8 ANSI colours and their bright forms.
    case ansi16
    /// The xterm 256-colour palette.
    case indexed256

    /// The depth for a terminal reporting `colors` (ncurses' `COLORS`).
    public init(colorCount colors: Int) {
        switch colors {
        case 256...: self = .indexed256
        case 16...: self = .ansi16
        case 8...: self = .ansi8
        default: self = .monochrome
        }
    }

    /// Number of palette entries usable at this depth.
    public var colorCount: Int {
        switch self {
        case .monochrome: return 0
        case .ansi8: return 8
        case .ansi16: return 16
        case .indexed256: return 256
        }
    }

    /// The closest colour this depth can show; the terminal default stays the default.
    public func nearest(to color: ThemeColor) -> ThemeColor {
        switch color {
        case .terminalDefault:
            return .terminalDefault
        case .indexed(let index):
            switch self {
            case .monochrome:
                return .terminalDefault
            case .ansi8 where (8..<16).contains(index):
                return .indexed(index - 8)
            case .ansi8, .ansi16, .indexed256:
                if Int(index) < colorCount {
                    return color
                }
                return nearestIndex(to: XtermPalette.rgb(of: index))
            }
        case .rgb(let red, let green, let blue):
            if self == .monochrome {
                return .terminalDefault
            }
            return nearestIndex(to: (red, green, blue))
        }
    }

    /// Nearest palette entry by a perceptual ("redmean") distance. At 256 colours only the
    /// cube and grey ramp (16-255) are candidates, because users often redefine 0-15.
    private func nearestIndex(to target: (UInt8, UInt8, UInt8)) -> ThemeColor {
        let candidates: Range<Int>
        switch self {
        case .monochrome: return .terminalDefault
        case .ansi8: candidates = 0..<8
        case .ansi16: candidates = 0..<16
        case .indexed256: candidates = 16..<256
        }
        var best = candidates.lowerBound
        var bestDistance = Int.max
        for index in candidates {
            let distance = Self.distance(target, XtermPalette.rgb(of: UInt8(index)))
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return .indexed(UInt8(best))
    }

    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let meanRed = (Int(a.0) + Int(b.0)) / 2
        let red = Int(a.0) - Int(b.0)
        let green = Int(a.1) - Int(b.1)
        let blue = Int(a.2) - Int(b.2)
        return ((512 + meanRed) * red * red) / 256 + 4 * green * green
            + ((767 - meanRed) * blue * blue) / 256
    }
}

/// The RGB values xterm uses for its 256 palette entries.
enum XtermPalette {
    private static let ansi: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
        (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    private static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    static func rgb(of index: UInt8) -> (UInt8, UInt8, UInt8) {
        let value = Int(index)
        if value < 16 {
            return ansi[value]
        }
        if value < 232 {
            let cube = value - 16
            return (cubeLevels[cube / 36], cubeLevels[(cube / 6) % 6], cubeLevels[cube % 6])
        }
        let grey = UInt8(8 + (value - 232) * 10)
        return (grey, grey, grey)
    }
}
