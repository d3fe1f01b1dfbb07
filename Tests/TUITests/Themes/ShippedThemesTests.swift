import Foundation
import Testing

@testable import TUI

/// The embedded copies in `ShippedThemes.swift` must match `themes/*.yaml` exactly.
@Suite struct ShippedThemesTests {
    private var themesDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes")
    }

    @Test func embeddedThemesMatchTheFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: themesDirectory.path)
            .filter { $0.hasSuffix(".yaml") }
        let names = Set(files.map { String($0.dropLast(".yaml".count)) })
        #expect(names == Set(ShippedThemes.all.keys), "run scripts/embed-themes.sh")
        for name in names {
            let text = try String(
                contentsOf: themesDirectory.appendingPathComponent(name + ".yaml"), encoding: .utf8)
            #expect(
                ShippedThemes.all[name] == text,
                "themes/\(name).yaml changed: run scripts/embed-themes.sh")
        }
    }

    @Test func requiredThemesShip() {
        for name in ["default", "high-contrast", "solarized-dark", "mono"] {
            #expect(ShippedThemes.all[name] != nil, "\(name)")
        }
    }
}
