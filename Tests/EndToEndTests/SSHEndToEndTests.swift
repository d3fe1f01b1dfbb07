import Foundation
import Postgres
import TestSupport
import Testing

/// The real thing: Debian's sshd on a private port runs the built binary as its
/// `ForceCommand` with `ExposeAuthInfo yes`, and the real `ssh` client logs in with keys
/// registered through the command line. Who lands in the console is decided by the key.
///
/// Runs as any user: a normal user's sshd lets in only that user (as OpenSSH's regression
/// tests do); root's lets in an account made for each test and removed after it.
@Suite(
    "SSH login through a real sshd", .serialized,
    .enabled(
        if: PrivateSSHServer.unavailableReason == nil,
        Comment(rawValue: PrivateSSHServer.unavailableReason ?? "")))
final class SSHEndToEndTests {
    let directory: String
    let database: TestDatabase
    let account: SSHLoginAccount
    let admin: GeneratedSSHKey
    let viewer: GeneratedSSHKey
    let stranger: GeneratedSSHKey
    private var socketAccess: SocketDirectoryAccess?
    private var server: PrivateSSHServer?

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init() async throws {
        let started = Date()
        var template = Array("/tmp/sc-ssh-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw Failure(description: "mkdtemp failed") }
        directory = String(cString: made)
        // The login user (another account, as root) reaches its home, the forced command
        // and the binary through here.
        chmod(directory, 0o755)
        account = try SSHLoginAccount(directory: directory)
        let keys = directory + "/keys"
        try FileManager.default.createDirectory(
            atPath: keys, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700]
        )
        admin = try SSHKeygen.generate("ed25519", comment: "admin@laptop", in: keys, name: "admin")
        viewer = try SSHKeygen.generate(
            "ed25519", comment: "viewer@laptop", in: keys, name: "viewer")
        stranger = try SSHKeygen.generate(
            "ed25519", comment: "stranger@laptop", in: keys, name: "stranger")
        database = try await TestDatabase.make(.seeded)
        let conninfo = database.adminConninfo + " dbname=\(database.name) user=console_app"
        // Registered through the command line, as an owner would.
        for (email, key) in [("admin@example.com", admin), ("viewer@example.com", viewer)] {
            try ProcessRun.check(
                [
                    Binary.path, "keys", "add", email, "--key", key.publicLine, "--database",
                    conninfo,
                    "--user", "demo@example.com", "--password-stdin",
                ], input: "demo-pass\n")
        }
        if geteuid() == 0 {
            // The cluster belongs to `postgres`; the login account needs its socket.
            socketAccess = try SocketDirectoryAccess(
                conninfo: database.adminConninfo, group: account.name)
        }
        // sshd clears the environment: the forced command carries the server's connection.
        let forced = directory + "/console.sh"
        try """
        #!/bin/sh
        export LANG=C.UTF-8
        exec \(TmuxSession.quote(account.binary)) --database \(TmuxSession.quote(conninfo))

        """.write(toFile: forced, atomically: true, encoding: .utf8)
        chmod(forced, 0o755)
        server = try PrivateSSHServer(
            directory: directory, user: account.name,
            keys: .file([admin.publicLine, viewer.publicLine, stranger.publicLine]),
            forceCommand: forced)
        setUpSeconds = Date().timeIntervalSince(started)
    }

    private(set) var setUpSeconds: TimeInterval = 0

    deinit {
        server?.stop()
        socketAccess?.restore()
        account.remove()
        try? FileManager.default.removeItem(atPath: directory)
    }

    func ssh(_ key: GeneratedSSHKey, _ command: String...) throws -> ProcessRun {
        let server = try #require(server)
        return try ProcessRun.run(
            server.sshArguments(key: key.privateKeyPath, tty: false) + command)
    }

    /// `ssh -t` in a real terminal. The pane outlives ssh and prints its exit status: tmux
    /// can mark a pane dead before reading the last output of a program that exits at once,
    /// and a refusal is exactly such output.
    func interactive(_ key: GeneratedSSHKey) throws -> TmuxSession {
        let server = try #require(server)
        let line = server.sshArguments(key: key.privateKeyPath, tty: true).map(TmuxSession.quote)
            .joined(separator: " ")
        return try TmuxSession(
            command: "\(line); echo \"[ssh exited $?]\"; exec sleep 60", width: 110, height: 30)
    }

