import Foundation
import PackagePlugin

/// Compiles `themes/*.yaml` into the TUI target as `ShippedThemes`, so the binary needs no
/// resource bundle. Every file in `themes/` is an input, listed anew on each build.
@main
struct EmbedThemes: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let themes = context.package.directoryURL.appending(path: "themes")
        let files = try FileManager.default.contentsOfDirectory(
            at: themes, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]
        )
        .filter { $0.pathExtension == "yaml" }
        .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "ShippedThemes.swift")
        return [
            .buildCommand(
                displayName: "Embedding themes/ (\(files.count) files) into \(target.name)",
                executable: try context.tool(named: "embed-files").url,
                arguments: ["themes", output.path] + files.map(\.path),
                inputFiles: files, outputFiles: [output])
        ]
    }
}
