import Foundation
import Testing
import ViewModels

@testable import TUI

/// docs/user-guide.md names every key and every `:` verb, so a new binding cannot go
/// undocumented. (Its screen captures are refreshed by scripts/user-guide-captures.py.)
@Suite struct UserGuideTests {
    static var guide: String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return
            (try? String(
                contentsOf: root.appendingPathComponent("docs/user-guide.md"), encoding: .utf8))
            ?? ""
    }

    @Test func everyKeyOfEveryViewIsDocumented() throws {
        let guide = Self.guide
        try #require(!guide.isEmpty, "docs/user-guide.md is missing")
        let maps = [
            ConsoleKeys.global, ConsoleKeys.team, ConsoleKeys.billing, ConsoleKeys.integrations,
        ]
        for binding in maps.joined() where !binding.isHiddenFromHelp {
            for part in binding.label.split(separator: "/") {
                #expect(
                    guide.contains("`\(part)`"),
                    "key \(part) (\(binding.description)) is not in the user guide")
            }
        }
    }

    @Test func everyCommandLineVerbIsDocumented() {
        let guide = Self.guide
        for (usage, _) in ConsoleCommand.usage {
            for verb in usage.split(separator: " ") where verb.hasPrefix(":") {
                #expect(guide.contains("`\(verb)"), "\(verb) is not in the user guide")
            }
        }
    }
}