    @Test(.needsTerminalOverSSH)
    func eachKeyLandsInTheConsoleAsItsOwnUserAndRole() async throws {
        for (key, who) in [
            (admin, "admin@example.com (admin)"), (viewer, "viewer@example.com (viewer)"),
        ] {
            let tmux = try interactive(key)
            defer { tmux.close() }
            // The status line names the user at once; the members arrive a moment later.
            try tmux.waitFor("\(who) and the seeded members") {
                $0.contains(who) && $0.contains("pending@example.com")
            }
            if key.privateKeyPath == admin.privateKeyPath {
                // The keys panel: the admin sees the viewer's key as ssh-keygen prints it.
                try tmux.send(":")
                try tmux.send("keys viewer@example.com", literal: true)
                try tmux.send("Enter")
                let panel = try tmux.waitFor(text: viewer.keygenFingerprint)
                #expect(panel.contains("SSH keys · viewer@example.com"))
                try tmux.send("Escape")
            }
            try tmux.send("q")
            try tmux.waitFor(text: "[ssh exited 0]")
        }
        let logins = try await database.adminClient().query(
            """
            SELECT u.email FROM audit_logs a JOIN users u ON u.id = a.user_id
            WHERE a.action = 'auth.login' AND a.changes ->> 'method' = 'ssh-key'
              AND host(a.ip_address) = '127.0.0.1'
            ORDER BY a.created_at
            """
        ).rows.map { try $0.string("email") }
        #expect(logins == ["admin@example.com", "viewer@example.com"])
    }

