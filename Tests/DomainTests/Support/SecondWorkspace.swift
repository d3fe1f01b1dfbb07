import Domain
import Foundation
import Postgres

/// Workspace B ("Globex") beside the demo workspace: its own owner, admin, member and viewer,
/// a pending invitation and an inactive member, and a starter plan. Made with the superuser
/// client, so nothing of the code under test is involved in setting it up.
struct SecondWorkspace: Sendable {
    static let id = WorkspaceID(uuid("b0000000-0000-0000-0000-000000000001"))
    static let slug = "globex"

    static func email(_ role: Role) -> String { "\(role.rawValue)@globex.example" }
    static let pendingEmail = "pending@globex.example"
    static let formerEmail = "former@globex.example"

    /// Row ids of B's members, by email.
    let members: [String: MemberID]

    var allMemberIDs: [MemberID] { Array(members.values) }

    func member(_ role: Role) -> MemberID { members[Self.email(role)] ?? MemberID(uuid("")) }
    var pending: MemberID { members[Self.pendingEmail] ?? MemberID(uuid("")) }
    var former: MemberID { members[Self.formerEmail] ?? MemberID(uuid("")) }

    /// Creates workspace B in `world` (users get the demo password, so they can log in).
    static func create(in world: TeamWorld) async throws -> SecondWorkspace {
        let ws = id.rawValue
        try await world.admin.transaction { connection in
            try connection.query(
                "INSERT INTO workspaces (id, name, slug) VALUES ($1, 'Globex', $2)", [ws, slug])
            for role in Role.allCases {
                try connection.query(
                    """
                    WITH u AS (
                        INSERT INTO users (email, password_hash, full_name, is_verified)
                        VALUES ($2, crypt($4, gen_salt('bf', 4)), $5, true) RETURNING id)
                    INSERT INTO team_members (workspace_id, user_id, role, status, accepted_at)
                    SELECT $1, u.id, $3, 'active', now() FROM u
                    """,
                    [ws, email(role), role.rawValue, DemoTeam.password, "Globex \(role.title)"])
            }
            try connection.query(
                """
                WITH u AS (
                    INSERT INTO users (email, password_hash, full_name, is_verified)
                    VALUES ($2, crypt($3, gen_salt('bf', 4)), 'Globex Former', true) RETURNING id)
                INSERT INTO team_members (workspace_id, user_id, role, status, accepted_at)
                SELECT $1, u.id, 'member', 'inactive', now() FROM u
                """, [ws, formerEmail, DemoTeam.password])
            try connection.query(
                """
                INSERT INTO team_members (workspace_id, role, status, invitation_email,
                    invitation_token, invitation_expires_at)
                VALUES ($1, 'member', 'pending', $2, encode(digest('globex-token', 'sha256'), 'hex'),
                        now() + interval '7 days')
                """, [ws, pendingEmail])
            try connection.query(
                """
                INSERT INTO billing_config (workspace_id, plan_type, team_members_limit,
                    custom_integrations_limit, api_keys_limit, traces_per_month_limit)
                VALUES ($1, 'starter', 10, 3, 5, 100000)
                """, [ws])
        }
        let rows = try await world.admin.query(
            """
            SELECT tm.id, COALESCE(u.email, tm.invitation_email) AS email
            FROM team_members tm LEFT JOIN users u ON u.id = tm.user_id
            WHERE tm.workspace_id = $1
            """, [ws]
        ).rows
        var members: [String: MemberID] = [:]
        for row in rows { members[try row.string("email")] = MemberID(try row.uuid("id")) }
        return SecondWorkspace(members: members)
    }

    /// B's rows and B's audit rows as text, to prove a call from A changed nothing of B.
    static func snapshot(in world: TeamWorld) async throws -> String {
        try await world.scalar(
            """
            SELECT COALESCE((SELECT string_agg(t::text, E'\\n' ORDER BY t.id) FROM team_members t
                             WHERE t.workspace_id = $1), '')
                   || E'\\n#audit ' || (SELECT count(*) FROM audit_logs WHERE workspace_id = $1)
            """, [id.rawValue]) ?? ""
    }
}
