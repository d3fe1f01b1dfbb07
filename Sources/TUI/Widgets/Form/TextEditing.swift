/// The value and cursor of a text field, changed by editing keys (readline-style).
///
/// Kept apart from drawing so a screen can feed keys to the focused field and keep what was
/// typed when the server refuses it.
public struct TextEditing: Sendable, Hashable {
    public private(set) var value: String
    /// Cursor position in characters from the start of `value`.
    public private(set) var cursor: Int
    /// Characters accepted at most; further typing is ignored.
    public var maximumLength: Int?

    public init(value: String = "", cursor: Int? = nil, maximumLength: Int? = nil) {
        self.value = value
        self.cursor = min(max(0, cursor ?? value.count), value.count)
        self.maximumLength = maximumLength
    }

    /// Applies `key` if it edits text; returns `false` for keys the field does not use
    /// (Enter, Esc, Tab, arrows up/down), so the caller can handle them.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            insert(character)
        case .backspace:
            if cursor > 0 {
                remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete:
            if cursor < value.count {
                remove(at: cursor)
            }
        case .left:
            cursor = max(0, cursor - 1)
        case .right:
            cursor = min(value.count, cursor + 1)
        case .home:
            cursor = 0
        case .end:
            cursor = value.count
        case .control(let character):
            return handleControl(character)
        case .up, .down, .pageUp, .pageDown, .enter, .escape, .tab, .backTab, .resize, .function,
            .unknown:
            return false
        }
        return true
    }

    private mutating func handleControl(_ character: Character) -> Bool {
        switch character {
        case "e":
            cursor = value.count
        case "u":
            value = String(value.dropFirst(cursor))
            cursor = 0
        case "k":
            value = String(value.prefix(cursor))
        case "w":
            deleteWordBeforeCursor()
        default:
            return false
        }
        return true
    }

    private mutating func insert(_ character: Character) {
        if let maximumLength, value.count >= maximumLength {
            return
        }
        let index = value.index(value.startIndex, offsetBy: cursor)
        value.insert(character, at: index)
        cursor += 1
    }

    private mutating func remove(at offset: Int) {
        let index = value.index(value.startIndex, offsetBy: offset)
        value.remove(at: index)
    }

    private mutating func deleteWordBeforeCursor() {
        var characters = Array(value)
        var start = cursor
        while start > 0, characters[start - 1] == " " {
            start -= 1
        }
        while start > 0, characters[start - 1] != " " {
            start -= 1
        }
        characters.removeSubrange(start..<cursor)
        value = String(characters)
        cursor = start
    }
}
