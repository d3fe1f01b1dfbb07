import Yams

/// One theme file as written, before palette names are resolved and `extends` is applied.
///
/// Parsing is strict: an unknown key, role, attribute or a value of the wrong type is an error
/// naming the file and key path, because a silently ignored typo is a theme that "doesn't work".
struct ThemeDocument: Sendable {
    /// A colour as written at a key, kept with its location for error messages.
    struct ColourReference: Sendable {
        let text: String
        let file: String
        let keyPath: String
    }

    /// A role's entry: only the keys that were written.
    struct StyleEntry: Sendable {
        var foreground: ColourReference?
        var background: ColourReference?
        var attributes: TextAttributes = []
    }

    let file: String
    var extends: String?
    var palette: [String: ThemeColor] = [:]
    var styles: [StyleRole: StyleEntry] = [:]

    static let topLevelKeys = ["name", "description", "extends", "palette", "styles"]
    static let styleKeys = ["fg", "bg"] + TextAttributes.named.map(\.key)

    /// Parses `yaml` read from `file` (the name used in error messages).
    static func parse(yaml: String, file: String) throws(ThemeError) -> ThemeDocument {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ThemeError(file: file, problem: .invalidYAML(Self.summary(of: error)))
        }
        var document = ThemeDocument(file: file)
        guard let root else { return document }
        let entries = try mapping(root, file: file, keyPath: "")
        for (key, value) in entries {
            switch key {
            case "name", "description":
                _ = try scalar(value, file: file, keyPath: key)
            case "extends":
                document.extends = try scalar(value, file: file, keyPath: key)
            case "palette":
                try document.parsePalette(value)
            case "styles":
                try document.parseStyles(value, prefix: "")
            default:
                throw ThemeError(
                    file: file, keyPath: key,
                    problem: .unknownKey(
                        key, suggestion: Spelling.suggestion(for: key, among: topLevelKeys)))
            }
        }
        return document
    }

    private mutating func parsePalette(_ node: Node) throws(ThemeError) {
        for (name, value) in try Self.mapping(node, file: file, keyPath: "palette") {
            let keyPath = "palette." + name
            let text = try Self.scalar(value, file: file, keyPath: keyPath)
            guard let colour = ThemeColor(literal: text) else {
                throw ThemeError(
                    file: file, keyPath: keyPath,
                    problem: .unknownColour(
                        text,
                        suggestion: Spelling.suggestion(
                            for: text, among: ["default"] + ThemeColor.ansiNames)))
            }
            palette[name] = colour
        }
    }

    /// Reads `styles`, accepting both flat dotted keys (`gauge.ok: {...}`) and nested groups
    /// (`gauge: { ok: {...} }`), so either k9s-like layout works.
    private mutating func parseStyles(_ node: Node, prefix: String) throws(ThemeError) {
        let here = prefix.isEmpty ? "styles" : "styles." + prefix
        for (key, value) in try Self.mapping(node, file: file, keyPath: here) {
            let name = prefix.isEmpty ? key : prefix + "." + key
            let keyPath = "styles." + name
            let entries = try Self.mapping(value, file: file, keyPath: keyPath)
            let role = StyleRole(rawValue: name)
            let isGroup = StyleRole.allCases.contains { $0.rawValue.hasPrefix(name + ".") }
            guard role != nil || isGroup else {
                throw ThemeError(
                    file: file, keyPath: keyPath,
                    problem: .unknownRole(
                        name,
                        suggestion: Spelling.suggestion(
                            for: name, among: StyleRole.allCases.map(\.rawValue))))
            }
            var entry = StyleEntry()
            var children: [(String, Node)] = []
            for (field, fieldValue) in entries {
                let fieldPath = keyPath + "." + field
                switch field {
                case "fg", "bg":
                    let text = try Self.scalar(fieldValue, file: file, keyPath: fieldPath)
                    let reference = ColourReference(text: text, file: file, keyPath: fieldPath)
                    if field == "fg" {
                        entry.foreground = reference
                    } else {
                        entry.background = reference
                    }
                default:
                    if let attribute = TextAttributes.named.first(where: { $0.key == field }) {
                        if try Self.boolean(fieldValue, file: file, keyPath: fieldPath) {
                            entry.attributes.insert(attribute.attribute)
                        }
                    } else if fieldValue.mapping != nil, isGroup {
                        children.append((field, fieldValue))
                    } else if role != nil {
                        throw ThemeError(
                            file: file, keyPath: fieldPath,
                            problem: .unknownKey(
                                field,
                                suggestion: Spelling.suggestion(for: field, among: Self.styleKeys)))
                    } else {
                        let child = name + "." + field
                        throw ThemeError(
                            file: file, keyPath: fieldPath,
                            problem: .unknownRole(
                                child,
                                suggestion: Spelling.suggestion(
                                    for: child, among: StyleRole.allCases.map(\.rawValue))))
                    }
                }
            }
            if let role {
                if styles[role] != nil {
                    throw ThemeError(file: file, keyPath: keyPath, problem: .duplicateKey(name))
                }
                styles[role] = entry
            } else if entry.foreground != nil || entry.background != nil
                || !entry.attributes.isEmpty
            {
                throw ThemeError(
                    file: file, keyPath: keyPath,
                    problem: .unknownRole(
                        name,
                        suggestion: Spelling.suggestion(
                            for: name, among: StyleRole.allCases.map(\.rawValue))))
            }
            for (childKey, childValue) in children {
                try parseStyles(Self.wrap(childKey, childValue), prefix: name)
            }
        }
    }

    // MARK: Node access with located errors

    /// The key-value pairs of a mapping node, rejecting non-string and duplicate keys.
    static func mapping(_ node: Node, file: String, keyPath: String) throws(ThemeError)
        -> [(String, Node)]
    {
        if case .scalar(let scalar) = node, scalar.string.isEmpty || node.null != nil {
            return []
        }
        guard let mapping = node.mapping else {
            throw ThemeError(
                file: file, keyPath: keyPath.isEmpty ? nil : keyPath,
                problem: .wrongType(expected: "a mapping of keys to values"))
        }
        var pairs: [(String, Node)] = []
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? String(describing: keyNode)
            let path = keyPath.isEmpty ? key : keyPath + "." + key
            guard seen.insert(key).inserted else {
                throw ThemeError(file: file, keyPath: path, problem: .duplicateKey(key))
            }
            pairs.append((key, value))
        }
        return pairs
    }

    static func scalar(_ node: Node, file: String, keyPath: String) throws(ThemeError) -> String {
        guard let scalar = node.scalar else {
            throw ThemeError(
                file: file, keyPath: keyPath, problem: .wrongType(expected: "a single value"))
        }
        return scalar.string
    }

    static func boolean(_ node: Node, file: String, keyPath: String) throws(ThemeError) -> Bool {
        guard let scalar = node.scalar, let value = Bool(scalar.string.lowercased()) else {
            throw ThemeError(
                file: file, keyPath: keyPath, problem: .wrongType(expected: "true or false"))
        }
        return value
    }

    /// A one-entry mapping node, so a nested group can be parsed like a `styles` mapping.
    private static func wrap(_ key: String, _ value: Node) -> Node {
        Node.mapping(Node.Mapping([(Node(key), value)]))
    }

    /// The first line of a Yams error: position and problem, without the source snippet.
    static func summary(of error: any Error) -> String {
        let text = String(describing: error)
        let firstLine = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? text
        var summary = firstLine.replacingOccurrences(of: ": error: ", with: ": ")
        while summary.hasSuffix(":") {
            summary.removeLast()
        }
        return summary
    }
}
