import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// A broad search walks the list's own order (sql/migrations/0009) instead of collecting
/// every match: its pages must be exactly the matching rows of the full list, in order, in
/// every sort and direction, and the searchable text must follow the rows it describes.
@Suite struct BroadSearchTests {
    /// Rows of the documented order whose email, name or pending invitation email contains
    /// `term` (the semantics of `console_search_members`).
    static func expectedMatches(
        _ world: TeamWorld, _ term: String, _ sort: MemberQuery.SortColumn, ascending: Bool
    ) async throws -> [MemberID] {
        let direction: SQL = ascending ? "ASC" : "DESC"
        return try await world.admin.query(
            """
            SELECT tm.id FROM team_members tm LEFT JOIN users u ON u.id = tm.user_id
            WHERE tm.workspace_id = $1 AND tm.deleted_at IS NULL
              AND (u.email ILIKE $2 OR u.full_name ILIKE $2
                   OR (tm.status = 'pending' AND tm.invitation_email ILIKE $2))
            ORDER BY \(TeamPaginationTests.orderSQL(sort)) \(direction), tm.id \(direction)
            """, [DemoTeam.workspaceID.rawValue, "%\(term)%"]
        ).rows.map { MemberID(try $0.uuid("id")) }
    }

    @Test func broadSearchPagesAreTheMatchingRowsInEveryOrder() async throws {
        let world = try await TeamPaginationTests.crowdedWorld()
        try await world.admin.query("ANALYZE team_member_sort_keys")
        let store = try await world.store(.admin)
        // "user0" matches every bulk member and "e" nearly every row: the planner expects
        // them broad, so the store walks. "invitee" matches only the pending invitations:
        // expected narrow, it goes straight to the trigram search (sql/migrations/0010).
        #expect(try await Self.isBroad(world, store, "user0"))
        #expect(try await Self.isBroad(world, store, "e"))
        #expect(try await !Self.isBroad(world, store, "invitee"))
        for term in ["user0", "e", "invitee"] {
            for sort in MemberQuery.SortColumn.allCases {
                for ascending in [true, false] {
                    let expected = try await Self.expectedMatches(
                        world, term, sort, ascending: ascending)
                    let listed = try await TeamPaginationTests.walk(
                        store,
                        MemberQuery(search: term, sort: sort, ascending: ascending, limit: 100),
                        after: nil)
                    #expect(listed.ids == expected, "\(term) \(sort) \(ascending)")
                }
            }
            #expect(
                try await Self.expectedMatches(world, term, .joined, ascending: true).count >= 100)
        }
    }

    /// The store's choice for `term` (MemberSearchWalk.isBroad), as `store`'s user.
    static func isBroad(_ world: TeamWorld, _ store: SettingsStore, _ term: String)
        async throws -> Bool
    {
        let session = store.session
        return try await world.admin.transaction { connection in
            _ = try connection.query(
                """
                SELECT set_config('role', 'console_app', true),
                       set_config('app.current_workspace_id', $1, true),
                       set_config('app.current_user_id', $2, true)
                """,
                [
                    session.workspaceID.rawValue.uuidString.lowercased(),
                    session.userID.rawValue.uuidString.lowercased(),
                ])
            return try connection.query(
                "SELECT console_search_breadth($1) >= 0.1 AS broad", ["%\(term)%"]
            ).first?.bool("broad") == true
        }
    }

    @Test func theSearchableTextFollowsNamesAndInvitations() async throws {
        let world = try await TeamPaginationTests.crowdedWorld()
        let store = try await world.store(.admin)
        let renamed = "Quentin Broadsearch"
        try await world.admin.query(
            "UPDATE users SET full_name = $1 WHERE email = 'user00042@bulk.example'", [renamed])
        let found = try await store.members(MemberQuery(search: "broadsearch", limit: 100))
        #expect(found.members.map(\.fullName) == [renamed])
        // An invitation is found by its email only while it is pending: once accepted, by
        // its user's.
        try await world.admin.query(
            """
            WITH u AS (INSERT INTO users (email, full_name)
                       VALUES ('accepted7@bulk.example', 'Accepted Seven') RETURNING id)
            UPDATE team_members SET status = 'active', user_id = (SELECT id FROM u),
                                    accepted_at = now(), invitation_token = NULL
            WHERE workspace_id = $1 AND invitation_email = 'invitee7@bulk.example'
            """, [DemoTeam.workspaceID.rawValue])
        let gone = try await store.members(MemberQuery(search: "invitee7@", limit: 100))
        #expect(gone.members.isEmpty)
        let accepted = try await store.members(MemberQuery(search: "accepted7@", limit: 100))
        #expect(accepted.members.map(\.fullName) == ["Accepted Seven"])
        let broad = try await TeamPaginationTests.walk(
            store, MemberQuery(search: "invitee", limit: 10), after: nil)
        #expect(broad.ids.count == TeamPaginationTests.bulkInvitations - 1)
    }
}
