import Foundation

/// Starts programs with `posix_spawn` and waits with `waitpid`.
///
/// Foundation's `Process` notices a child's exit through a descriptor the child inherits; a
/// program that starts a daemon (`pg_ctl start`) hands that descriptor to the daemon, and the
/// wait never ends. Spawning directly avoids that, and lets the reaper run in its own session.
enum ChildProcess {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `executable` with `arguments`; output and errors go to `outputPath` (appended),
    /// standard input comes from `standardInput` (or /dev/null).
    static func spawn(
        _ executable: String, _ arguments: [String], outputPath: String,
        standardInput: Int32? = nil,
        newSession: Bool = false
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let standardInput {
            posix_spawn_file_actions_adddup2(&actions, standardInput, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_addopen(
            &actions, 1, outputPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The caller may be a runtime thread that blocks most signals, and children inherit
        // that mask: a reaper or server that cannot receive SIGTERM or SIGCHLD never finishes.
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var flags = Int16(POSIX_SPAWN_SETSIGMASK)
        // glibc's POSIX_SPAWN_SETSID (0x80, a _GNU_SOURCE constant Swift does not import).
        if newSession { flags |= 0x80 }
        posix_spawnattr_setflags(&attributes, flags)
        let argv: [UnsafeMutablePointer<CChar>?] =
            ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard status == 0 else {
            throw Failure(
                description: "could not start \(executable): \(String(cString: strerror(status)))")
        }
        return pid
    }

    /// Waits for `pid` and returns its exit status (128 + signal if it was killed).
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            if errno != EINTR { return -1 }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
