import Foundation
import TUI
import Testing

/// Compares a canvas with `Tests/TUITests/__Snapshots__/<name>.txt`.
///
/// A snapshot is only ever written when asked for, as swift-argument-parser's helper does:
/// - `RECORD_SNAPSHOTS=1`: every snapshot is (re)written; each one that changed is reported
///   as a warning, and the test passes.
/// - Otherwise a missing snapshot fails the test. Outside CI it is written all the same, so
///   the failure message points at a file to review and commit; the next run compares
///   against it. In CI (`CI=true`) nothing is written.
///
/// With `styled: true` the file also holds `Canvas.styledText()` after a separator line, so
/// colour roles are reviewed too.
func assertSnapshot(
    _ canvas: Canvas, named name: String, styled: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    var actual = canvas.text()
    if styled {
        actual += "\n" + Snapshot.styleSeparator + "\n" + canvas.styledText()
    }
    actual += "\n"
    Snapshot.check(actual, named: name, sourceLocation: sourceLocation)
}

enum Snapshot {
    static let styleSeparator = "──── styles ────"

    /// `Tests/TUITests/__Snapshots__`, found from this file's own path.
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("__Snapshots__")
    }

    /// Compares `actual` with `<directory>/<name>.txt`; `environment` decides about recording.
    static func check(
        _ actual: String, named name: String, in directory: URL = Snapshot.directory,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        sourceLocation: SourceLocation
    ) {
        let file = directory.appendingPathComponent(name + ".txt")
        let recording = environment["RECORD_SNAPSHOTS"] == "1"
        let isCI = ["true", "1"].contains(environment["CI"]?.lowercased() ?? "")
        let expected = try? String(contentsOf: file, encoding: .utf8)
        switch (expected, recording) {
        case (let expected?, false):
            if expected != actual {
                let message =
                    "Snapshot \(name).txt differs (re-record with RECORD_SNAPSHOTS=1 if intended):\n"
                    + diff(expected: expected, actual: actual)
                Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
            }
        case (let expected, true):
            guard expected != actual else { return }
            if record(actual, to: file, sourceLocation: sourceLocation) {
                Issue.record(
                    "Recorded snapshot \(file.path) (RECORD_SNAPSHOTS=1); review and commit it.",
                    severity: .warning, sourceLocation: sourceLocation)
            }
        case (nil, false) where isCI:
            Issue.record(
                "Snapshot \(name).txt is missing; record it with RECORD_SNAPSHOTS=1 and commit it (CI never records).",
                sourceLocation: sourceLocation)
        case (nil, false):
            if record(actual, to: file, sourceLocation: sourceLocation) {
                Issue.record(
                    "Snapshot \(name).txt was missing and has been recorded at \(file.path); review and commit it (this run fails, the next compares against it).",
                    sourceLocation: sourceLocation)
            }
        }
    }

    /// Writes `text` to `file` and reads it back; records an issue and returns false on failure.
    private static func record(_ text: String, to file: URL, sourceLocation: SourceLocation)
        -> Bool
    {
        do {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            Issue.record(
                "Could not record snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
            return false
        }
        guard (try? String(contentsOf: file, encoding: .utf8)) == text else {
            Issue.record(
                "Snapshot \(file.path) did not read back as written", sourceLocation: sourceLocation
            )
            return false
        }
        return true
    }

    /// A line diff: each differing line as `-` expected and `+` actual, with `⏎` marking line
    /// ends so trailing spaces show.
    static func diff(expected: String, actual: String) -> String {
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        var output: [String] = []
        for index in 0..<max(old.count, new.count) {
            let left = index < old.count ? old[index] : nil
            let right = index < new.count ? new[index] : nil
            guard left != right else { continue }
            output.append("line \(index + 1):")
            if let left { output.append("  - \(left)⏎") }
            if let right { output.append("  + \(right)⏎") }
        }
        return output.joined(separator: "\n")
    }
}
