import Foundation

/// A colour as a theme names it: the terminal's default, a palette index or an exact RGB value.
public enum ThemeColor: Sendable, Hashable, CustomStringConvertible {
    /// Whatever the terminal uses; keeps the user's own background and foreground.
    case terminalDefault
    /// An index in the terminal's palette: 0-7 the ANSI colours, 8-15 their bright forms,
    /// 16-255 the xterm 256-colour cube and grey ramp.
    case indexed(UInt8)
    /// An exact colour, shown as the nearest palette entry the terminal has.
    case rgb(red: UInt8, green: UInt8, blue: UInt8)

    /// The 16 ANSI colour names accepted in theme files, by palette index.
    public static let ansiNames: [String] = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue",
        "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// Parses a literal colour: `default`, an ANSI name, `#rrggbb`, or an index `0`-`255`.
    ///
    /// Names are case-insensitive and accept `_` or no separator for `-` (`brightRed`,
    /// `bright_red`), and `grey`/`gray` for `bright-black`.
    public init?(literal text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let name = Self.canonicalName(trimmed)
        if name == "default" {
            self = .terminalDefault
            return
        }
        if let index = Self.ansiNames.firstIndex(of: name) {
            self = .indexed(UInt8(index))
            return
        }
        if name == "grey" || name == "gray" {
            self = .indexed(8)
            return
        }
        if trimmed.hasPrefix("#") {
            let hex = trimmed.dropFirst()
            guard hex.count == 6, let value = UInt32(hex, radix: 16) else { return nil }
            self = .rgb(
                red: UInt8((value >> 16) & 0xFF), green: UInt8((value >> 8) & 0xFF),
                blue: UInt8(value & 0xFF))
            return
        }
        if let index = UInt8(trimmed) {
            self = .indexed(index)
            return
        }
        return nil
    }

    /// How the colour is written in a theme file.
    public var description: String {
        switch self {
        case .terminalDefault:
            return "default"
        case .indexed(let index):
            return index < 16 ? Self.ansiNames[Int(index)] : String(index)
        case .rgb(let red, let green, let blue):
            return "#" + [red, green, blue].map(Self.hexByte).joined()
        }
    }

    private static func canonicalName(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if character == "_" {
                result.append("-")
            } else {
                result.append(character)
            }
        }
        if result.hasPrefix("bright"), !result.hasPrefix("bright-") {
            result = "bright-" + result.dropFirst("bright".count)
        }
        return result
    }

    private static func hexByte(_ value: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(value >> 4)], digits[Int(value & 0x0F)]])
    }
}
