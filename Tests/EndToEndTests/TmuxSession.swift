import Foundation

/// A real terminal for end-to-end tests: a private tmux server running one command.
///
/// Tests type with `send` and read the screen with `screen()`, as a person would.
final class TmuxSession {
    let socket: String
    private(set) var isClosed = false

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `command` in a detached `width` x `height` tmux session with a UTF-8 locale.
    init(command: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:])
        throws
    {
        socket = "sc-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        var exports = ["LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TERM=xterm-256color"]
        exports += environment.map { "\($0.key)=\(Self.quote($0.value))" }
        let line = exports.joined(separator: " ") + " " + command
        // Keep the pane after the command exits so its last screen can be read. Set before the
        // command starts, in the same call: a command that exits at once (a refused login)
        // would otherwise take its pane and the server with it.
        try Self.tmux(
            socket,
            [
                "start-server", ";", "set-option", "-g", "remain-on-exit", "on", ";",
                "new-session", "-d", "-x", String(width), "-y", String(height), line,
            ])
    }

    deinit { close() }

    func close() {
        guard !isClosed else { return }
        isClosed = true
        _ = try? Self.tmux(socket, ["kill-server"])
    }

    /// Sends keys in tmux's notation (`"q"`, `"Enter"`, `"Escape"`, `"C-c"`); `literal` types text.
    func send(_ keys: String..., literal: Bool = false) throws {
        try Self.tmux(socket, ["send-keys", "-t", "0"] + (literal ? ["-l"] : []) + keys)
    }

    func screen() throws -> String {
        try Self.tmux(socket, ["capture-pane", "-p", "-t", "0"])
    }

    func resize(width: Int, height: Int) throws {
        try Self.tmux(
            socket, ["resize-window", "-t", "0", "-x", String(width), "-y", String(height)])
    }

    /// The process tmux started for the pane (a shell, or the command itself).
    func panePID() throws -> Int32? {
        Int32(
            try Self.tmux(socket, ["display-message", "-p", "-t", "0", "#{pane_pid}"])
                .trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The pane's process and everything it started, found through /proc parent ids.
    func paneProcesses() throws -> [Int32] {
        guard let root = try panePID() else { return [] }
        var found: [Int32] = [root]
        var index = 0
        while index < found.count {
            found += childProcesses(of: found[index])
            index += 1
        }
        return found
    }

    /// Whether the pane's command has exited.
    func hasExited() throws -> Bool {
        try Self.tmux(socket, ["display-message", "-p", "-t", "0", "#{pane_dead}"])
            .trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// Polls the screen until `predicate` holds; fails with the last screen after `timeout`.
    @discardableResult
    func waitFor(
        _ what: String, timeout: TimeInterval = 20, _ predicate: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw Failure(description: "timed out waiting for \(what); screen was:\n\(last)")
    }

    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 20) throws -> String {
        try waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    func waitForExit(timeout: TimeInterval = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try hasExited() { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw Failure(description: "the program did not exit; screen:\n\(try screen())")
    }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs tmux and returns its output, through `ProcessRun` (posix_spawn, output read from
    /// files, clean signal mask): the server `new-session` starts would hold a pipe open.
    @discardableResult
    static func tmux(_ socket: String, _ arguments: [String]) throws -> String {
        let result = try ProcessRun.run(["/usr/bin/tmux", "-L", socket] + arguments)
        guard result.status == 0 else {
            throw Failure(
                description:
                    "tmux \(arguments.first ?? "") failed: \(result.stderr)\(result.stdout)")
        }
        return result.stdout + result.stderr
    }
}

/// Where the binary under test is: `SC_BINARY` (set by `make test`) or the debug build.
enum Binary {
    static var path: String {
        if let path = ProcessInfo.processInfo.environment["SC_BINARY"], !path.isEmpty {
            return path
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/settings-console").path
    }
}

extension Binary {
    /// Copies the binary under test to `directory`/settings-console (mode 755) for a user who
    /// cannot reach the checkout, and returns the copy's path.
    ///
    /// The copy is written through a close-on-exec descriptor: other tests start processes all
    /// the time, and one started while a plain descriptor was open for writing would keep it,
    /// and with it the file "busy", so running the copy would fail with ETXTBSY.
    static func copy(into directory: String) throws -> String {
        let destination = directory + "/settings-console"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TmuxSession.Failure(description: "cannot read \(path)")
        }
        let descriptor = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
        guard descriptor >= 0 else {
            throw TmuxSession.Failure(
                description: "cannot create \(destination): \(String(cString: strerror(errno)))")
        }
        let written = data.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return buffer.isEmpty }
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, base + offset, buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        guard close(descriptor) == 0, written, chmod(destination, 0o755) == 0 else {
            throw TmuxSession.Failure(description: "cannot write \(destination)")
        }
        return destination
    }
}

/// Direct children of `parent`, from the parent id in each /proc/PID/stat.
func childProcesses(of parent: Int32) -> [Int32] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { entry -> Int32? in
        guard let pid = Int32(entry),
            let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // After "pid (comm) state ppid": the command name may itself hold spaces or ')'.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 1 && Int32(fields[1]) == parent ? pid : nil
    }
}

/// Processes whose command line mentions `text` (read from /proc, no `ps` parsing).
func processes(mentioning text: String) -> [String] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { entry -> String? in
        guard Int(entry) != nil,
            let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
        else {
            return nil
        }
        let line = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
        return line.contains(text) ? "\(entry): \(line)" : nil
    }
}
