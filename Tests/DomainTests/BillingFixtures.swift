import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// Logs the seeded demo users in, and reaches under the domain for set-up and inspection.
/// Shared by the Billing, Integration, Secret and Audit tests.
enum DemoLogin {
    static let workspaceID = "00000000-0000-0000-0000-000000000001"
    static let password = "demo-pass"

    static func email(_ role: Role) -> String {
        switch role {
        case .owner: return "demo@example.com"
        case .admin: return "admin@example.com"
        case .member: return "member@example.com"
        case .viewer: return "viewer@example.com"
        }
    }

    /// A store acting as the demo user of `role`, on its own `console_app` connection.
    static func store(_ database: TestDatabase, _ role: Role) async throws -> SettingsStore {
        let client = database.appClient()
        let session = try await Authenticator(client: client).login(
            email: email(role), password: Secret(password))
        #expect(session.role == role)
        return SettingsStore(client: client, session: session)
    }

    /// Runs `body` as `console_app` with the identity of `role`'s demo user bound, the way
    /// the store does, but with raw SQL: row-level security is the only lock left.
    static func asConsoleApp<T: Sendable>(
        _ database: TestDatabase, _ role: Role,
        _ body: @escaping @Sendable (PostgresConnection) throws -> T
    ) async throws -> T {
        let client = database.appClient()
        let userID = try await database.adminClient().query(
            "SELECT id::text FROM users WHERE email = $1", [email(role)]
        ).first?.string("id")
        return try await client.transaction { connection in
            try connection.query(
                """
                SELECT set_config('app.current_workspace_id', $1, true),
                       set_config('app.current_user_id', $2, true)
                """, [workspaceID, userID])
            return try body(connection)
        }
    }

    /// A single value from a superuser query (set-up and inspection only).
    static func scalar(
        _ database: TestDatabase, _ sql: SQL, _ parameters: [any PostgresEncodable] = []
    )
        async throws -> String?
    {
        let row = try await database.adminClient().query(sql, parameters).first
        return try row?.text(row?.columns.names.first ?? "")
    }

    /// Adds `count` active members with users of their own (bypassing the domain).
    static func addActiveMembers(_ database: TestDatabase, count: Int) async throws {
        try await database.adminClient().query(
            """
            WITH new_users AS (
                INSERT INTO users (email, full_name)
                SELECT 'extra' || g || '@example.com', 'Extra ' || g FROM generate_series(1, $2) g
                RETURNING id)
            INSERT INTO team_members (workspace_id, user_id, role, status, accepted_at)
            SELECT $1, id, 'member', 'active', now() FROM new_users
            """, [workspaceID, count])
    }

    /// The error a throwing async call threw, or nil (then the test records an issue).
    static func error<T>(_ body: () async throws(DomainError) -> T) async -> DomainError? {
        do {
            _ = try await body()
            Issue.record("expected an error")
            return nil
        } catch {
            return error
        }
    }
}
