import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// Keyset pagination over a workspace of 2,600 rows with many equal sort keys: every sort
/// order, both directions, forwards and backwards from any row, with search and filters.
/// One database for the whole suite's worth of reading (the rows are only read).
@Suite struct TeamPaginationTests {
    static let bulkMembers = 2500
    static let bulkInvitations = 100

    /// The members of the demo workspace plus the bulk rows: names repeat (and some are
    /// missing, so the email stands in), join times and activity tie in groups, roles and
    /// statuses mix.
    static func crowdedWorld() async throws -> TeamWorld {
        let world = try await TeamWorld()
        try await world.setSeatLimit(nil)
        try await world.admin.query(
            """
            WITH u AS (
                INSERT INTO users (email, full_name)
                SELECT 'user' || lpad(g::text, 5, '0') || '@bulk.example',
                       CASE WHEN g % 10 = 0 THEN ''
                            WHEN g % 7 = 0 THEN 'Same Name'
                            WHEN g % 11 = 0 THEN 'same name'
                            ELSE 'Person ' || (g * 7919 % 1000) END
                FROM generate_series(1, $2::int) g
                RETURNING id, email),
            n AS (SELECT id, row_number() OVER (ORDER BY email) AS g FROM u)
            INSERT INTO team_members (workspace_id, user_id, role, status, created_at, last_active_at, accepted_at)
            SELECT $1, n.id, (ARRAY['admin', 'member', 'viewer', 'member'])[1 + (n.g % 4)::int],
                   CASE WHEN n.g % 9 = 0 THEN 'inactive' ELSE 'active' END,
                   now() - make_interval(mins => (n.g % 40)::int),
                   CASE WHEN n.g % 3 = 0 THEN NULL ELSE now() - make_interval(hours => (n.g % 17)::int) END,
                   now()
            FROM n
            """, [DemoTeam.workspaceID.rawValue, bulkMembers])
        try await world.admin.query(
            """
            INSERT INTO team_members (workspace_id, role, status, invitation_email, invitation_expires_at, created_at)
            SELECT $1, 'viewer', 'pending', 'invitee' || g || '@bulk.example', now() + interval '3 days',
                   now() - make_interval(mins => g % 40)
            FROM generate_series(1, $2::int) g
            """, [DemoTeam.workspaceID.rawValue, bulkInvitations])
        try await world.admin.query(
            "UPDATE users SET full_name = 'Zebulon Quux' WHERE email = 'user01234@bulk.example'")
        return world
    }

    static var total: Int { 6 + bulkMembers + bulkInvitations }

    /// The documented order of each sort, as SQL over team_members tm / users u.
    static func orderSQL(_ sort: MemberQuery.SortColumn) -> SQL {
        switch sort {
        case .name: return "lower(COALESCE(NULLIF(u.full_name, ''), u.email, tm.invitation_email))"
        case .email: return "lower(COALESCE(u.email, tm.invitation_email))"
        case .role:
            return "array_position(ARRAY['owner', 'admin', 'member', 'viewer'], tm.role::text)"
        case .status:
            return "array_position(ARRAY['active', 'pending', 'inactive'], tm.status::text)"
        case .lastActive: return "COALESCE(tm.last_active_at, '-infinity')"
        case .joined: return "tm.created_at"
        }
    }

    static func expectedOrder(_ world: TeamWorld, _ sort: MemberQuery.SortColumn, ascending: Bool)
        async throws -> [MemberID]
    {
        let direction: SQL = ascending ? "ASC" : "DESC"
        return try await world.admin.query(
            """
            SELECT tm.id FROM team_members tm LEFT JOIN users u ON u.id = tm.user_id
            WHERE tm.workspace_id = $1 AND tm.deleted_at IS NULL
            ORDER BY \(orderSQL(sort)) \(direction), tm.id \(direction)
            """, [DemoTeam.workspaceID.rawValue]
        ).rows.map { MemberID(try $0.uuid("id")) }
    }

    /// Pages from `after` to the end in one direction; returns the rows and their cursors.
    static func walk(
        _ store: SettingsStore, _ base: MemberQuery, after start: MemberCursor?
    ) async throws -> (ids: [MemberID], cursors: [MemberCursor]) {
        var query = base
        query.after = start
        var ids: [MemberID] = []
        var cursors: [MemberCursor] = []
        for _ in 0...(total / max(query.limit, 1) + 2) {
            let page = try await store.members(query)
            #expect(page.members.count == page.cursors.count)
            #expect(page.members.map(\.id) == page.cursors.map(\.id))
            ids += page.members.map(\.id)
            cursors += page.cursors
            guard let next = page.next else { return (ids, cursors) }
            #expect(page.members.count == query.limit, "only the last page is short")
            query.after = next
        }
        Issue.record("paging did not end")
        return (ids, cursors)
    }

