import Foundation
import PackagePlugin

/// Compiles `sql/migrations`, `sql/seed` and `sql/verify` into the Domain target as
/// `EmbeddedSQL`, so `settings-console migrate` and `demo` work with nothing but the binary.
///
/// The tool reads every file in those directories whenever it runs. It runs when one of the
/// files listed here as inputs changes; and when a file is added or removed, the links in
/// `Watched/` change this target's folder as SwiftPM sees it, so SwiftPM plans the build
/// again, which calls this plugin again. A new migration needs no change here, and the
/// embedded copy is never older than the files.
@main
struct EmbedSQL: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let sql = context.package.directoryURL.appending(path: "sql")
        let directories = ["migrations", "seed", "verify"].map { sql.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSQL.swift")
        return [
            .buildCommand(
                displayName: "Embedding the SQL files into \(target.name)",
                executable: try context.tool(named: "embed-files").url,
                arguments: ["sql", output.path] + directories.map(\.path),
                inputFiles: try EmbeddedFiles.inputs(directories), outputFiles: [output])
        ]
    }
}

enum EmbeddedFiles {
    /// The regular files directly in `directories` (those that exist).
    static func inputs(_ directories: [URL]) throws -> [URL] {
        try directories.filter { FileManager.default.fileExists(atPath: $0.path) }.flatMap {
            directory in
            (try FileManager.default.contentsOfDirectory(
                at: directory, includingPropertiesForKeys: [.isRegularFileKey],
                options: [.skipsHiddenFiles]
            )
            .filter {
                try $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true
            })
        }
    }
}
