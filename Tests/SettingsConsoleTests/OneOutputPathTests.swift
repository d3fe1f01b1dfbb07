import Foundation
import Testing

/// The command line reaches the terminal only through `Output` and leaves only through
/// `CommandFailure.exit()`; a stray `print` or `exit` would bypass the sanitiser or the
/// exit-code table, so the sources are checked for them.
@Suite struct OneOutputPathTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/settings-console")

    /// Where each way out may appear.
    static let allowed: [String: Set<String>] = [
        "FileHandle.standard": ["Output/Output.swift"],
        "Foundation.exit(": ["CLI/CommandFailure.swift"],
        "exit(": ["CLI/CommandFailure.swift"],
        "exit(withError": [],
        "print(": [],
    ]

    @Test func nothingElseWritesToTheTerminalOrExits() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.sources.path)
            .filter { $0.hasSuffix(".swift") }
        #expect(files.contains("Output/Output.swift"))
        for file in files {
            let text = try String(
                contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            for (call, places) in Self.allowed where !places.contains(file) {
                #expect(!Self.calls(call, in: text), "\(file) uses \(call)")
            }
        }
    }

    @Test func theCheckSeesFreeCallsOnly() {
        #expect(Self.calls("print(", in: "x\n    print(text)"))
        #expect(!Self.calls("print(", in: "key.fingerprint(x)"))
        #expect(Self.calls("exit(", in: "{ exit(1) }"))
        #expect(!Self.calls("exit(", in: "failure.exit()"))
    }

    /// Whether `text` calls `call` as a whole, free name: `print(` but not `fingerprint(`,
    /// `exit(` but not `failure.exit(`.
    static func calls(_ call: String, in text: String) -> Bool {
        var rest = text[...]
        while let range = rest.range(of: call) {
            let before = rest[..<range.lowerBound].last
            if !(before.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." } ?? false) {
                return true
            }
            rest = rest[range.upperBound...]
        }
        return false
    }
}
