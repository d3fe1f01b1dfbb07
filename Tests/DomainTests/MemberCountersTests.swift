import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// The header counts come from counters the database keeps in the same transaction as each
/// change (issue 11); after every kind of change, and after many at once, they must equal
/// what `count(*)` says.
@Suite struct MemberCountersTests {
    let world: TeamWorld

    init() async throws {
        world = try await TeamWorld()
    }

    /// `count(*)` of the live rows by status, and active owners, as the store's counts read.
    func counted() async throws -> MemberCounts {
        let row = try #require(
            try await world.admin.query(
                """
                SELECT count(*) FILTER (WHERE status = 'active') AS active,
                       count(*) FILTER (WHERE status = 'pending') AS pending,
                       count(*) FILTER (WHERE status = 'inactive') AS inactive,
                       count(*) FILTER (WHERE status = 'active' AND role = 'owner') AS owners,
                       (SELECT team_members_limit FROM billing_config WHERE workspace_id = $1) AS seat_limit
                FROM team_members WHERE workspace_id = $1 AND deleted_at IS NULL
                """, [DemoTeam.workspaceID.rawValue]
            ).first)
        return MemberCounts(
            active: try row.int("active"), pending: try row.int("pending"),
            inactive: try row.int("inactive"), seatLimit: try row.optionalInt("seat_limit"),
            activeOwners: try row.int("owners"))
    }

    @Test func everyKindOfChangeKeepsTheCountersExact() async throws {
        let owner = try await world.store(.owner)
        #expect(try await owner.memberCounts() == (try await counted()))
        let invited = try await owner.invite(email: "count-me@example.com", role: .member)
        #expect(try await owner.memberCounts() == (try await counted()))
        _ = try await SettingsStore.acceptInvitation(
            client: world.app, token: invited.token.value, fullName: "Count Me",
            password: "count-me-pass")
        #expect(try await owner.memberCounts() == (try await counted()))
        try await owner.changeRole(invited.memberID, to: .owner)
        #expect(try await owner.memberCounts().activeOwners == 2)
        try await owner.deactivate(invited.memberID)
        #expect(try await owner.memberCounts() == (try await counted()))
        try await owner.reactivate(invited.memberID)
        try await owner.remove(DemoTeam.memberMember)
        let revoked = try await owner.invite(email: "gone@example.com", role: .viewer)
        try await owner.revokeInvitation(revoked.memberID)
        let counts = try await owner.memberCounts()
        #expect(counts == (try await counted()))
        #expect(counts.activeOwners == 2)
    }

    @Test func parallelInvitationsAndBulkChangesKeepThemExact() async throws {
        try await world.setSeatLimit(nil)
        let stores = try await (0..<8).asyncMap { _ in
            try await world.store(.admin, ownConnection: true)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, store) in stores.enumerated() {
                group.addTask {
                    for round in 0..<5 {
                        _ = try await store.invite(
                            email: "p\(index)-\(round)@example.com", role: .viewer)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await stores[0].memberCounts() == (try await counted()))
        #expect(try await stores[0].memberCounts().pending == 41)
        // Bulk statements of every kind, straight to the table.
        try await world.admin.query(
            """
            UPDATE team_members SET deleted_at = now()
            WHERE workspace_id = $1 AND invitation_email LIKE 'p1-%'
            """, [DemoTeam.workspaceID.rawValue])
        try await world.admin.query(
            "DELETE FROM team_members WHERE workspace_id = $1 AND invitation_email LIKE 'p2-%'",
            [DemoTeam.workspaceID.rawValue])
        try await world.admin.query(
            "UPDATE team_members SET role = 'member' WHERE workspace_id = $1 AND status = 'pending'",
            [DemoTeam.workspaceID.rawValue])
        #expect(try await stores[0].memberCounts() == (try await counted()))
        for store in stores { await store.client.close() }
    }
}

extension Sequence {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
