import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Debian's OpenSSH server on a private loopback port with its own host key and config, for
/// one test, letting in one `SSHLoginAccount`.
///
/// As a normal user, sshd runs as that user and lets in only that user, as OpenSSH's own
/// regression tests do (regress/test-exec.sh): no privilege separation, no PAM, its own host
/// key, pid file and authorized keys. As root it lets in an account created for the test.
///
/// sshd runs in the foreground (`-D`) under a small reaper: a shell that holds the read end
/// of a pipe whose write end only this process has. When the test stops the server, or the
/// test process dies however it dies, the pipe closes and the reaper stops sshd, so no
/// listener is ever left behind.
final class PrivateSSHServer {
    let directory: String
    let user: String
    let port: Int
    private let reaper: pid_t
    private var lifeline: Int32
    private var isStopped = false

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Writes the host key, `authorized_keys` and config into `directory` and starts sshd;
    /// returns once it accepts connections.
    /// Which keys sshd lets in: a file, or any key (the console decides, as
    /// docs/ssh-deployment.md describes with `AuthorizedKeysCommand`).
    enum KeyAcceptance {
        case file([String])
        case anyKey
    }

    init(directory: String, user: String, keys: KeyAcceptance, forceCommand: String) throws {
        self.directory = directory
        self.user = user
        if geteuid() == 0 {
            // Privilege separation's empty chroot; sshd wants it only when it runs as root.
            try FileManager.default.createDirectory(
                atPath: "/run/sshd", withIntermediateDirectories: true)
        }
        try ProcessRun.check([
            "/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f",
            directory + "/host_ed25519",
        ])
        let acceptance: String
        switch keys {
        case .file(let lines):
            try (lines.joined(separator: "\n") + "\n").write(
                toFile: directory + "/authorized_keys", atomically: true, encoding: .utf8)
            acceptance = "AuthorizedKeysFile \(directory)/authorized_keys"
        case .anyKey:
            // sshd runs the command only from a path that root owns all the way up, which a
            // test cannot make without root; echo is such a path and prints the very line
            // authorized_keys would hold. The command runs as the login user when sshd is
            // not root (it cannot switch users), as `nobody` when it is.
            acceptance = """
                AuthorizedKeysFile none
                AuthorizedKeysCommand /bin/echo restrict,pty %t %k
                AuthorizedKeysCommandUser \(geteuid() == 0 ? "nobody" : user)
                """
        }
        port = try Self.freePort()
        let config = """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(directory)/host_ed25519
            PidFile \(directory)/sshd.pid
            \(acceptance)
            AllowUsers \(user)
            UsePAM no
            StrictModes no
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin no
            PermitUserEnvironment no
            PermitTTY yes
            AllowTcpForwarding no
            AllowAgentForwarding no
            X11Forwarding no
            PermitTunnel no
            ExposeAuthInfo yes
            ForceCommand \(forceCommand)
            LogLevel VERBOSE

            """
        try config.write(toFile: directory + "/sshd_config", atomically: true, encoding: .utf8)
        let script = """
            #!/bin/sh
            # Runs sshd until standard input reaches end of file, then stops it.
            /usr/sbin/sshd -D -e -f "$1" </dev/null >>"$2" 2>&1 &
            pid=$!
            cat >/dev/null
            kill "$pid" 2>/dev/null
            wait "$pid" 2>/dev/null

            """
        try script.write(toFile: directory + "/reaper.sh", atomically: true, encoding: .utf8)
        (reaper, lifeline) = try Self.spawnReaper(
            script: directory + "/reaper.sh", config: directory + "/sshd_config",
            log: directory + "/sshd.log")
        do {
            try waitUntilListening()
        } catch {
            stop()
            throw error
        }
    }

    deinit { stop() }

    var log: String {
        (try? String(contentsOfFile: directory + "/sshd.log", encoding: .utf8)) ?? ""
    }

    /// Closes the lifeline (the reaper stops sshd) and waits for both to be gone.
    func stop() {
        guard !isStopped else { return }
        isStopped = true
        close(lifeline)
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(5)
        while waitpid(reaper, &status, WNOHANG) == 0, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        if let text = try? String(contentsOfFile: directory + "/sshd.pid", encoding: .utf8),
            let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), kill(pid, 0) == 0
        {
            kill(pid, SIGKILL)
        }
        kill(reaper, SIGKILL)
        _ = waitpid(reaper, &status, WNOHANG)
    }

    private func waitUntilListening() throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if Self.canConnect(port: port) { return }
            if waitpid(reaper, nil, WNOHANG) == reaper {
                throw Failure(description: "sshd exited at start:\n\(log)")
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw Failure(description: "sshd did not listen on \(port) within 10 s:\n\(log)")
    }

    /// A port the kernel just handed out on loopback (closed again for sshd to take).
    private static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socket, generic, length) == 0 && getsockname(socket, generic, &length) == 0
            }
        }
        guard bound else { throw Failure(description: "could not find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func canConnect(port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                connect(socket, generic, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// Starts the reaper with the read end of a close-on-exec pipe as its stdin; returns its
    /// pid and the write end, which no other child inherits.
    private static func spawnReaper(script: String, config: String, log: String) throws -> (
        pid_t, Int32
    ) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw Failure(description: "pipe failed") }
        // Close-on-exec at once (pipe2 is not visible from Swift): the write end must reach
        // no other child, or the pipe would outlive this process.
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let words: [String] = ["/bin/sh", script, config, log]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var attributes = CleanSignals.attributes()
        defer { posix_spawnattr_destroy(&attributes) }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
        close(fds[0])
        guard spawned == 0 else {
            close(fds[1])
            throw Failure(description: "could not start sshd's reaper")
        }
        return (pid, fds[1])
    }
}

