import Foundation
import Postgres
import TestSupport
import Testing

/// The built binary's choice of identity, driven through the environment sshd would set
/// (`SSH_USER_AUTH`, `SSH_ORIGINAL_COMMAND`) without sshd itself: the file is written by this
/// process, so it is owned by the user the binary runs as, as sshd's own file would be.
@Suite("Who the binary decides you are")
final class IdentityResolutionTests {
    let database: TestDatabase
    let conninfo: String
    let directory: String
    let admin: GeneratedSSHKey
    let viewer: GeneratedSSHKey
    let stranger: GeneratedSSHKey

    init() async throws {
        database = try await TestDatabase.make(.seeded)
        conninfo = database.adminConninfo + " dbname=\(database.name) user=console_app"
        directory = try SSHKeygen.temporaryDirectory()
        admin = try SSHKeygen.generate("ed25519", comment: "admin", in: directory, name: "admin")
        viewer = try SSHKeygen.generate(
            "ecdsa", bits: 384, comment: "viewer", in: directory, name: "viewer")
        stranger = try SSHKeygen.generate("ed25519", in: directory, name: "stranger")
        for (email, key) in [("admin@example.com", admin), ("viewer@example.com", viewer)] {
            try ProcessRun.check(
                [
                    Binary.path, "keys", "add", email, "--key", key.publicLine, "--database",
                    conninfo,
                    "--user", "demo@example.com", "--password-stdin",
                ], input: "demo-pass\n")
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// sshd's `SSH_USER_AUTH` file for `lines`, mode 0600.
    func authFile(_ lines: [String], name: String = UUID().uuidString, mode: Int = 0o600) throws
        -> String
    {
        let path = directory + "/auth-" + name
        try (lines.joined(separator: "\n") + "\n").write(
            toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    func publicKeyLine(_ key: GeneratedSSHKey) -> String {
        "publickey " + key.publicLine.split(separator: " ").prefix(2).joined(separator: " ")
    }

    /// Runs the binary as sshd's forced command would: a bare environment plus `extra`.
    func run(_ arguments: [String], _ extra: [String: String], input: String = "") throws
        -> ProcessRun
    {
        var environment = ["PATH": "/usr/bin:/bin", "HOME": directory, "LANG": "C.UTF-8"]
        environment.merge(extra) { _, new in new }
        return try ProcessRun.run(
            [Binary.path] + arguments + ["--database", conninfo], input: input,
            environment: environment)
    }

    func forced(_ command: String, as key: GeneratedSSHKey) throws -> ProcessRun {
        try run(
            [],
            ["SSH_USER_AUTH": try authFile([publicKeyLine(key)]), "SSH_ORIGINAL_COMMAND": command])
    }

    @Test func theKeyDecidesWhoRunsTheCommand() throws {
        let viewerRun = try forced("audit list", as: viewer)
        #expect(viewerRun.status == 3, "the viewer may not read the audit log: \(viewerRun.stderr)")
        let adminRun = try forced("audit list --json", as: admin)
        #expect(adminRun.status == 0, "\(adminRun.stderr)")
        #expect(adminRun.stdout.contains("keys.add"))
    }

    @Test func quotedWordsArriveWholeAndNothingIsExpanded() throws {
        for command in [
            "team list --json --search 'Admin User'", "team list --json --search \"Admin User\"",
            "team list --json --search Admin\\ User",
        ] {
            let result = try forced(command, as: viewer)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(
                result.stdout.contains("admin@example.com")
                    && !result.stdout.contains("demo@example.com"), "\(command): \(result.stdout)")
        }
        let literal = try forced("team list --json --search '$HOME'", as: viewer)
        #expect(literal.status == 0)
        #expect(literal.stdout == "[]\n", "no shell expansion: \(literal.stdout)")
        let newKey = try SSHKeygen.generate(
            "ed25519", comment: "member laptop", in: directory, name: "member")
        let added = try forced(
            "keys add member@example.com --key '\(newKey.publicLine)'", as: admin)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains(newKey.keygenFingerprint))
    }

    @Test func aFailedKeyNeverFallsBackToAPassword() throws {
        let unknown = try authFile([publicKeyLine(stranger)])
        let withPassword = try run(
            ["team", "list", "--user", "demo@example.com", "--password-stdin"],
            ["SSH_USER_AUTH": unknown],
            input: "demo-pass\n")
        #expect(withPassword.status == 64, "\(withPassword.stderr)")
        #expect(withPassword.stdout.isEmpty)
        let alone = try run(["team", "list"], ["SSH_USER_AUTH": unknown])
        #expect(alone.status == 9)
        #expect(alone.stderr.contains("is not registered with any active member"))
        #expect(alone.stdout.isEmpty)
    }

    @Test func onlyTheFileSshdWouldWriteIsBelieved() throws {
        let good = try authFile([publicKeyLine(admin)], name: "good")
        let link = directory + "/auth-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: good)
        let cases: [(String, String)] = [
            (link, "is a symbolic link"),
            (
                try authFile([publicKeyLine(admin)], name: "shared", mode: 0o622),
                "writable by other users"
            ),
            (directory, "is not a regular file"),
            (directory + "/absent", "does not exist"),
            (
                try authFile(["keyboard-interactive/pam"], name: "kbd"),
                "did not log in with a public key"
            ),
            (
                try authFile([publicKeyLine(admin), publicKeyLine(viewer)], name: "two"),
                "will not guess"
            ),
        ]
        for (path, reason) in cases {
            let result = try run(["team", "list"], ["SSH_USER_AUTH": path])
            #expect(result.status == 9, "\(path): \(result.stderr)")
            #expect(
                result.stderr.contains("SSH login refused") && result.stderr.contains(reason),
                "\(path): \(result.stderr)")
        }
        // A second factor beside the key is fine: the key still names the user.
        let twoFactor = try authFile(
            [publicKeyLine(viewer), "keyboard-interactive/pam"], name: "2fa")
        let result = try run(
            [], ["SSH_USER_AUTH": twoFactor, "SSH_ORIGINAL_COMMAND": "team list --json"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func aCommandWithoutAKeyIsRefused() throws {
        let result = try run([], ["SSH_ORIGINAL_COMMAND": "team list"])
        #expect(result.status == 9)
        #expect(result.stderr.contains("need a key login"), "\(result.stderr)")
    }

    @Test func passwordsStillWorkWhereThereIsNoSSH() throws {
        let result = try run(
            ["team", "list", "--json", "--user", "viewer@example.com", "--password-stdin"], [:],
            input: "demo-pass\n")
        #expect(result.status == 0, "\(result.stderr)")
        let refused = try run(
            ["team", "list", "--user", "viewer@example.com", "--password-stdin"], [:],
            input: "wrong\n")
        #expect(refused.status == 9)
        #expect(refused.stderr.contains("Invalid credentials"))
    }
}
