import Foundation

/// Writes a Swift source file that carries text files as string constants, so the binary
/// needs neither `sql/` nor `themes/` beside it. Run by the `EmbedSQL` and `EmbedThemes`
/// build-tool plugins on every build whose inputs changed; never by hand, never committed.
///
///     embed-files sql OUTPUT DIRECTORY...     sql/migrations, sql/seed, sql/verify
///     embed-files themes OUTPUT DIRECTORY...  themes (its *.yaml files)
///
/// The tool lists the directories itself each time it runs, so it embeds exactly what is
/// there. The plugins make it run when a file there is edited (the files are its inputs) and
/// when one is added or removed (their `Watched/` links make SwiftPM plan the build again).
struct EmbedFailure: Error, CustomStringConvertible {
    let description: String
}

/// A Swift raw multi-line string literal whose value is exactly `text`, with as many `#`
/// as it takes for no line of the text to end it or start an escape.
func literal(_ text: String) -> String {
    var hashes = "#"
    while text.contains("\"\"\"" + hashes) || text.contains("\\" + hashes) {
        hashes += "#"
    }
    return hashes + "\"\"\"\n" + text + "\n\"\"\"" + hashes
}

/// A name taken from a file name as a plain string literal; only letters, digits, `-` and
/// `_`, so it needs no escaping and reads well in the generated file.
func word(_ text: String, in path: String) throws -> String {
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
    guard !text.isEmpty, text.allSatisfy(allowed.contains) else {
        throw EmbedFailure(description: "\(path): use only letters, digits, - and _ in its name")
    }
    return "\"" + text + "\""
}

func read(_ path: String) throws -> String {
    do {
        return try String(contentsOfFile: path, encoding: .utf8)
    } catch {
        throw EmbedFailure(description: "\(path): not readable as UTF-8 (\(error))")
    }
}

func name(_ path: String) -> String { (path as NSString).lastPathComponent }

func folder(_ path: String) -> String {
    ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent
}

/// `EmbeddedSQL`: the migrations (each `NNNN_name.up.sql` with its `.down.sql`), every seed
/// by name, and the verification queries with their expected output.
func embedSQL(_ files: [String]) throws -> String {
    let sorted = files.sorted { name($0) < name($1) }
    var lines = [
        "import Postgres", "", "/// The SQL files of `sql/`, compiled into the binary.",
        "enum EmbeddedSQL {",
    ]
    lines.append("    static let migrations: [Migration] = [")
    for up in sorted where folder(up) == "migrations" && name(up).hasSuffix(".up.sql") {
        let base = String(name(up).dropLast(".up.sql".count))
        guard let underscore = base.firstIndex(of: "_"),
            let version = Int(base[..<underscore]), base.index(after: underscore) < base.endIndex
        else {
            throw EmbedFailure(description: "\(up): a migration is named NNNN_name.up.sql")
        }
        let down = (up as NSString).deletingLastPathComponent + "/\(base).down.sql"
        guard sorted.contains(down) else {
            throw EmbedFailure(description: "\(up) has no \(base).down.sql beside it")
        }
        lines.append("        Migration(")
        let migration = try word(String(base[base.index(after: underscore)...]), in: up)
        lines.append("            version: \(version), name: \(migration),")
        lines.append("            up: \(literal(try read(up))),")
        lines.append("            down: \(literal(try read(down)))),")
    }
    for down in sorted where folder(down) == "migrations" && name(down).hasSuffix(".down.sql") {
        let up = String(down.dropLast(".down.sql".count)) + ".up.sql"
        guard sorted.contains(up) else {
            throw EmbedFailure(description: "\(down) has no .up.sql beside it")
        }
    }
    lines.append("    ]")
    lines.append("    static let seeds: [String: SQL] = [")
    for seed in sorted where folder(seed) == "seed" && name(seed).hasSuffix(".sql") {
        let seedName = try word(String(name(seed).dropLast(".sql".count)), in: seed)
        lines.append("        \(seedName): \(literal(try read(seed))),")
    }
    lines.append("    ]")
    lines.append("    static let verifications: [Verification] = [")
    for query in sorted where folder(query) == "verify" && name(query).hasSuffix(".sql") {
        let stem = String(name(query).dropLast(".sql".count))
        let expected = (query as NSString).deletingLastPathComponent + "/\(stem).expected"
        guard sorted.contains(expected) else {
            throw EmbedFailure(description: "\(query) has no \(stem).expected beside it")
        }
        lines.append("        Verification(")
        lines.append("            name: \(try word(stem, in: query)),")
        lines.append("            sql: \(literal(try read(query))),")
        lines.append("            expected: \(literal(try read(expected)))),")
    }
    lines.append("    ]")
    lines.append("}")
    return lines.joined(separator: "\n")
}

/// `ShippedThemes`: each `themes/NAME.yaml` under its name.
func embedThemes(_ files: [String]) throws -> String {
    var lines = [
        "/// The themes in `themes/`, embedded as text so the binary needs no resource bundle.",
        "public enum ShippedThemes {",
        "    /// Theme name (file name without `.yaml`) to the file's text.",
        "    public static let all: [String: String] = [",
    ]
    for file in files.sorted() where name(file).hasSuffix(".yaml") {
        let theme = try word(String(name(file).dropLast(".yaml".count)), in: file)
        lines.append("        \(theme): \(literal(try read(file))),")
    }
    lines.append("    ]")
    lines.append("}")
    return lines.joined(separator: "\n")
}

/// The regular, visible files directly in `directory`; none when it does not exist.
func regularFiles(in directory: String) throws -> [String] {
    guard FileManager.default.fileExists(atPath: directory) else { return [] }
    return try FileManager.default.contentsOfDirectory(atPath: directory)
        .filter { !$0.hasPrefix(".") }
        .map { directory + "/" + $0 }
        .filter {
            (try? FileManager.default.attributesOfItem(atPath: $0)[.type] as? FileAttributeType)
                == .typeRegular
        }
}

func run(_ arguments: [String]) throws {
    guard arguments.count >= 2 else {
        throw EmbedFailure(description: "usage: embed-files sql|themes OUTPUT DIRECTORY...")
    }
    let (kind, output) = (arguments[0], arguments[1])
    let files = try arguments.dropFirst(2).flatMap { try regularFiles(in: $0) }
    let body: String
    switch kind {
    case "sql": body = try embedSQL(files)
    case "themes": body = try embedThemes(files)
    default: throw EmbedFailure(description: "unknown kind \(kind) (sql or themes)")
    }
    let text =
        "// Generated at build time by the embed-files tool. Not committed.\n\n" + body + "\n"
    // Rewritten only when different, so an unchanged output does not recompile its target.
    if (try? String(contentsOfFile: output, encoding: .utf8)) != text {
        try text.write(toFile: output, atomically: true, encoding: .utf8)
    }
}

do {
    try run(Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("embed-files: \(error)\n".utf8))
    exit(1)
}