extension PrivateSSHServer {
    /// `ssh` as a test user would run it, never reading the caller's own ssh configuration.
    func sshArguments(key: String, tty: Bool) -> [String] {
        [
            "/usr/bin/ssh", "-F", "/dev/null", "-i", key, "-p", String(port),
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
            "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "LogLevel=ERROR",
        ] + (tty ? ["-t"] : ["-T"]) + ["\(user)@127.0.0.1"]
    }

    /// Why this machine cannot run a private sshd and log in to it, or nil when it can.
    static let unavailableReason: String? = {
        for tool in ["/usr/sbin/sshd", "/usr/bin/ssh", "/usr/bin/ssh-keygen"]
        where access(tool, X_OK) != 0 {
            return "\(tool) is missing (Debian: openssh-server, openssh-client)"
        }
        if geteuid() == 0 { return nil }
        // Not root: sshd lets in only the current user, and runs the forced command with
        // that user's login shell.
        guard let entry = getpwuid(geteuid()) else {
            return "the current user (uid \(geteuid())) has no passwd entry for sshd to log in as"
        }
        let shell = String(cString: entry.pointee.pw_shell)
        if shell.hasSuffix("/nologin") || shell.hasSuffix("/false") || access(shell, X_OK) != 0 {
            return "the current user's login shell (\(shell)) cannot run sshd's forced command"
        }
        return nil
    }()
}

extension PrivateSSHServer {
    /// Why sshd cannot give a login a terminal (`ssh -t`) here, or nil when it can.
    ///
    /// sshd hands the session's terminal to the login user and the group `tty` (a chown). Root
    /// always may. A normal user's sshd may only when the terminal already has group `tty`
    /// (devpts mounted with `gid=5`, as Debian does) or the user is in that group; where
    /// devpts gives new terminals their creator's group (many containers), sshd drops the
    /// session with "chown(/dev/pts/N, ...) failed".
    static let terminalUnavailableReason: String? = {
        guard geteuid() != 0, let tty = getgrnam("tty") else { return nil }
        let ttyGroup = tty.pointee.gr_gid
        let count = getgroups(0, nil)
        var groups = [gid_t](repeating: 0, count: Int(max(count, 0)))
        if getegid() == ttyGroup
            || (count > 0 && getgroups(count, &groups) == count
                && groups.contains(ttyGroup))
        {
            return nil
        }
        // Without a `gid=` option devpts gives a new terminal its creator's group.
        let mounts = (try? String(contentsOfFile: "/proc/self/mounts", encoding: .utf8)) ?? ""
        let options =
            mounts.split(separator: "\n").last {
                $0.split(separator: " ").dropFirst().first == "/dev/pts"
            }?
            .split(separator: " ").dropFirst(3).first ?? ""
        if options.split(separator: ",").contains("gid=\(ttyGroup)") { return nil }
        return "sshd run by a normal user cannot give the login a terminal on this machine: "
            + "/dev/pts is mounted without gid=\(ttyGroup) (\(options)), so a new terminal has the "
            + "user's group and only root may give it to tty. `ssh -t` is tested when run as root."
    }()
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only where sshd can give the login a terminal; otherwise it is skipped
    /// with the reason.
    static var needsTerminalOverSSH: Self {
        .enabled(
            if: PrivateSSHServer.terminalUnavailableReason == nil,
            Comment(rawValue: PrivateSSHServer.terminalUnavailableReason ?? ""))
    }
}

/// The account the SSH tests log in as, and the binary it runs.
///
/// As a normal user that is the current user and the binary under test itself. As root it is
/// an account made for the test (sshd refuses root here, as a bastion would), which needs a
/// binary it can reach: the checkout may sit in a private directory such as /root, so the
/// binary is copied into the test's own directory. The account is removed by `remove()`.
final class SSHLoginAccount {
    let name: String
    /// The binary the forced command runs.
    let binary: String
    private let created: Bool
    private var removed = false

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// `directory` must be searchable by everyone (mode 755): as root the account's home and
    /// the copied binary go there.
    init(directory: String) throws {
        guard geteuid() == 0 else {
            guard let entry = getpwuid(geteuid()) else {
                throw Failure(description: "the current user has no passwd entry")
            }
            name = String(cString: entry.pointee.pw_name)
            binary = Binary.path
            created = false
            return
        }
        // A fresh name each time: an account left by a killed run is never reused.
        name = "sc-ssh-" + UUID().uuidString.prefix(8).lowercased()
        let bin = directory + "/bin"
        try FileManager.default.createDirectory(
            atPath: bin, withIntermediateDirectories: false,
            attributes: [.posixPermissions: 0o755])
        binary = try Binary.copy(into: bin)
        // A real shell (sshd runs the forced command through it) and the `*` password that
        // `UsePAM no` accepts as "not locked".
        try ProcessRun.check([
            "/usr/sbin/useradd", "--home-dir", directory + "/home", "--create-home",
            "--user-group", "--shell", "/bin/sh", "--password", "*", name,
        ])
        created = true
    }

    deinit { remove() }

    /// Deletes the account if the test created it. sshd's session processes may take a
    /// moment to go after the server stops, and userdel refuses a user who still has any.
    func remove() {
        guard created, !removed else { return }
        removed = true
        let deadline = Date().addingTimeInterval(10)
        while (try? ProcessRun.run(["/usr/sbin/userdel", "--remove", name]).status) != 0,
            Date() < deadline
        {
            Thread.sleep(forTimeInterval: 0.1)
        }
        if (try? ProcessRun.run(["/usr/bin/id", name]).status) == 0 {
            _ = try? ProcessRun.run(["/usr/sbin/userdel", "--remove", "--force", name])
        }
    }
}
