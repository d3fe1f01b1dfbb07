import Foundation
import Postgres
import TestSupport
import Testing

/// Names from the database reach the terminal defused on every command-line path (tables,
/// messages, refusals, `--json`), while `--json` still carries the original text.
///
/// The names are written straight into the database as the schema owner: the console's own
/// validation would refuse them, and the database is exactly the source not to trust.
@Suite("database text on the command line")
final class HostileTextEndToEndTests {
    /// OSC 52 (sets the clipboard), a CSI colour, a one-byte C1 CSI and a right-to-left override.
    static let integrationName =
        "Ops\u{1B}]52;c;Y3VybCBldmlsLnNo\u{07}Alerts\u{1B}[31m\u{9B}2J\u{202E}txt.exe"
    static let fullName = "Mallory\u{1B}]52;c;cm0gLXJmIH4=\u{07}\u{1B}[2J\u{9B}31m\u{202E}nimdA"

    let database: TestDatabase
    let conninfo: String
    let home: String

    init() async throws {
        database = try await TestDatabase.make(.seeded)
        conninfo = database.adminConninfo + " dbname=\(database.name) user=console_app"
        home = NSTemporaryDirectory() + "sc-hostile-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let owner = database.adminClient()
        try await owner.query(
            "UPDATE integrations_config SET integration_name = $1 WHERE integration_name = $2",
            [Self.integrationName, "Engineering Alerts"])
        try await owner.query(
            "UPDATE users SET full_name = $1 WHERE email = $2",
            [Self.fullName, "member@example.com"])
        await owner.close()
    }

    deinit { try? FileManager.default.removeItem(atPath: home) }

    /// Runs the built binary as the demo owner on this test's database.
    func run(_ arguments: [String]) throws -> ProcessRun {
        try ProcessRun.run(
            [Binary.path] + arguments + [
                "--database", conninfo, "--user", "demo@example.com", "--password-stdin",
            ],
            input: "demo-pass\n",
            environment: ["PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8"])
    }

    @Test func integrationsShowDefusesTheNameAndItsJSONKeepsIt() throws {
        let text = try run(["integrations", "show", Self.integrationName])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Alerts"), "\(text.stdout)")
        expectDefused(text, "integrations show")

        let json = try run(["integrations", "show", Self.integrationName, "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        expectDefused(json, "integrations show --json")
        struct Detail: Decodable {
            struct Summary: Decodable { let name: String }
            let summary: Summary
        }
        let detail = try JSONDecoder().decode(Detail.self, from: Data(json.stdout.utf8))
        #expect(detail.summary.name == Self.integrationName)
    }

    @Test func integrationsTestAndEnableDefuseTheNameInMessagesAndRefusals() throws {
        let tested = try run(["integrations", "test", Self.integrationName])
        // The test event cannot be delivered (no receiver): the result names the integration
        // and the exit code says it failed.
        #expect(tested.status == 5, "\(tested.stdout)\(tested.stderr)")
        #expect((tested.stdout + tested.stderr).contains("Alerts"), "\(tested.stdout)")
        expectDefused(tested, "integrations test")

        let refused = try run(["integrations", "enable", Self.integrationName])
        #expect(refused.status == 5, "it is already enabled: \(refused.stderr)")
        #expect(refused.stderr.contains("is already enabled"), "\(refused.stderr)")
        expectDefused(refused, "integrations enable (refused)")

        let disabled = try run(["integrations", "disable", Self.integrationName, "--json"])
        #expect(disabled.status == 0, "\(disabled.stderr)")
        expectDefused(disabled, "integrations disable --json")
        struct Done: Decodable { let message: String }
        let done = try JSONDecoder().decode(Done.self, from: Data(disabled.stdout.utf8))
        #expect(done.message == "Disabled \(Self.integrationName)")

        let enabled = try run(["integrations", "enable", Self.integrationName])
        #expect(enabled.status == 0, "\(enabled.stderr)")
        #expect(enabled.stdout.hasPrefix("Enabled Ops"), "\(enabled.stdout)")
        expectDefused(enabled, "integrations enable")
    }

    @Test func teamRoleAndTeamListDefuseAFullName() throws {
        let refused = try run(["team", "role", "member@example.com", "member"])
        #expect(refused.status == 3, "the member already has that role: \(refused.stderr)")
        #expect(refused.stderr.contains("Mallory"), "\(refused.stderr)")
        expectDefused(refused, "team role (refused)")

        let table = try run(["team", "list", "--search", "member@example.com"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("Mallory"), "\(table.stdout)")
        expectDefused(table, "team list")

        let json = try run(["team", "list", "--json", "--search", "member@example.com"])
        #expect(json.status == 0, "\(json.stderr)")
        expectDefused(json, "team list --json")
        struct Member: Decodable { let name: String }
        let members = try JSONDecoder().decode([Member].self, from: Data(json.stdout.utf8))
        #expect(members.map(\.name) == [Self.fullName])
    }

    @Test func theSSHForcedCommandDefusesTheSameText() throws {
        let key = try SSHKeygen.generate("ed25519", in: home, name: "owner")
        try ProcessRun.check(
            [
                Binary.path, "keys", "add", "demo@example.com", "--key", key.publicLine,
                "--database", conninfo, "--user", "demo@example.com", "--password-stdin",
            ], input: "demo-pass\n")
        let authFile = home + "/ssh-auth"
        let publicKey = key.publicLine.split(separator: " ").prefix(2).joined(separator: " ")
        try "publickey \(publicKey)\n".write(toFile: authFile, atomically: false, encoding: .utf8)
        func forced(_ command: String) throws -> ProcessRun {
            try ProcessRun.run(
                [Binary.path, "--database", conninfo],
                environment: [
                    "PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8",
                    "SSH_USER_AUTH": authFile, "SSH_ORIGINAL_COMMAND": command,
                ])
        }

        let refused = try forced("team role member@example.com member")
        #expect(refused.status == 3, "\(refused.stderr)")
        #expect(refused.stderr.contains("Mallory"), "\(refused.stderr)")
        expectDefused(refused, "forced team role (refused)")

        let json = try forced("team list --json --search member@example.com")
        #expect(json.status == 0, "\(json.stderr)")
        expectDefused(json, "forced team list --json")
        struct Member: Decodable { let name: String }
        let members = try JSONDecoder().decode([Member].self, from: Data(json.stdout.utf8))
        #expect(members.map(\.name) == [Self.fullName])

        let table = try forced("integrations list")
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("Alerts"), "\(table.stdout)")
        expectDefused(table, "forced integrations list")
    }

    /// No ESC, no other C0 control but the line break, no C1 control and no bidi control in
    /// either stream (the streams were read as UTF-8, so a C1 here is its two-byte form).
    func expectDefused(
        _ result: ProcessRun, _ context: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for (stream, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
            let raw = text.unicodeScalars.filter(Self.mustNotReachATerminal)
            #expect(
                raw.isEmpty,
                "\(context) \(stream) carries \(raw.map { "U+" + String($0.value, radix: 16) }): \(text.debugDescription)",
                sourceLocation: sourceLocation)
        }
    }

    static func mustNotReachATerminal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029, 0xFEFF:
            return true
        default: return false
        }
    }
}
