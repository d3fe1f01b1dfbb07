import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// A database of one test with the demo seed, and ways in: stores logged in as anyone, and a
/// superuser client for set-up and inspection (it bypasses row-level security).
struct TeamWorld: Sendable {
    let database: TestDatabase
    let admin: PostgresClient
    /// One `console_app` connection the test's stores share: each transaction binds its own
    /// session, and tests run side by side, so a connection per store would crowd the
    /// cluster's 100.
    let app: PostgresClient

    init(_ kind: TemplateKind = .seeded) async throws {
        database = try await TestDatabase.make(kind)
        admin = database.adminClient()
        app = database.appClient()
    }

    /// A store acting as the demo user of `role`.
    func store(_ role: Role, ownConnection: Bool = false) async throws -> SettingsStore {
        try await store(email: DemoTeam.email(role), ownConnection: ownConnection)
    }

    /// A store for whoever has `email`, through the same session look-up a password or SSH
    /// login ends in (no bcrypt, so many sessions stay cheap). `ownConnection` gives it a
    /// `console_app` connection of its own, for requests that must really run in parallel.
    func store(email: String, workspace: String? = nil, ownConnection: Bool = false) async throws
        -> SettingsStore
    {
        let client = ownConnection ? database.appClient() : app
        let user = try await userID(email)
        let session = try await Authenticator(client: client).session(
            for: user, workspace: workspace, method: "demo")
        return SettingsStore(client: client, session: session)
    }

    func userID(_ email: String) async throws -> UserID {
        let row = try await admin.query("SELECT id FROM users WHERE email = $1", [email]).first
        return UserID(try #require(try row?.uuid("id"), "no user \(email)"))
    }

    /// The live row of `email` in `workspace` (member or invitation).
    func memberID(_ email: String, in workspace: WorkspaceID = DemoTeam.workspaceID) async throws
        -> MemberID
    {
        let row = try await admin.query(
            """
            SELECT tm.id FROM team_members tm LEFT JOIN users u ON u.id = tm.user_id
            WHERE tm.workspace_id = $1 AND tm.deleted_at IS NULL
              AND COALESCE(u.email, tm.invitation_email) = $2
            """, [workspace.rawValue, email]
        ).first
        return MemberID(try #require(try row?.uuid("id"), "no live row for \(email)"))
    }

    /// One value of a superuser query, as text (nil for NULL or no row).
    func scalar(_ sql: SQL, _ parameters: [any PostgresEncodable] = []) async throws -> String? {
        let row = try await admin.query(sql, parameters).first
        return try row?.text(row?.columns.names.first ?? "")
    }

    func int(_ sql: SQL, _ parameters: [any PostgresEncodable] = []) async throws -> Int {
        try #require(Int(try await scalar(sql, parameters) ?? ""), "not an integer: \(sql)")
    }

    /// Every team_members row (deleted ones and token hashes included) and every non-login
    /// audit row, as text: equal before and after means a refused call changed nothing.
    func teamSnapshot() async throws -> String {
        try await scalar(
            """
            SELECT COALESCE((SELECT string_agg(t::text, E'\\n' ORDER BY t.id) FROM team_members t), '')
                   || E'\\n#users ' || (SELECT string_agg(u.id || ' ' || u.email, ',' ORDER BY u.id) FROM users u)
                   || E'\\n#audit ' || (SELECT count(*) FROM audit_logs WHERE action NOT LIKE 'auth.%')
            """) ?? ""
    }

    /// Team audit rows written so far (login events excluded).
    func teamAuditCount(_ action: String? = nil) async throws -> Int {
        try await int(
            "SELECT count(*) FROM audit_logs WHERE action LIKE 'team.%' AND ($1::text IS NULL OR action = $1)",
            [action])
    }

    /// The `role|status|deleted` of a row, as the database has it.
    func state(_ id: MemberID) async throws -> String? {
        try await scalar(
            "SELECT role || '|' || status || '|' || (deleted_at IS NOT NULL) FROM team_members WHERE id = $1",
            [id.rawValue])
    }

    /// Sets the plan's seat limit directly (nil: unlimited).
    func setSeatLimit(_ limit: Int?, workspace: WorkspaceID = DemoTeam.workspaceID) async throws {
        try await admin.query(
            "UPDATE billing_config SET team_members_limit = $2 WHERE workspace_id = $1",
            [workspace.rawValue, limit])
    }
}

extension TeamWorld {
    /// A team_members row as the database has it, every column as text.
    func row(_ id: MemberID) async throws -> PostgresRow {
        let row = try await admin.query(
            """
            SELECT id::text, user_id::text, role, status, invitation_email, invitation_token,
                   invitation_expires_at, invited_by::text, updated_by::text, deleted_at, deleted_by::text,
                   invitation_expires_at > now() + interval '6 days 23 hours' AS expires_in_a_week
            FROM team_members WHERE id = $1
            """, [id.rawValue]
        ).first
        return try #require(row, "no team_members row \(id)")
    }

    /// Adds a pending invitation whose expiry has passed (bypassing the domain).
    @discardableResult
    func addExpiredInvitation(_ email: String, workspace: WorkspaceID = DemoTeam.workspaceID)
        async throws -> MemberID
    {
        let row = try await admin.query(
            """
            INSERT INTO team_members (workspace_id, role, status, invitation_email, invitation_token,
                invitation_expires_at)
            VALUES ($1, 'viewer', 'pending', $2::text, encode(digest($2::text, 'sha256'), 'hex'), now() - interval '1 day')
            RETURNING id
            """, [workspace.rawValue, email]
        ).first
        return MemberID(try #require(try row?.uuid("id")))
    }
}
