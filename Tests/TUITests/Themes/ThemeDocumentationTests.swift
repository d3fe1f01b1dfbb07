import Foundation
import Testing

@testable import TUI

/// `docs/themes.md` lists every role with its fallback; this keeps the table from drifting.
@Suite struct ThemeDocumentationTests {
    private func documentation() throws -> String {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try String(
            contentsOf: root.appendingPathComponent("docs/themes.md"), encoding: .utf8)
    }

    @Test func everyRoleIsDocumentedWithItsFallback() throws {
        let rows = try documentation().split(separator: "\n").filter { $0.hasPrefix("| `") }
        var documented: [String: String] = [:]
        for row in rows {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 3 else { continue }
            documented[cells[0].trimmingCharacters(in: ["`"])] = cells[2].trimmingCharacters(in: [
                "`"
            ])
        }
        for role in StyleRole.allCases {
            let fallback = role.fallback?.rawValue ?? "(none)"
            #expect(
                documented[role.rawValue] == fallback, "docs/themes.md row for \(role.rawValue)")
        }
    }

    @Test func yamlErrorsReadAsDocumented() throws {
        do {
            _ = try ThemeLoader.shippedOnly.parse(
                yaml: "palette:\n  a: red\n  b: c: d\n", file: "themes/x.yaml", name: "x")
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description
                    == "themes/x.yaml: invalid YAML: 3:7: scanner: mapping values are not allowed in this context"
            )
        }
    }
}
