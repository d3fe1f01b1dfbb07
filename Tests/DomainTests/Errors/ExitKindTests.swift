import Domain
import Foundation
import Testing

/// The exit-code table is written once: `--help` prints `ExitKind.summary`, and the README
/// must say the same.
@Suite struct ExitKindTests {
    @Test func theReadmeListsTheGeneratedTable() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(
            contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let flowed = readme.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(
            flowed.contains(ExitKind.summary),
            "README.md should say, wrapped as you like: \(ExitKind.summary)")
    }

    @Test func theTableReadsInOrderOfCode() {
        let codes = ExitKind.allCases.map(\.code)
        #expect(codes == codes.sorted())
        #expect(
            ExitKind.summary.hasPrefix("Exit codes: 0 done; 1 unexpected failure; 3 denied;"))
    }
}
