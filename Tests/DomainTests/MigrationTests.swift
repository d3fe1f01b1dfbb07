import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// The shipped migrations on an empty database: up, down all the way, up again, idempotent
/// re-runs, and two migrators racing.
@Suite struct MigrationTests {
    /// Everything the migrations create in `public` (extension members aside), one line per
    /// object, with function bodies and policy expressions: two equal fingerprints mean the
    /// same schema.
    static let fingerprintSQL: SQL = """
        SELECT string_agg(line, E'\\n' ORDER BY line) FROM (
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type
                   || ' ' || is_nullable || ' ' || COALESCE(column_default, '') AS line
            FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL
            SELECT 'function ' || p.oid::regprocedure::text || ' ' || md5(p.prosrc) || ' ' || p.prosecdef
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'public'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
            UNION ALL
            SELECT 'policy ' || tablename || '.' || policyname || ' ' || cmd || ' '
                   || array_to_string(roles, ',') || ' ' || COALESCE(qual, '') || ' ' || COALESCE(with_check, '')
            FROM pg_policies WHERE schemaname = 'public'
            UNION ALL
            SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
            UNION ALL
            SELECT 'trigger ' || tgrelid::regclass::text || '.' || tgname FROM pg_trigger WHERE NOT tgisinternal
            UNION ALL
            SELECT 'rls ' || relname || ' ' || relrowsecurity || ' ' || relforcerowsecurity
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r'
            UNION ALL
            SELECT 'grant ' || table_name || ' ' || privilege_type
            FROM information_schema.role_table_grants WHERE grantee = 'console_app'
            UNION ALL
            SELECT 'column grant ' || table_name || '.' || column_name || ' ' || privilege_type
            FROM information_schema.column_privileges WHERE grantee = 'console_app'
        ) objects
        """

    static func fingerprint(_ client: PostgresClient) async throws -> String {
        try await client.query(fingerprintSQL).first?.optionalString("string_agg") ?? ""
    }

    static func tables(_ client: PostgresClient) async throws -> [String] {
        try await client.query(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        ).rows.map { try $0.string("tablename") }
    }

    static var allVersions: [Int] { Migration.shipped.map(\.version).sorted() }

    @Test func upDownAndUpAgainGiveTheSameSchema() async throws {
        let database = try await TestDatabase.make(.empty)
        let client = database.adminClient()
        let migrator = Migrator(client: client)

        #expect(!Self.allVersions.isEmpty)
        #expect(try await migrator.migrate() == Self.allVersions)
        let first = try await Self.fingerprint(client)
        #expect(first.contains("policy team_members.console_update"))
        #expect(first.contains("function console_accept_invitation(text,text,text)"))
        #expect(try await Self.tables(client).contains("audit_logs"))

        #expect(try await migrator.rollback() == Self.allVersions.reversed())
        #expect(try await Self.tables(client) == ["schema_migrations"])
        #expect(try await migrator.appliedVersions().isEmpty)
        let leftovers = try await Self.fingerprint(client)
        #expect(!leftovers.contains("function "), "functions left after rolling everything back")
        #expect(!leftovers.contains("policy "))

        #expect(try await migrator.migrate() == Self.allVersions)
        #expect(try await Self.fingerprint(client) == first)
    }

    @Test func reRunningApplyNothingAndChangesNothing() async throws {
        let database = try await TestDatabase.make(.empty)
        let client = database.adminClient()
        try await Migrator(client: client).migrate()
        let before = try await Self.fingerprint(client)
        #expect(try await Migrator(client: client).migrate() == [])
        #expect(try await Migrator(client: database.adminClient()).migrate() == [])
        #expect(try await Self.fingerprint(client) == before)
        #expect(try await Migrator(client: client).appliedVersions() == Set(Self.allVersions))
    }

    @Test func rollingBackOneStepRevertsOnlyTheNewest() async throws {
        let database = try await TestDatabase.make(.empty)
        let migrator = Migrator(client: database.adminClient())
        try await migrator.migrate()
        let newest = try #require(Self.allVersions.last)
        #expect(try await migrator.rollback(steps: 1) == [newest])
        #expect(try await migrator.appliedVersions() == Set(Self.allVersions.dropLast()))
        #expect(try await migrator.migrate() == [newest])
    }

    @Test func twoMigratorsAtOnceApplyEachMigrationOnce() async throws {
        let database = try await TestDatabase.make(.empty)
        let first = Migrator(client: database.adminClient())
        let second = Migrator(client: database.adminClient())
        async let a = first.migrate()
        async let b = second.migrate()
        let (appliedByA, appliedByB) = try await (a, b)
        #expect(Set(appliedByA).isDisjoint(with: appliedByB))
        #expect((appliedByA + appliedByB).sorted() == Self.allVersions)
        let recorded = try await database.adminClient().query(
            "SELECT version FROM schema_migrations ORDER BY version"
        ).rows.map { try $0.int("version") }
        #expect(recorded == Self.allVersions)
    }
}
