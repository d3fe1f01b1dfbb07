import Foundation
import Logging
import Synchronization

/// Sends every log line to `$XDG_STATE_HOME/settings-console/console.log`, never to the
/// terminal: a line on stderr would tear through the ncurses screen.
struct FileLogHandler: LogHandler {
    private let label: String
    private let sink: LogFile
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    init(label: String, sink: LogFile) {
        self.label = label
        self.sink = sink
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let stamp = ISO8601DateFormatter().string(from: Date())
        sink.append("\(stamp) \(event.level) \(label): \(event.message)\n")
    }

    /// Routes all loggers to the state directory's file (or nowhere if it cannot be opened).
    static func bootstrap(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let sink = LogFile(path: LogFile.defaultPath(environment: environment))
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, sink: sink) }
    }
}

/// An append-only log file shared by every logger of the process.
final class LogFile: Sendable {
    private let handle: Mutex<FileHandle?>

    init(path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(
                atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let opened = FileHandle(forWritingAtPath: path)
        _ = try? opened?.seekToEnd()
        handle = Mutex(opened)
    }

    func append(_ line: String) {
        handle.withLock { $0?.write(Data(line.utf8)) }
    }

    /// `$XDG_STATE_HOME/settings-console/console.log`, `~/.local/state/...` by default.
    static func defaultPath(environment: [String: String]) -> String {
        let base =
            environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        return base + "/settings-console/console.log"
    }
}