    @Test(.needsTerminalOverSSH)
    func anUnknownKeyIsRefusedInATerminalWithTheReasonAndAudited() async throws {
        let tmux = try interactive(stranger)
        defer { tmux.close() }
        let screen = try tmux.waitFor(text: "[ssh exited 9]")
        #expect(screen.contains("is not registered with any active member"))
        // The terminal wraps the long line; the fingerprint is what the admin needs to see.
        #expect(
            screen.replacingOccurrences(of: "\n", with: "").contains(stranger.keygenFingerprint))
        #expect(try await unknownKeyFailures() == 1)
    }

    @Test func anUnknownKeyGetsNoCommandAndIsAudited() async throws {
        let batch = try ssh(stranger, "team", "list", "--json")
        #expect(batch.status == 9)
        #expect(batch.stdout.isEmpty, "nothing may be printed for an unknown key: \(batch.stdout)")
        #expect(batch.stderr.contains("is not registered with any active member"))
        #expect(try await unknownKeyFailures() == 1)
    }

    /// The audited refusals of `stranger`'s key; fails the test if any row says otherwise.
    func unknownKeyFailures() async throws -> Int {
        let failures = try await database.adminClient().query(
            """
            SELECT changes ->> 'reason' AS reason, changes ->> 'fingerprint' AS fingerprint, user_id
            FROM audit_logs WHERE action = 'auth.failed' AND changes ->> 'method' = 'ssh-key'
            """
        ).rows
        #expect(
            try failures.allSatisfy {
                try $0.optionalString("reason") == "unknown_key"
                    && $0.optionalString("fingerprint") == stranger.keygenFingerprint
                    && $0.optionalString("user_id") == nil
            })
        return failures.count
    }

    @Test func teamListOverSSHReturnsTheMembersAsJSON() throws {
        let result = try ssh(admin, "team", "list", "--json")
        #expect(result.status == 0, "\(result.stderr)")
        let members = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]],
            "\(result.stdout)")
        let emails = Set(members.compactMap { $0["email"] as? String })
        #expect(
            emails == [
                "demo@example.com", "admin@example.com", "member@example.com", "viewer@example.com",
                "pending@example.com", "former@example.com",
            ])
        // The viewer reads the list too: the same command, their own identity.
        #expect(try ssh(viewer, "team", "list", "--json").status == 0)
    }

    /// A monitor needs no password: a viewer's key runs `health`, whose exit code is the verdict.
    @Test func aViewersKeyRunsTheHealthCheckForAMonitor() throws {
        let result = try ssh(viewer, "health", "--json")
        #expect(result.status == 10, "\(result.stderr)")  // the seed's webhook is degraded
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
            "\(result.stdout)")
        #expect(report["status"] as? String == "warning")
        #expect((report["integrations"] as? [[String: Any]])?.count == 4)
    }

    @Test func theViewersChangeIsDeniedWithTheReason() async throws {
        let result = try ssh(viewer, "team", "role", "member@example.com", "admin")
        #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
        #expect(
            result.stderr.contains("Not allowed: Only admins and owners can manage members"),
            "\(result.stderr)")
        let role = try await database.adminClient().query(
            "SELECT tm.role FROM team_members tm JOIN users u ON u.id = tm.user_id WHERE u.email = 'member@example.com'"
        ).first?.string("role")
        #expect(role == "member")
        // The admin may, over the same door.
        #expect(try ssh(admin, "team", "role", "member@example.com", "viewer").status == 0)
    }

    /// The guide's other way: sshd lets any key in (`AuthorizedKeysCommand`) and the console
    /// alone decides. A key nobody registered still gets nothing.
    @Test func whenSshdAcceptsAnyKeyTheConsoleStillDecides() throws {
        server?.stop()
        let open = directory + "/any"
        try FileManager.default.createDirectory(
            atPath: open, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755]
        )
        let anyKey = try PrivateSSHServer(
            directory: open, user: account.name, keys: .anyKey,
            forceCommand: directory + "/console.sh")
        defer { anyKey.stop() }
        let unlisted = try SSHKeygen.generate(
            "ecdsa", bits: 256, in: directory + "/keys", name: "unlisted")
        let refused = try ProcessRun.run(
            anyKey.sshArguments(key: unlisted.privateKeyPath, tty: false) + ["team list"])
        #expect(refused.status == 9, "\(refused.stderr)\n\(anyKey.log)")
        #expect(refused.stderr.contains("is not registered with any active member"))
        let admitted = try ProcessRun.run(
            anyKey.sshArguments(key: viewer.privateKeyPath, tty: false) + ["team list --json"])
        #expect(admitted.status == 0, "\(admitted.stderr)\n\(anyKey.log)")
        #expect(admitted.stdout.contains("viewer@example.com"))
    }

    @Test func nothingButSettingsVerbsRunsAndNoOneBorrowsAnIdentity() throws {
        for (words, expected) in [
            (["demo"], "\"demo\" is not a command you can run over SSH"),
            (["migrate"], "Allowed commands: team, billing, integrations, health, audit, keys"),
            (["team", "list", "--user", "demo@example.com"], "--user cannot be used over SSH"),
            (["team", "list", "--database=host=/tmp"], "--database cannot be used over SSH"),
            (["/bin/sh", "-c", "id"], "is not a command you can run over SSH"),
        ] {
            let result = try ssh(admin, words.joined(separator: " "))
            #expect(result.status == 64, "\(words): \(result.stderr)")
            #expect(result.stderr.contains(expected), "\(words): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(words): \(result.stdout)")
        }
    }
}

/// Lets root's SSH login account reach the test cluster's unix socket: its directory is
/// private to `postgres` (mode 700), so for the test the directory's group becomes the
/// account's and gains search permission only (710). Restored afterwards.
final class SocketDirectoryAccess {
    private let path: String
    private let originalGroup: gid_t
    private let originalMode: mode_t
    private var restored = false

    init?(conninfo: String, group: String) throws {
        guard
            let host = conninfo.split(separator: " ").first(where: { $0.hasPrefix("host=/") })?
                .dropFirst(5)
        else { return nil }
        path = (String(host) as NSString).deletingLastPathComponent
        var info = stat()
        guard stat(path, &info) == 0, let entry = getgrnam(group) else {
            throw SSHEndToEndTests.Failure(description: "cannot open \(path) to group \(group)")
        }
        originalGroup = info.st_gid
        originalMode = info.st_mode & 0o7777
        guard chown(path, UInt32.max, entry.pointee.gr_gid) == 0,
            chmod(path, originalMode | 0o010) == 0
        else {
            throw SSHEndToEndTests.Failure(description: "cannot open \(path) to group \(group)")
        }
    }

    func restore() {
        guard !restored else { return }
        restored = true
        _ = chown(path, UInt32.max, originalGroup)
        _ = chmod(path, originalMode)
    }

    deinit { restore() }
}
