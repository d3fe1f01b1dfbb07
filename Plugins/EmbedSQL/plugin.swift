import Foundation
import PackagePlugin

/// Compiles `sql/migrations`, `sql/seed` and `sql/verify` into the Domain target as
/// `EmbeddedSQL`, so `settings-console migrate` and `demo` work with nothing but the binary.
///
/// Every file in those directories is an input, listed anew on each build: a new migration
/// needs no change here, and the embedded copy can never be older than the files.
@main
struct EmbedSQL: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let sql = context.package.directoryURL.appending(path: "sql")
        let files = try ["migrations", "seed", "verify"].flatMap {
            try EmbeddedFiles.list(sql.appending(path: $0))
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSQL.swift")
        return [
            .buildCommand(
                displayName: "Embedding sql/ (\(files.count) files) into \(target.name)",
                executable: try context.tool(named: "embed-files").url,
                arguments: ["sql", output.path] + files.map(\.path),
                inputFiles: files, outputFiles: [output])
        ]
    }
}

enum EmbeddedFiles {
    /// The regular files directly in `directory`, sorted; none when it does not exist.
    static func list(_ directory: URL) throws -> [URL] {
        guard FileManager.default.fileExists(atPath: directory.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey],
            options: [.skipsHiddenFiles]
        )
        .filter { try $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true }
        .sorted { $0.path < $1.path }
    }
}
