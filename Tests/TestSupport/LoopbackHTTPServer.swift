import Foundation

/// `scripts/test-http-server.py` on 127.0.0.1: a receiver for test deliveries that answers
/// by path (`/ok` 200, `/fail` 500, `/denied` 401, `/never` no answer, `/away` a redirect to
/// another host) and records every request, so tests assert on what really arrived.
public final class LoopbackHTTPServer: @unchecked Sendable {
    public let port: Int
    private let process: Process
    private let recordPath: String

    /// One request as the server received it.
    public struct Received: Sendable, Decodable {
        public let method: String
        public let path: String
        public let headers: [String: String]
        public let body: String
    }

    public init() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let base = NSTemporaryDirectory() + "sc-http-\(UUID().uuidString)"
        recordPath = base + ".jsonl"
        let portPath = base + ".port"
        _ = FileManager.default.createFile(atPath: recordPath, contents: nil)
        _ = FileManager.default.createFile(atPath: portPath, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", root.appendingPathComponent("scripts/test-http-server.py").path, recordPath,
        ]
        process.standardOutput = FileHandle(forWritingAtPath: portPath)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        var found: Int?
        while found == nil, Date() < deadline {
            let text = (try? String(contentsOfFile: portPath, encoding: .utf8)) ?? ""
            found = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
            if found == nil { usleep(20_000) }
        }
        try? FileManager.default.removeItem(atPath: portPath)
        guard let found else {
            process.terminate()
            throw ServerFailure(description: "the test HTTP server did not start")
        }
        port = found
    }

    deinit { stop() }

    public func stop() {
        if process.isRunning { process.terminate() }
    }

    /// `http://127.0.0.1:PORT` + `path`.
    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Every request received so far, oldest first.
    public func received() throws -> [Received] {
        let text = try String(contentsOfFile: recordPath, encoding: .utf8)
        return try text.split(separator: "\n").map {
            try JSONDecoder().decode(Received.self, from: Data($0.utf8))
        }
    }

    /// What `/toggle` answers from now on (200, 500, 401).
    public func setToggle(_ status: Int) throws {
        try String(status).write(toFile: recordPath + ".status", atomically: true, encoding: .utf8)
    }

    struct ServerFailure: Error, CustomStringConvertible {
        let description: String
    }
}
