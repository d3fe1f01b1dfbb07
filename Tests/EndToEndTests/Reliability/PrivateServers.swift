import Foundation
import Postgres
import TestSupport

/// The repository's scripts/ folder, found from this file's path (tests run from anywhere).
enum Scripts {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts").path

    /// Runs `scripts/NAME ARGUMENTS` and returns what it printed on stdout, trimmed.
    @discardableResult
    static func run(_ name: String, _ arguments: [String]) throws -> String {
        let result = try ProcessRun.check(["/bin/bash", directory + "/" + name] + arguments)
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A fresh directory for a private server: short (unix socket paths are limited) and
    /// reachable by the `postgres` user when the tests run as root.
    static func scratchDirectory(_ label: String) -> String {
        "/tmp/sc-\(label)-\(getpid())-\(UUID().uuidString.prefix(6))"
    }
}

/// The socket directory and port in a key=value conninfo (the clusters here always have both).
struct ServerAddress: Sendable {
    let host: String
    let port: String

    init(conninfo: String) throws {
        guard let host = conninfo.firstMatch(of: /host=(\S+)/)?.1,
            let port = conninfo.firstMatch(of: /port=(\d+)/)?.1
        else { throw ProcessRun.Failure(description: "no host and port in \(conninfo)") }
        self.host = String(host)
        self.port = String(port)
    }

    /// `user` on `database` at this address.
    func conninfo(user: String, database: String) -> String {
        "host=\(host) port=\(port) user=\(user) dbname=\(database)"
    }
}

/// PgBouncer in transaction pooling in front of the test cluster (scripts/pgbouncer.sh).
final class Pooler {
    let directory = Scripts.scratchDirectory("pgb")
    let address: ServerAddress

    init(server: ServerAddress, poolSize: Int) throws {
        address = try ServerAddress(
            conninfo: try Scripts.run(
                "pgbouncer.sh", ["start", directory, server.host, server.port, String(poolSize)]))
    }

    deinit { close() }

    func close() { _ = try? Scripts.run("pgbouncer.sh", ["stop", directory]) }
}

/// A cluster of the test's own (scripts/pg-cluster.sh), for tests that stop or promote servers.
final class PrivateCluster {
    let directory: String
    let address: ServerAddress
    private let script: String

    /// A new primary.
    init(label: String) throws {
        directory = Scripts.scratchDirectory(label)
        script = "pg-cluster.sh"
        address = try ServerAddress(conninfo: try Scripts.run(script, ["start", directory]))
    }

    /// A synchronous streaming standby of `primary` (scripts/pg-standby.sh).
    init(standbyOf primary: PrivateCluster) throws {
        directory = Scripts.scratchDirectory("standby")
        script = "pg-standby.sh"
        address = try ServerAddress(
            conninfo: try Scripts.run(script, ["start", primary.directory, directory]))
    }

    deinit { close() }

    var superuser: String { address.conninfo(user: "postgres", database: "postgres") }

    func promote() throws { try Scripts.run("pg-standby.sh", ["promote", directory]) }

    /// `pg_ctl stop -m immediate`: the server dies as in a crash, the directory stays.
    func crash() throws {
        try pgCtl(["-m", "immediate", "-w", "stop"])
    }

    /// Starts a crashed server again on the same socket and port (`pg_ctl restart` reuses the
    /// options the server was started with, from `postmaster.opts`); it recovers from its WAL.
    func startAgain() throws {
        try pgCtl(["-l", directory + "/log", "-w", "-t", "60", "restart"])
    }

    /// The postmaster's process id (from `postmaster.pid`), for tests that signal it.
    func postmasterPID() throws -> Int32 {
        let text = try String(contentsOfFile: directory + "/data/postmaster.pid", encoding: .utf8)
        guard let pid = text.split(separator: "\n").first.flatMap({ Int32($0) }) else {
            throw ProcessRun.Failure(description: "no pid in \(directory)/data/postmaster.pid")
        }
        return pid
    }

    private func pgCtl(_ arguments: [String]) throws {
        let bin =
            FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/15/bin/pg_ctl")
            ? "/usr/lib/postgresql/15/bin/pg_ctl" : "pg_ctl"
        var command = [bin, "-D", directory + "/data"] + arguments
        if getuid() == 0 { command = ["/usr/sbin/runuser", "-u", "postgres", "--"] + command }
        try ProcessRun.check(command)
    }

    func close() { _ = try? Scripts.run(script, ["stop", directory]) }
}

/// Test set-up that must not go through the code under test.
enum ReliabilitySQL {
    /// A second workspace, Globex, with an owner and a member who log in with the demo
    /// password: a session that got Acme's identity would list Acme's members instead.
    static let secondWorkspace: SQL = """
        INSERT INTO workspaces (id, name, slug)
            VALUES ('b0000000-0000-0000-0000-000000000001', 'Globex', 'globex');
        WITH u AS (
            INSERT INTO users (email, password_hash, full_name, is_verified) VALUES
                ('owner@globex.example', crypt('demo-pass', gen_salt('bf', 4)), 'Globex Owner', true),
                ('member@globex.example', crypt('demo-pass', gen_salt('bf', 4)), 'Globex Member', true)
            RETURNING id, email)
        INSERT INTO team_members (workspace_id, user_id, role, status, accepted_at)
            SELECT 'b0000000-0000-0000-0000-000000000001', u.id,
                   split_part(u.email, '@', 1), 'active', now() FROM u;
        """
}
