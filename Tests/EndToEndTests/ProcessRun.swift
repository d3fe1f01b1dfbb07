import Foundation

/// Runs a program to completion with posix_spawn, its output read from a file rather than a
/// pipe (a daemon it starts could hold a pipe open forever; see `TmuxSession.tmux`).
struct ProcessRun {
    let status: Int32
    let stdout: String
    let stderr: String

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `arguments[0]` (an absolute path) with `input` on standard input.
    static func run(_ arguments: [String], input: String = "", environment: [String: String]? = nil)
        throws -> ProcessRun
    {
        let base = NSTemporaryDirectory() + "sc-run-\(UUID().uuidString)"
        let inputPath = base + ".in", outputPath = base + ".out", errorPath = base + ".err"
        defer {
            [inputPath, outputPath, errorPath].forEach {
                try? FileManager.default.removeItem(atPath: $0)
            }
        }
        try input.write(toFile: inputPath, atomically: true, encoding: .utf8)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(
            &actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(
            &actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp: [UnsafeMutablePointer<CChar>?]? = environment.map { values in
            values.map { strdup("\($0.key)=\($0.value)") } + [nil]
        }
        defer { envp?.forEach { free($0) } }
        var attributes = CleanSignals.attributes()
        defer { posix_spawnattr_destroy(&attributes) }
        var pid: pid_t = 0
        let spawned =
            envp.map { list in posix_spawn(&pid, arguments[0], &actions, &attributes, argv, list) }
            ?? posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            throw Failure(
                description:
                    "could not start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return ProcessRun(
            status: code, stdout: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "")
    }

    /// Runs and throws unless the exit status is 0.
    @discardableResult
    static func check(_ arguments: [String], input: String = "") throws -> ProcessRun {
        let result = try run(arguments, input: input)
        guard result.status == 0 else {
            throw Failure(
                description:
                    "\(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)\(result.stdout)"
            )
        }
        return result
    }
}

/// Spawn attributes that give the child an empty signal mask and default dispositions.
///
/// posix_spawn passes on the calling thread's signal mask, and the test runner's threads
/// block nearly every signal. A tmux server or sshd started with that mask never sees
/// SIGCHLD or SIGTERM: it cannot reap its panes, `kill-server` never completes, and it
/// outlives the test (hundreds of stuck tmux servers were the result).
enum CleanSignals {
    static func attributes() -> posix_spawnattr_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGCHLD, SIGHUP, SIGINT, SIGQUIT, SIGTERM] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        return attributes
    }
}
