/// Assigns ncurses colour-pair numbers to (foreground, background) combinations on first use.
///
/// ncurses draws colours only through numbered pairs, and terminals have a limited number; a
/// theme uses a few dozen, so pairs are created lazily and reused. Pure, so it is testable.
struct ColorPairTable {
    /// A pair's colours as ncurses numbers; -1 is the terminal default.
    struct Colors: Hashable {
        let foreground: Int32
        let background: Int32
    }

    /// Pair numbers available (ncurses' `COLOR_PAIRS`); pair 0 is reserved by ncurses.
    let capacity: Int
    private(set) var numbers: [Colors: Int32] = [:]

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The pair for `colors`, and whether it is new (and so must be `init_pair`ed). Falls back to
    /// pair 0 (the terminal's default colours) when the terminal has no pairs left.
    mutating func pair(for colors: Colors) -> (number: Int32, isNew: Bool) {
        if let existing = numbers[colors] {
            return (existing, false)
        }
        let next = Int32(numbers.count + 1)
        guard next < capacity, next <= Int32(Int16.max) else { return (0, false) }
        numbers[colors] = next
        return (next, true)
    }

    /// ncurses' number for `color`; `nil` (the default) becomes -1, or white on black where
    /// the terminal cannot keep its default colours.
    static func number(
        for color: ThemeColor, isForeground: Bool, defaultColorsAvailable: Bool
    ) -> Int32 {
        switch color {
        case .terminalDefault:
            if defaultColorsAvailable {
                return -1
            }
            return isForeground ? 7 : 0
        case .indexed(let index):
            return Int32(index)
        case .rgb:
            return isForeground ? 7 : 0
        }
    }
}
