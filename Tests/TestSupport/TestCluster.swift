import Domain
import Foundation
import Postgres

/// The PostgreSQL cluster `make test` starts (`scripts/pg-cluster.sh run`), named by `SC_TEST_PG`.
///
/// Database tests never fake the database: without `SC_TEST_PG` they fail with a message
/// saying how to run them, rather than skipping and passing.
public enum TestCluster {
    public struct NotConfigured: Error, CustomStringConvertible {
        public var description: String {
            "SC_TEST_PG is not set: run the tests with `make test` (or scripts/pg-cluster.sh run swift test)"
        }
    }

    /// A superuser conninfo for the cluster's `postgres` database.
    public static func adminConninfo() throws -> String {
        guard let value = ProcessInfo.processInfo.environment["SC_TEST_PG"], !value.isEmpty else {
            throw NotConfigured()
        }
        return value
    }
}

/// A database of its own for one test, cloned from a migrated (and optionally seeded) template.
public struct TestDatabase: Sendable {
    public let name: String
    public let adminConninfo: String

    /// A superuser client on this database (bypasses row-level security: set-up only).
    public func adminClient() -> PostgresClient {
        PostgresClient(conninfo: adminConninfo, overrides: [("dbname", name)])
    }

    /// A client logged in as `console_app`, the role the console runs as (RLS applies).
    public func appClient() -> PostgresClient {
        PostgresClient(
            conninfo: adminConninfo, overrides: [("dbname", name), ("user", "console_app")])
    }

    /// Connection overrides for `console_app` on this database.
    public var appOverrides: [(String, String)] { [("dbname", name), ("user", "console_app")] }

    /// A fresh database: `.seeded` has the demo data, `.migrated` only the schema, `.empty`
    /// nothing at all.
    public static func make(_ kind: TemplateKind = .seeded) async throws -> TestDatabase {
        try await TemplateFactory.shared.make(kind)
    }
}

public enum TemplateKind: String, Sendable, CaseIterable {
    case empty, migrated, seeded
}

/// Builds each template once per test process and clones it for every test.
///
/// Tests call `make` concurrently and the actor is re-entered at every `await`, so a build is
/// shared as one task per kind: a second caller waits for it instead of dropping the template
/// the first is still creating (which failed whole suites with 42P04).
actor TemplateFactory {
    static let shared = TemplateFactory()

    private var builds: [TemplateKind: Task<Void, any Error>] = [:]
    private var counter = 0

    func make(_ kind: TemplateKind) async throws -> TestDatabase {
        let admin = try TestCluster.adminConninfo()
        let template = "sc_template_\(kind.rawValue)"
        let build =
            builds[kind] ?? Task { try await Self.build(kind, template: template, admin: admin) }
        builds[kind] = build
        try await build.value
        counter += 1
        let name = "sc_test_\(getpid())_\(counter)"
        let root = PostgresClient(conninfo: admin)
        // FILE_COPY copies the template's files instead of writing every page through WAL.
        let (copy, original) = (try SQLIdentifier(name), try SQLIdentifier(template))
        try await root.query("CREATE DATABASE \(copy) TEMPLATE \(original) STRATEGY FILE_COPY")
        await root.close()
        return TestDatabase(name: name, adminConninfo: admin)
    }

    private static func build(_ kind: TemplateKind, template: String, admin: String) async throws {
        let root = PostgresClient(conninfo: admin)
        try await root.query("SET client_min_messages = warning")
        let quoted = try SQLIdentifier(template)
        try await root.query("DROP DATABASE IF EXISTS \(quoted) WITH (FORCE)")
        try await root.query("CREATE DATABASE \(quoted)")
        await root.close()
        let client = PostgresClient(conninfo: admin, overrides: [("dbname", template)])
        if kind != .empty { try await Migrator(client: client).migrate() }
        if kind == .seeded {
            try await client.transaction { try $0.execute(script: DemoSeed.sql) }
        }
        await client.close()
    }
}
