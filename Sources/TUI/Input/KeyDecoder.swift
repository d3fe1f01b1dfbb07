/// Turns what ncurses' `wget_wch` returned into a `Key`, without touching the terminal.
///
/// `wget_wch` reports either a character (`OK`) or a key code (`KEY_CODE_YES`). Raw mode passes
/// control characters through, so Enter is `\r`, Backspace usually `DEL`, Ctrl-C `0x03`.
public enum KeyDecoder {
    /// One result of `wget_wch`.
    public enum RawInput: Sendable, Hashable {
        /// A character code (`wget_wch` returned `OK`).
        case character(UInt32)
        /// A key code such as `KEY_UP` (`wget_wch` returned `KEY_CODE_YES`).
        case keyCode(Int32)
    }

    /// ncurses key codes (octal, from `<curses.h>`), kept here so decoding is testable alone.
    public enum KeyCode {
        public static let down: Int32 = 0o402
        public static let up: Int32 = 0o403
        public static let left: Int32 = 0o404
        public static let right: Int32 = 0o405
        public static let home: Int32 = 0o406
        public static let backspace: Int32 = 0o407
        public static let function0: Int32 = 0o410
        public static let deleteCharacter: Int32 = 0o512
        public static let nextPage: Int32 = 0o522
        public static let previousPage: Int32 = 0o523
        public static let enter: Int32 = 0o527
        public static let backTab: Int32 = 0o541
        public static let end: Int32 = 0o550
        public static let resize: Int32 = 0o632
    }

    public static func decode(_ input: RawInput) -> Key {
        switch input {
        case .character(let code):
            return decodeCharacter(code)
        case .keyCode(let code):
            return decodeKeyCode(code)
        }
    }

    static func decodeCharacter(_ code: UInt32) -> Key {
        switch code {
        case 0x0D, 0x0A:
            return .enter
        case 0x09:
            return .tab
        case 0x1B:
            return .escape
        case 0x08, 0x7F:
            return .backspace
        case 0x00:
            return .control("@")
        case 0x01...0x1A:
            return .control(Character(Unicode.Scalar(code + 0x60) ?? "?"))
        case 0x1C...0x1F:
            return .control(Character(Unicode.Scalar(code + 0x40) ?? "?"))
        case 0x80...0x9F:
            return .unknown
        default:
            guard let scalar = Unicode.Scalar(code) else { return .unknown }
            return .character(Character(scalar))
        }
    }

    static func decodeKeyCode(_ code: Int32) -> Key {
        switch code {
        case KeyCode.up: return .up
        case KeyCode.down: return .down
        case KeyCode.left: return .left
        case KeyCode.right: return .right
        case KeyCode.home: return .home
        case KeyCode.end: return .end
        case KeyCode.nextPage: return .pageDown
        case KeyCode.previousPage: return .pageUp
        case KeyCode.backspace: return .backspace
        case KeyCode.deleteCharacter: return .delete
        case KeyCode.enter: return .enter
        case KeyCode.backTab: return .backTab
        case KeyCode.resize: return .resize
        case (KeyCode.function0 + 1)...(KeyCode.function0 + 63):
            return .function(Int(code - KeyCode.function0))
        default:
            return .unknown
        }
    }
}
