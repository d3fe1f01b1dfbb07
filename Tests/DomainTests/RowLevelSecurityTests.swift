import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// The second lock: raw SQL as `console_app` with the identity bound as the store binds it,
/// no Swift policy in the way. Every probe is rolled back, so the suite shares one database.
@Suite struct RowLevelSecurityTests {
    static let shared = Task { try await TeamWorld() }

    let world: TeamWorld
    let sql: ConsoleAppSQL

    init() async throws {
        world = try await Self.shared.value
        sql = ConsoleAppSQL(world)
    }

    func attempt(_ role: Role, _ statement: SQL, _ parameters: [any PostgresEncodable] = [])
        async throws -> ConsoleAppSQL.Outcome
    {
        try await sql.attempt(
            workspace: DemoTeam.workspaceID, user: try await world.userID(DemoTeam.email(role)),
            statement, parameters)
    }

    var ws: UUID { DemoTeam.workspaceID.rawValue }

    @Test(arguments: [Role.member, .viewer])
    func membersAndViewersCannotWriteTheTeam(role: Role) async throws {
        let before = try await world.teamSnapshot()
        let writes: [(SQL, [any PostgresEncodable])] = [
            ("UPDATE team_members SET role = 'owner' WHERE workspace_id = $1", [ws]),
            ("UPDATE team_members SET status = 'inactive' WHERE workspace_id = $1", [ws]),
            ("UPDATE team_members SET deleted_at = now() WHERE workspace_id = $1", [ws]),
            (
                "UPDATE team_members SET role = 'admin' WHERE id = $1",
                [DemoTeam.memberID(role).rawValue]
            ),
            ("DELETE FROM team_members WHERE workspace_id = $1", [ws]),
            (
                """
                INSERT INTO team_members (workspace_id, role, status, invitation_email)
                VALUES ($1, 'owner', 'pending', 'intruder@example.com')
                """, [ws]
            ),
            ("UPDATE billing_config SET plan_type = 'enterprise' WHERE workspace_id = $1", [ws]),
            ("UPDATE integrations_config SET is_enabled = false WHERE workspace_id = $1", [ws]),
            ("DELETE FROM integrations_config WHERE workspace_id = $1", [ws]),
        ]
        for (statement, parameters) in writes {
            let outcome = try await attempt(role, statement, parameters)
            #expect(outcome.changedNothing, "\(role): \(statement) -> \(outcome)")
        }
        #expect(try await world.teamSnapshot() == before)
    }

    @Test func adminsCannotTouchOwnersNorMakeOne() async throws {
        let owner = DemoTeam.ownerMember.rawValue
        let promote = try await attempt(
            .admin, "UPDATE team_members SET role = 'owner' WHERE id = $1",
            [DemoTeam.memberMember.rawValue])
        #expect(promote == .refused("42501"))
        let demote = try await attempt(
            .admin, "UPDATE team_members SET role = 'viewer' WHERE id = $1", [owner])
        #expect(demote == .refused("42501"))
        let remove = try await attempt(
            .admin, "UPDATE team_members SET deleted_at = now() WHERE id = $1", [owner])
        #expect(remove == .refused("42501"))
        let delete = try await attempt(.admin, "DELETE FROM team_members WHERE id = $1", [owner])
        #expect(delete == .refused("42501"))
        let inviteOwner = try await attempt(
            .admin,
            "INSERT INTO team_members (workspace_id, role, status, invitation_email) VALUES ($1, 'owner', 'pending', 'x@example.com')",
            [ws])
        #expect(inviteOwner == .refused("42501"))
        // The lock is not simply shut: an admin does change a member.
        let ordinary = try await attempt(
            .admin, "UPDATE team_members SET role = 'viewer' WHERE id = $1",
            [DemoTeam.memberMember.rawValue])
        #expect(ordinary == .affected(1))
    }

