/// Splits a command line the way a POSIX shell splits words, without any expansion:
/// whitespace separates words; `'...'` is literal; inside `"..."` a backslash escapes only
/// `"`, `\`, `$` and `` ` ``; outside quotes a backslash escapes the next character.
/// `$VAR`, `*`, `~` and `;` stay plain text, because no shell ever sees the result.
public enum ShellWords {
    public enum Failure: Error, Equatable, Sendable {
        case unterminatedQuote
        case trailingBackslash
        case controlCharacter
    }

    public static func split(_ text: String) throws(Failure) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            switch character {
            case " ", "\t", "\n":
                if inWord { words.append(current) }
                current = ""
                inWord = false
            case "'":
                inWord = true
                var closed = false
                while let next = iterator.next() {
                    if next == "'" { closed = true; break }
                    current.append(next)
                }
                guard closed else { throw .unterminatedQuote }
            case "\"":
                inWord = true
                var closed = false
                while let next = iterator.next() {
                    if next == "\"" { closed = true; break }
                    if next == "\\" {
                        guard let escaped = iterator.next() else { throw .unterminatedQuote }
                        if !["\"", "\\", "$", "`"].contains(escaped) { current.append("\\") }
                        current.append(escaped)
                    } else {
                        current.append(next)
                    }
                }
                guard closed else { throw .unterminatedQuote }
            case "\\":
                guard let escaped = iterator.next() else { throw .trailingBackslash }
                inWord = true
                if escaped != "\n" { current.append(escaped) }
            default:
                inWord = true
                current.append(character)
            }
        }
        if inWord { words.append(current) }
        let hostile = words.contains { word in
            word.unicodeScalars.contains { $0.properties.generalCategory == .control }
        }
        guard !hostile else { throw .controlCharacter }
        return words
    }
}
