/// A key press, decoded from the terminal into something screens can switch over.
public enum Key: Sendable, Hashable {
    /// A printable character, including space and shifted letters (`G`).
    case character(Character)
    case up
    case down
    case left
    case right
    case pageUp
    case pageDown
    case home
    case end
    case enter
    case escape
    case tab
    /// Shift-Tab.
    case backTab
    case backspace
    case delete
    /// The terminal changed size; redraw at the new size.
    case resize
    /// F1-F12 (and beyond, if the terminal has them).
    case function(Int)
    /// A control chord, as the lowercase letter or symbol held with Ctrl: `.control("r")`.
    ///
    /// In raw mode Ctrl-C arrives as `.control("c")` rather than a signal; bind it to quit.
    case control(Character)
    /// Anything the decoder does not know (mouse events, unusual function keys).
    case unknown

    /// The key as help text shows it: `q`, `Enter`, `↑`, `Ctrl-R`, `Shift-Tab`, `F5`.
    public var label: String {
        switch self {
        case .character(let character):
            return character == " " ? "Space" : TerminalText.sanitize(String(character))
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .resize: return "Resize"
        case .function(let number): return "F\(number)"
        case .control(let character):
            return "Ctrl-" + TerminalText.sanitize(String(character)).uppercased()
        case .unknown: return "?"
        }
    }
}
