/// Why a theme could not be used, naming the file and the key so the user can fix it.
///
/// The description reads like a compiler message:
/// `themes/x.yaml: styles.gauge.ok.fg: unknown colour "purpel" (did you mean "purple"?)`.
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, independent of where.
    public enum Problem: Sendable, Equatable {
        /// No shipped or user theme has this name.
        case notFound(name: String, searched: [String])
        /// A theme or config name that is not a plain file name (e.g. contains `/`).
        case invalidName(String)
        /// The file is not valid YAML; the text gives Yams' line and column.
        case invalidYAML(String)
        /// A value of the wrong shape: a scalar where a mapping belongs, and so on.
        case wrongType(expected: String)
        /// A key this format does not know.
        case unknownKey(String, suggestion: String?)
        /// A style key that names no `StyleRole`.
        case unknownRole(String, suggestion: String?)
        /// A colour that is neither in the palette nor a literal colour.
        case unknownColour(String, suggestion: String?)
        /// The same key twice in one mapping.
        case duplicateKey(String)
        /// Themes that extend each other in a circle.
        case extendsCycle([String])
    }

    /// The file as shown to the user (`themes/x.yaml`, or the user theme's full path).
    public let file: String
    /// Dotted path of the offending key (`styles.gauge.ok.fg`), or `nil` for the whole file.
    public let keyPath: String?
    public let problem: Problem

    public init(file: String, keyPath: String? = nil, problem: Problem) {
        self.file = file
        self.keyPath = keyPath
        self.problem = problem
    }

    public var description: String {
        var text = file + ": "
        if let keyPath, !keyPath.isEmpty {
            text += keyPath + ": "
        }
        return text + message
    }

    private var message: String {
        switch problem {
        case .notFound(let name, let searched):
            return "no theme named \"\(name)\" (looked in \(searched.joined(separator: ", ")))"
        case .invalidName(let name):
            return "\"\(name)\" is not a theme name (use letters, digits, \"-\", \"_\" and \".\")"
        case .invalidYAML(let detail):
            return "invalid YAML: \(detail)"
        case .wrongType(let expected):
            return "expected \(expected)"
        case .unknownKey(let key, let suggestion):
            return "unknown key \"\(key)\"" + Self.hint(suggestion)
        case .unknownRole(let role, let suggestion):
            return "unknown style role \"\(role)\"" + Self.hint(suggestion)
        case .unknownColour(let colour, let suggestion):
            return "unknown colour \"\(colour)\"" + Self.hint(suggestion)
        case .duplicateKey(let key):
            return "key \"\(key)\" appears more than once"
        case .extendsCycle(let names):
            return "themes extend each other in a circle: \(names.joined(separator: " -> "))"
        }
    }

    private static func hint(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
    }
}

/// The closest known word, so a typo in a theme gets a "did you mean" hint.
enum Spelling {
    /// The candidate within a small edit distance of `word`, if one is clearly closest.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let lowered = Array(word.lowercased())
        let limit = max(1, min(3, lowered.count / 3))
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, Array(candidate.lowercased()))
            if distance <= limit, distance < (best?.1 ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for (i, left) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, right) in b.enumerated() {
                let substitution = previous[j] + (left == right ? 0 : 1)
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}
