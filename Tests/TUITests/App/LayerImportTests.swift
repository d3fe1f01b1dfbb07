import Foundation
import Testing

/// The dependency rule, checked on the sources: the TUI draws view-models and never reaches
/// past them to the domain or the database. (SwiftPM's
/// `--explicit-target-dependency-import-check` accepts any module in the dependency
/// closure, so it cannot see this.)
@Suite struct LayerImportTests {
    static let allowed: Set<String> = [
        "ViewModels", "CNcurses", "Yams", "Foundation", "Synchronization", "Glibc", "Darwin",
    ]

    @Test func tuiSourcesImportOnlyViewModelsAndTheTerminalLibraries() throws {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/TUI")
        let files = try #require(FileManager.default.enumerator(atPath: root.path))
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 50, "found the TUI sources at \(root.path)")
        var offenders: [String] = []
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ")
                guard let index = words.firstIndex(of: "import"), index <= 1 else { continue }
                let module = words.dropFirst(index + 1).first.map {
                    String($0.split(separator: ".")[0])
                }
                if let module, !Self.allowed.contains(module) {
                    offenders.append("\(file): \(line)")
                }
            }
        }
        #expect(offenders.isEmpty, "TUI imports past ViewModels: \(offenders)")
    }
}