    @Test func everySortInBothDirectionsVisitsEveryRowOnceInOrder() async throws {
        let world = try await Self.crowdedWorld()
        let store = try await world.store(.viewer)
        for sort in MemberQuery.SortColumn.allCases {
            for ascending in [true, false] {
                let expected = try await Self.expectedOrder(world, sort, ascending: ascending)
                #expect(expected.count == Self.total)
                let base = MemberQuery(sort: sort, ascending: ascending, limit: 100)
                let forward = try await Self.walk(store, base, after: nil)
                #expect(forward.ids.count == Self.total, "\(sort) \(ascending)")
                #expect(
                    Set(forward.ids).count == forward.ids.count, "\(sort) \(ascending): duplicates")
                #expect(forward.ids == expected, "\(sort) \(ascending): order")

                // Backwards from the last row, in the opposite direction, gives the same rows.
                if sort == .name || sort == .lastActive || sort == .role {
                    let last = try #require(forward.cursors.last)
                    var reversed = base
                    reversed.ascending.toggle()
                    let backward = try await Self.walk(store, reversed, after: last)
                    #expect(
                        Array(backward.ids.reversed()) + [last.id] == forward.ids,
                        "\(sort) \(ascending): backwards")
                }
            }
        }
    }

    @Test func aCursorFromTheMiddleContinuesExactlyThere() async throws {
        let world = try await Self.crowdedWorld()
        let store = try await world.store(.admin)
        let expected = try await Self.expectedOrder(world, .joined, ascending: true)
        let first = try await store.members(MemberQuery(limit: 250))
        let middle = first.cursors[137]
        let rest = try await store.members(MemberQuery(limit: 10, after: middle))
        #expect(rest.members.map(\.id) == Array(expected[138..<148]))
        let before = try await store.members(
            MemberQuery(ascending: false, limit: 10, after: middle))
        #expect(before.members.map(\.id) == Array(expected[127..<137].reversed()))
    }

    @Test func searchAndFiltersMatchTheCounts() async throws {
        let world = try await Self.crowdedWorld()
        let store = try await world.store(.member)
        let unique = try await store.members(MemberQuery(search: "zebulon"))
        #expect(unique.members.map(\.fullName) == ["Zebulon Quux"])
        #expect(unique.members.first?.email == "user01234@bulk.example")
        #expect(try await store.members(MemberQuery(search: "USER01234@BULK")).members.count == 1)
        #expect(
            try await store.members(MemberQuery(search: "invitee17@")).members.map(\.email) == [
                "invitee17@bulk.example"
            ])

        let everyone = try await Self.walk(
            store, MemberQuery(search: "bulk.example", limit: 1000), after: nil)
        #expect(everyone.ids.count == Self.bulkMembers + Self.bulkInvitations)

        let counts = try await store.memberCounts()
        #expect(counts.total == Self.total)
        for status in MemberStatus.allCases {
            let listed = try await Self.walk(
                store, MemberQuery(status: status, limit: 1000), after: nil)
            let expected =
                switch status {
                case .active: counts.active
                case .pending: counts.pending
                case .inactive: counts.inactive
                }
            #expect(listed.ids.count == expected, "\(status)")
        }
        for role in Role.allCases {
            let listed = try await Self.walk(
                store, MemberQuery(role: role, sort: .name, limit: 1000), after: nil)
            let inDatabase = try await world.int(
                "SELECT count(*) FROM team_members WHERE workspace_id = $1 AND deleted_at IS NULL AND role = $2",
                [DemoTeam.workspaceID.rawValue, role.rawValue])
            #expect(listed.ids.count == inDatabase, "\(role)")
        }
        let pendingViewers = try await Self.walk(
            store, MemberQuery(status: .pending, role: .viewer, search: "invitee", limit: 1000),
            after: nil)
        #expect(pendingViewers.ids.count == Self.bulkInvitations)
        let sameName = try await Self.walk(
            store, MemberQuery(status: .active, search: "same name", sort: .name, limit: 100),
            after: nil)
        let inDatabase = try await world.int(
            """
            SELECT count(*) FROM team_members tm JOIN users u ON u.id = tm.user_id
            WHERE tm.workspace_id = $1 AND tm.deleted_at IS NULL AND tm.status = 'active' AND u.full_name ILIKE 'same name'
            """, [DemoTeam.workspaceID.rawValue])
        #expect(sameName.ids.count == inDatabase)
        #expect(inDatabase > 100, "the search spans several pages")
    }
}
