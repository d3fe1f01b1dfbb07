import Foundation
import Postgres
import TestSupport
import Testing

/// Issue 8 on the command line, through the real binary. `team accept TOKEN`: a new email
/// creates its account; an existing account is accepted only by logging in as it, and a
/// token alone never sets its password. `keys list`: who added each key, since a key acts
/// only as far as its adder's authority reaches.
@Suite("team accept and keys list on the command line")
final class InvitationAcceptEndToEndTests {
    let database: TestDatabase
    let conninfo: String
    let home: String

    init() async throws {
        database = try await TestDatabase.make(.seeded)
        conninfo = database.adminConninfo + " dbname=\(database.name) user=console_app"
        home = NSTemporaryDirectory() + "sc-accept-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: home) }

    func run(_ arguments: [String], input: String) throws -> ProcessRun {
        try ProcessRun.run(
            [Binary.path] + arguments + ["--database", conninfo], input: input,
            environment: ["PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8"])
    }

    /// The admin invites `email`; returns the token the command line printed once.
    func invite(_ email: String) throws -> String {
        let invited = try run(
            [
                "team", "invite", email, "--role", "member", "--json", "--user",
                "admin@example.com", "--password-stdin",
            ], input: "demo-pass\n")
        #expect(invited.status == 0, "\(invited.stderr)")
        struct Receipt: Decodable { let token: String }
        return try JSONDecoder().decode(Receipt.self, from: Data(invited.stdout.utf8)).token
    }

    func scalar(_ sql: SQL, _ parameters: [any PostgresEncodable]) async throws -> String? {
        let owner = database.adminClient()
        defer { Task { await owner.close() } }
        return try await owner.query(sql, parameters).first?.optionalString("v")
    }

    /// A workspace of its own, owned by a user with `email` and `passwordSQL` as the hash.
    func ownerElsewhere(slug: String, email: String, passwordSQL: SQL) async throws {
        let owner = database.adminClient()
        try await owner.query(
            """
            WITH ws AS (INSERT INTO workspaces (name, slug) VALUES ($1, $1) RETURNING id),
                 u AS (INSERT INTO users (email, password_hash, full_name)
                       VALUES ($2, \(passwordSQL), 'Owner Elsewhere') RETURNING id)
            INSERT INTO team_members (workspace_id, user_id, role, status)
            SELECT ws.id, u.id, 'owner', 'active' FROM ws, u
            """, [slug, email])
        await owner.close()
    }

    @Test func aNewEmailCreatesItsAccountAndCanLogIn() async throws {
        let token = try invite("newcomer@example.com")
        let accepted = try run(
            ["team", "accept", token, "--name", "New Comer", "--password-stdin", "--json"],
            input: "newcomer-pass\n")
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(accepted.stdout.contains("\"ok\":true"), "\(accepted.stdout)")
        let list = try run(
            ["team", "list", "--user", "newcomer@example.com", "--password-stdin"],
            input: "newcomer-pass\n")
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("New Comer"))
    }

    @Test func aTokenAloneCannotTakeOverAnExistingAccount() async throws {
        try await ownerElsewhere(
            slug: "initech", email: "keyonly@initech.example", passwordSQL: "NULL")
        let token = try invite("keyonly@initech.example")

        let withName = try run(
            ["team", "accept", token, "--name", "Mallory", "--password-stdin"],
            input: "mallory-password\n")
        #expect(withName.status == 9, "a password that is not the account's: \(withName.stderr)")
        let asSomeoneElse = try run(
            ["team", "accept", token, "--user", "admin@example.com", "--password-stdin"],
            input: "demo-pass\n")
        #expect(asSomeoneElse.status == 9, "\(asSomeoneElse.stderr)")
        let bare = try run(["team", "accept", token], input: "")
        #expect(bare.status == 6, "\(bare.stderr)")
        #expect(bare.stderr.contains("--name"), "\(bare.stderr)")
        #expect(
            try await scalar(
                "SELECT (password_hash IS NULL)::text AS v FROM users WHERE email = $1",
                ["keyonly@initech.example"]) == "true")
        #expect(
            try await scalar(
                "SELECT status AS v FROM team_members WHERE invitation_email = $1",
                ["keyonly@initech.example"]) == "pending")
    }

    @Test func anExistingAccountAcceptsByLoggingInAsItself() async throws {
        try await ownerElsewhere(
            slug: "hooli", email: "gavin@hooli.example",
            passwordSQL: "crypt('hooli-pass', gen_salt('bf', 4))")
        let token = try invite("gavin@hooli.example")
        let needsLogin = try run(
            ["team", "accept", token, "--name", "Gavin B", "--password-stdin"],
            input: "not-his-password\n")
        #expect(needsLogin.status == 9, "\(needsLogin.stderr)")
        let accepted = try run(
            ["team", "accept", token, "--user", "gavin@hooli.example", "--password-stdin"],
            input: "hooli-pass\n")
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(
            try await scalar(
                "SELECT full_name AS v FROM users WHERE email = $1", ["gavin@hooli.example"])
                == "Owner Elsewhere")
        let list = try run(
            [
                "team", "list", "--user", "gavin@hooli.example", "--password-stdin",
                "--workspace", "acme",
            ], input: "hooli-pass\n")
        #expect(list.status == 0, "\(list.stderr)")
    }

    @Test func keysListSaysWhoAddedEachKey() throws {
        let borrowed = try SSHKeygen.generate("ed25519", in: home, name: "admins")
        let own = try SSHKeygen.generate("ed25519", in: home, name: "own")
        for (email, key) in [("member@example.com", borrowed), ("admin@example.com", own)] {
            let added = try run(
                [
                    "keys", "add", email, "--key", key.publicLine, "--user", "admin@example.com",
                    "--password-stdin",
                ], input: "demo-pass\n")
            #expect(added.status == 0, "\(added.stderr)")
        }
        let listed = try run(
            ["keys", "list", "--user", "admin@example.com", "--password-stdin"],
            input: "demo-pass\n")
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("ADDED BY"), "\(listed.stdout)")
        let rows = listed.stdout.split(separator: "\n")
        let memberRow = rows.first { $0.hasPrefix("member@example.com") } ?? ""
        let adminRow = rows.first { $0.hasPrefix("admin@example.com") } ?? ""
        #expect(memberRow.contains("admin@example.com"), "\(listed.stdout)")
        #expect(adminRow.contains(" self "), "\(listed.stdout)")

        let json = try run(
            [
                "keys", "list", "member@example.com", "--json", "--user", "admin@example.com",
                "--password-stdin",
            ], input: "demo-pass\n")
        struct Key: Decodable { let createdBy: String? }
        let keys = try JSONDecoder().decode([Key].self, from: Data(json.stdout.utf8))
        #expect(keys.map(\.createdBy) == ["admin@example.com"])
    }
}
