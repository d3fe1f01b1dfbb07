/// Loads themes by name from the user's theme directory, then from the shipped themes.
///
/// File access goes through `readFile`, so tests and the resolver never touch the real home.
public struct ThemeLoader: Sendable {
    /// Returns a file's contents, or `nil` when it does not exist or cannot be read.
    public typealias FileReader = @Sendable (String) -> String?

    /// The directory holding user themes (`$XDG_CONFIG_HOME/settings-console/themes`), if any.
    public let userThemesDirectory: String?
    private let readFile: FileReader
    private let shipped: [String: String]

    /// The longest chain of `extends` followed before giving up.
    static let maximumExtendsDepth = 8

    public init(
        userThemesDirectory: String?, readFile: @escaping FileReader,
        shipped: [String: String] = ShippedThemes.all
    ) {
        self.userThemesDirectory = userThemesDirectory
        self.readFile = readFile
        self.shipped = shipped
    }

    /// A loader that knows only the shipped themes.
    public static let shippedOnly = ThemeLoader(userThemesDirectory: nil, readFile: { _ in nil })

    /// Names of the themes that ship with the console, sorted.
    public static var shippedThemeNames: [String] { ShippedThemes.all.keys.sorted() }

    /// The theme called `name`: a user theme of that name wins over a shipped one.
    public func load(named name: String) throws(ThemeError) -> Theme {
        var chain: [Visit] = []
        let document = try merged(name: name, chain: &chain, preferUser: true)
        return try Self.resolve(document, name: name)
    }

    /// The shipped theme called `name`, ignoring user themes (the last-resort fallback).
    public func loadShipped(named name: String) throws(ThemeError) -> Theme {
        var chain: [Visit] = []
        let document = try merged(name: name, chain: &chain, preferUser: false)
        return try Self.resolve(document, name: name)
    }

    /// Parses one theme file's text; `extends` is looked up through this loader.
    public func parse(yaml: String, file: String, name: String) throws(ThemeError) -> Theme {
        var chain = [Visit(name: name, file: file)]
        var document = try ThemeDocument.parse(yaml: yaml, file: file)
        if let base = document.extends {
            let baseDocument = try merged(name: base, chain: &chain, preferUser: base != name)
            document = Self.overlay(document, on: baseDocument)
        }
        return try Self.resolve(document, name: name)
    }

    // MARK: Finding and merging files

    /// A theme visited while following `extends`, to detect circles.
    private struct Visit {
        let name: String
        let file: String
    }

    private func merged(name: String, chain: inout [Visit], preferUser: Bool) throws(ThemeError)
        -> ThemeDocument
    {
        let requester = chain.last?.file ?? "themes"
        guard Self.isValidName(name) else {
            throw ThemeError(
                file: requester, keyPath: chain.isEmpty ? nil : "extends",
                problem: .invalidName(name))
        }
        let (text, file) = try source(of: name, preferUser: preferUser)
        if chain.contains(where: { $0.file == file }) || chain.count >= Self.maximumExtendsDepth {
            throw ThemeError(
                file: requester, keyPath: "extends",
                problem: .extendsCycle(chain.map(\.name) + [name]))
        }
        chain.append(Visit(name: name, file: file))
        var document = try ThemeDocument.parse(yaml: text, file: file)
        if let base = document.extends {
            // A user theme may extend the shipped theme it replaces (`default` extends `default`).
            let baseDocument = try merged(
                name: base, chain: &chain, preferUser: preferUser && base != name)
            document = Self.overlay(document, on: baseDocument)
        }
        return document
    }

    /// The text and display name of theme `name`.
    private func source(of name: String, preferUser: Bool) throws(ThemeError) -> (String, String) {
        var searched: [String] = []
        if preferUser, let directory = userThemesDirectory {
            let path = directory + "/" + name + ".yaml"
            if let text = readFile(path) {
                return (text, path)
            }
            searched.append(directory)
        }
        if let text = shipped[name] {
            return (text, "themes/\(name).yaml")
        }
        searched.append("shipped themes: " + shipped.keys.sorted().joined(separator: ", "))
        throw ThemeError(
            file: "themes/\(name).yaml", problem: .notFound(name: name, searched: searched))
    }

    /// Theme and config names are plain file names, so a hostile config cannot read elsewhere.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, first != ".", name.count <= 64 else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    /// `child` on top of `base`: palette entries and whole role entries of the child win.
    private static func overlay(_ child: ThemeDocument, on base: ThemeDocument) -> ThemeDocument {
        var result = base
        result.palette.merge(child.palette) { _, new in new }
        result.styles.merge(child.styles) { _, new in new }
        result.extends = nil
        return result
    }

    // MARK: Resolving colours

    /// Turns palette references into colours. A role's missing `fg`/`bg` take `body`'s.
    private static func resolve(_ document: ThemeDocument, name: String) throws(ThemeError) -> Theme
    {
        var body = ResolvedStyle()
        if let entry = document.styles[.body] {
            body = try resolve(entry, palette: document.palette, defaults: ResolvedStyle())
        }
        var styles: [StyleRole: ResolvedStyle] = [.body: body]
        for role in StyleRole.allCases where role != .body {
            if let entry = document.styles[role] {
                styles[role] = try resolve(entry, palette: document.palette, defaults: body)
            }
        }
        return Theme(name: name, styles: styles)
    }

    private static func resolve(
        _ entry: ThemeDocument.StyleEntry, palette: [String: ThemeColor], defaults: ResolvedStyle
    ) throws(ThemeError) -> ResolvedStyle {
        ResolvedStyle(
            foreground: try entry.foreground.map { reference throws(ThemeError) in
                try colour(reference, palette: palette)
            } ?? defaults.foreground,
            background: try entry.background.map { reference throws(ThemeError) in
                try colour(reference, palette: palette)
            } ?? defaults.background,
            attributes: entry.attributes)
    }

    private static func colour(
        _ reference: ThemeDocument.ColourReference, palette: [String: ThemeColor]
    ) throws(ThemeError) -> ThemeColor {
        if let named = palette[reference.text] {
            return named
        }
        if let literal = ThemeColor(literal: reference.text) {
            return literal
        }
        let candidates = palette.keys.sorted() + ["default"] + ThemeColor.ansiNames
        throw ThemeError(
            file: reference.file, keyPath: reference.keyPath,
            problem: .unknownColour(
                reference.text,
                suggestion: Spelling.suggestion(for: reference.text, among: candidates)))
    }
}