    @Test func ownersWriteAndTheLastOwnerStaysInSQLToo() async throws {
        let change = try await attempt(
            .owner, "UPDATE team_members SET role = 'viewer' WHERE id = $1",
            [DemoTeam.memberMember.rawValue])
        #expect(change == .affected(1))
        let lastOwner = try await attempt(
            .owner, "UPDATE team_members SET role = 'admin' WHERE id = $1",
            [DemoTeam.ownerMember.rawValue])
        #expect(lastOwner == .refused("SC001"))
        let leave = try await attempt(
            .owner, "UPDATE team_members SET deleted_at = now() WHERE id = $1",
            [DemoTeam.ownerMember.rawValue])
        #expect(leave == .refused("SC001"))
    }

    @Test(arguments: Role.allCases)
    func onlyOwnersReadBilling(role: Role) async throws {
        let outcome = try await attempt(role, "SELECT * FROM billing_config")
        #expect(outcome == .affected(role == .owner ? 1 : 0))
    }

    @Test(arguments: Role.allCases)
    func nobodyReadsTokensHashesOrSealedCredentials(role: Role) async throws {
        for statement: SQL in [
            "SELECT invitation_token FROM team_members",
            "SELECT * FROM team_members",
            "SELECT id FROM team_members WHERE invitation_token IS NOT NULL",
            "SELECT password_hash FROM users",
            "SELECT key_hash FROM api_keys",
            "SELECT credentials_encrypted FROM integrations_config",
            "SELECT * FROM login_attempts",
        ] {
            let outcome = try await attempt(role, statement)
            #expect(outcome == .refused("42501"), "\(role): \(statement) -> \(outcome)")
        }
        // ...while the rest of the team is readable to every member.
        #expect(
            try await attempt(role, "SELECT id, invitation_email FROM team_members") == .affected(6)
        )
    }

    @Test func withoutAWorkspaceConsoleAppSeesNothingAnywhere() async throws {
        let tables = try await world.admin.query(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        ).rows.map { try $0.string("tablename") }
        #expect(tables.count >= 9)
        let owner = try await world.userID(DemoTeam.email(.owner))
        for table in tables {
            let anyColumn =
                try await world.scalar(
                    """
                    SELECT column_name FROM information_schema.column_privileges
                    WHERE grantee = 'console_app' AND table_name = $1 AND privilege_type = 'SELECT'
                    ORDER BY column_name LIMIT 1
                    """, [table]) ?? "*"
            let column: SQL = anyColumn == "*" ? "*" : "\(try SQLIdentifier(anyColumn))"
            let statement: SQL = "SELECT \(column) FROM \(try SQLIdentifier(table))"
            for (workspace, user) in [(nil, nil), (nil, owner), (DemoTeam.workspaceID, nil)]
                as [(WorkspaceID?, UserID?)]
            {
                let outcome = try await sql.attempt(workspace: workspace, user: user, statement)
                #expect(
                    outcome.changedNothing,
                    "\(table) with workspace \(String(describing: workspace)) user \(String(describing: user)): \(outcome)"
                )
            }
        }
        let rows = try await world.int("SELECT count(*) FROM team_members")
        #expect(rows == 6, "the superuser does see the rows that console_app did not")
    }

    @Test func aStrangerToTheWorkspaceSeesNothing() async throws {
        let stranger = UserID(UUID())
        for table in [
            "team_members", "workspaces", "integrations_config", "audit_logs", "api_keys",
        ] {
            let name = try SQLIdentifier(table)
            let outcome = try await sql.attempt(
                workspace: DemoTeam.workspaceID, user: stranger, "SELECT id FROM \(name)")
            #expect(outcome == .affected(0), "\(table): \(outcome)")
        }
        let former = try await world.userID(DemoTeam.formerEmail)
        let inactive = try await sql.attempt(
            workspace: DemoTeam.workspaceID, user: former, "SELECT id FROM team_members")
        #expect(inactive == .affected(0), "an inactive member is no longer let in")
    }
}
