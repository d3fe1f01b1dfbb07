import Foundation
import Testing

/// The snapshot helper itself: a snapshot is written only when asked for, and a missing or
/// different one always fails.
@Suite struct SnapshotHelperTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sc-snapshots-\(UUID().uuidString)")
    }

    private func contents(_ name: String) -> String? {
        try? String(contentsOf: directory.appendingPathComponent(name + ".txt"), encoding: .utf8)
    }

    private func check(_ actual: String, _ environment: [String: String]) {
        Snapshot.check(
            actual, named: "screen", in: directory, environment: environment,
            sourceLocation: #_sourceLocation)
    }

    @Test func aMissingSnapshotFailsAndIsWrittenForReview() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        withKnownIssue("a missing snapshot fails") { check("screen\n", [:]) }
        #expect(contents("screen") == "screen\n")
        check("screen\n", [:])  // the next run compares against it, and passes
    }

    @Test func aMissingSnapshotInCIFailsAndWritesNothing() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        withKnownIssue("CI never records") { check("screen\n", ["CI": "true"]) }
        #expect(contents("screen") == nil)
    }

    @Test func aDifferentScreenFailsAndLeavesTheSnapshotAlone() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        check("old\n", ["RECORD_SNAPSHOTS": "1"])
        withKnownIssue("a changed screen fails") { check("new\n", [:]) }
        #expect(contents("screen") == "old\n")
    }

    @Test func recordingWhenAskedRewritesAndPasses() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        check("old\n", ["RECORD_SNAPSHOTS": "1"])
        check("new\n", ["RECORD_SNAPSHOTS": "1", "CI": "true"])
        #expect(contents("screen") == "new\n")
        check("new\n", [:])
    }
}
