import Foundation
import PackagePlugin

/// Compiles `themes/*.yaml` into the TUI target as `ShippedThemes`, so the binary needs no
/// resource bundle. As with `EmbedSQL`, the tool reads the directory whenever it runs, the
/// files are its inputs (edits), and the link in `Watched/` makes SwiftPM run this plugin
/// again when a theme is added or removed.
@main
struct EmbedThemes: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let themes = context.package.directoryURL.appending(path: "themes")
        let files = try FileManager.default.contentsOfDirectory(
            at: themes, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        let output = context.pluginWorkDirectoryURL.appending(path: "ShippedThemes.swift")
        return [
            .buildCommand(
                displayName: "Embedding the themes into \(target.name)",
                executable: try context.tool(named: "embed-files").url,
                arguments: ["themes", output.path, themes.path],
                inputFiles: files, outputFiles: [output])
        ]
    }
}
