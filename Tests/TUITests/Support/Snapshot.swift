import Foundation
import TUI
import Testing

/// Compares a canvas with `Tests/TUITests/__Snapshots__/<name>.txt`.
///
/// A missing snapshot is recorded (and the test passes only if the file was written); with
/// `RECORD_SNAPSHOTS=1` every snapshot is re-recorded. In CI (`CI=true`) a missing snapshot
/// fails, so an unrecorded snapshot can never pass silently. With `styled: true` the file also
/// holds `Canvas.styledText()` after a separator line, so colour roles are reviewed too.
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

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation) {
        let environment = ProcessInfo.processInfo.environment
        let file = directory.appendingPathComponent(name + ".txt")
        let recording = environment["RECORD_SNAPSHOTS"] == "1"
        let isCI = ["true", "1"].contains(environment["CI"]?.lowercased() ?? "")
        let expected = try? String(contentsOf: file, encoding: .utf8)
        if expected == nil, isCI, !recording {
            Issue.record(
                "Snapshot \(name).txt is missing; record it locally and commit it (CI never records).",
                sourceLocation: sourceLocation)
            return
        }
        if expected == nil || recording {
            do {
                try FileManager.default.createDirectory(
                    at: directory, withIntermediateDirectories: true)
                try actual.write(to: file, atomically: true, encoding: .utf8)
            } catch {
                Issue.record(
                    "Could not record snapshot \(file.path): \(error)",
                    sourceLocation: sourceLocation)
                return
            }
            let written = try? String(contentsOf: file, encoding: .utf8)
            if written != actual {
                Issue.record(
                    "Snapshot \(file.path) did not read back as written",
                    sourceLocation: sourceLocation)
            }
            return
        }
        if let expected, expected != actual {
            let message =
                "Snapshot \(name).txt differs (re-record with RECORD_SNAPSHOTS=1 if intended):\n"
                + diff(expected: expected, actual: actual)
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
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
