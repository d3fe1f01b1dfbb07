import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// The invariants under parallel requests: a workspace never loses its last active owner and
/// never holds more active members plus pending invitations than its seat limit. Serialized
/// so the suite's connections stay well under the cluster's limit.
@Suite(.serialized) struct ConcurrencyTests {
    static let ownerEmails = ["demo@example.com", "admin@example.com", "member@example.com"]
    static let owners = [DemoTeam.ownerMember, DemoTeam.adminMember, DemoTeam.memberMember]

    /// The demo workspace with three active owners (promoted under the domain).
    static func threeOwners() async throws -> TeamWorld {
        let world = try await TeamWorld()
        try await world.admin.query(
            "UPDATE team_members SET role = 'owner' WHERE id = ANY($1::uuid[])",
            [PostgresTextArray(owners.map(\.description))])
        return world
    }

    static func activeOwners(_ world: TeamWorld) async throws -> Int {
        try await world.int(
            "SELECT count(*) FROM team_members WHERE workspace_id = $1 AND role = 'owner' AND status = 'active' AND deleted_at IS NULL",
            [DemoTeam.workspaceID.rawValue])
    }

    static func seatsUsed(_ world: TeamWorld) async throws -> Int {
        try await world.int(
            "SELECT count(*) FROM team_members WHERE workspace_id = $1 AND deleted_at IS NULL AND status IN ('active', 'pending')",
            [DemoTeam.workspaceID.rawValue])
    }

    /// Each thread's SQLSTATE (nil: committed); a thread that could not connect fails the test.
    static func codes(_ results: [Result<String?, any Error>]) -> [String?] {
        results.map { result in
            switch result {
            case .success(let code): return code
            case .failure(let error):
                Issue.record("a thread failed: \(error)")
                return "failed"
            }
        }
    }

    @Test func parallelDemotionsAndRemovalsThroughTheStoreLeaveAnOwner() async throws {
        let world = try await Self.threeOwners()
        var stores: [SettingsStore] = []
        for index in 0..<18 {
            stores.append(
                try await world.store(email: Self.ownerEmails[index % 3], ownConnection: true))
        }
        let results = await withTaskGroup(of: Result<Void, DomainError>.self) { group in
            for (index, store) in stores.enumerated() {
                let target = Self.owners[(index / 3 + index) % 3]
                group.addTask {
                    do throws(DomainError) {
                        switch index % 3 {
                        case 0: try await store.changeRole(target, to: .member)
                        case 1: try await store.deactivate(target)
                        default: try await store.remove(target)
                        }
                        return .success(())
                    } catch {
                        return .failure(error)
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(try await Self.activeOwners(world) >= 1)
        let failures = results.compactMap {
            if case .failure(let error) = $0 { return error } else { return nil }
        }
        #expect(failures.count < results.count, "some change went through")
        for error in failures {
            #expect(error.forbiddenReason != nil || error.isNotFound, "unexpected \(error)")
        }
        #expect(failures.contains(.forbidden(reason: "A workspace needs at least one owner")))
        #expect(
            try await world.teamAuditCount() == results.count - failures.count,
            "one audit row per change, none per refusal")
        for store in stores { await store.client.close() }
    }

    @Test func parallelDemotionsInRawSQLLeaveAnOwner() async throws {
        let world = try await Self.threeOwners()
        var ids: [String] = []
        for email in Self.ownerEmails { ids.append(try await world.userID(email).description) }
        let users = ids
        let workspace = DemoTeam.workspaceID.description
        let statements: [SQL] = [
            "UPDATE team_members SET role = 'member' WHERE id = $1",
            "UPDATE team_members SET status = 'inactive' WHERE id = $1",
            "UPDATE team_members SET deleted_at = now() WHERE id = $1",
        ]
        let targets = Self.owners.map(\.description)
        let refusals = await ParallelSQL.run(16, connect: ParallelSQL.appConnection(world.database))
        { index, connection in
            ParallelSQL.transaction(
                connection, workspace: workspace, user: users[index % 3], statements[index % 3],
                [targets[(index / 3 + index + 1) % 3]])
        }
        #expect(try await Self.activeOwners(world) == 1)
        let codes = Self.codes(refusals)
        #expect(codes.contains("SC001"), "the last-owner trigger refused something")
        #expect(codes.allSatisfy { [nil, "SC001", "42501"].contains($0) }, "\(codes)")
    }

    @Test func parallelInvitesThroughTheStoreNeverExceedTheSeatLimit() async throws {
        let world = try await TeamWorld()
        let used = try await Self.seatsUsed(world)
        let limit = used + 3
        try await world.setSeatLimit(limit)
        var stores: [SettingsStore] = []
        for index in 0..<20 {
            stores.append(
                try await world.store(
                    index.isMultiple(of: 2) ? .owner : .admin, ownConnection: true))
        }
        let results = await withTaskGroup(of: DomainError?.self) { group in
            for (index, store) in stores.enumerated() {
                group.addTask {
                    do throws(DomainError) {
                        _ = try await store.invite(email: "rush\(index)@example.com", role: .viewer)
                        return nil
                    } catch {
                        return error
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(try await Self.seatsUsed(world) == limit)
        #expect(results.filter { $0 == nil }.count == 3, "of 20")
        for error in results.compactMap({ $0 }) {
            #expect(error.isLimitReached, "unexpected \(error)")
        }
        #expect(try await stores[0].memberCounts().seatsUsed == limit)
        for store in stores { await store.client.close() }
    }

    @Test func parallelInvitesInRawSQLNeverExceedTheSeatLimit() async throws {
        let world = try await TeamWorld()
        let used = try await Self.seatsUsed(world)
        try await world.setSeatLimit(used + 2)
        let owner = try await world.userID("demo@example.com").description
        let workspace = DemoTeam.workspaceID.description
        let refusals = await ParallelSQL.run(16, connect: ParallelSQL.appConnection(world.database))
        { index, connection in
            ParallelSQL.transaction(
                connection, workspace: workspace, user: owner,
                """
                INSERT INTO team_members (workspace_id, role, status, invitation_email)
                VALUES ($1, 'viewer', 'pending', $2)
                """, [workspace, "raw\(index)@example.com"])
        }
        let codes = Self.codes(refusals)
        #expect(codes.filter { $0 == nil }.count == 2)
        #expect(codes.allSatisfy { $0 == nil || $0 == "SC002" }, "\(codes)")
        #expect(try await Self.seatsUsed(world) == used + 2)
    }

    @Test func parallelReactivationsAndInvitesShareTheLastSeats() async throws {
        let world = try await TeamWorld()
        // Three more inactive members, and room for two more seats only.
        try await world.admin.query(
            """
            WITH u AS (INSERT INTO users (email, full_name)
                       SELECT 'dormant' || g || '@example.com', 'Dormant ' || g FROM generate_series(1, 3) g
                       RETURNING id)
            INSERT INTO team_members (workspace_id, user_id, role, status) SELECT $1, id, 'member', 'inactive' FROM u
            """, [DemoTeam.workspaceID.rawValue])
        let used = try await Self.seatsUsed(world)
        try await world.setSeatLimit(used + 2)
        let dormant = try await world.admin.query(
            "SELECT id FROM team_members WHERE workspace_id = $1 AND status = 'inactive'",
            [DemoTeam.workspaceID.rawValue]
        ).rows.map { MemberID(try $0.uuid("id")) }
        #expect(dormant.count == 4)
        var stores: [SettingsStore] = []
        for _ in 0..<(dormant.count + 4) {
            stores.append(try await world.store(.admin, ownConnection: true))
        }
        let results = await withTaskGroup(of: DomainError?.self) { group in
            for (index, store) in stores.enumerated() {
                group.addTask {
                    do throws(DomainError) {
                        if index < dormant.count {
                            try await store.reactivate(dormant[index])
                        } else {
                            _ = try await store.invite(
                                email: "late\(index)@example.com", role: .member)
                        }
                        return nil
                    } catch {
                        return error
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(try await Self.seatsUsed(world) == used + 2)
        #expect(results.filter { $0 == nil }.count == 2)
        #expect(results.compactMap { $0 }.allSatisfy { $0.isLimitReached })
        for store in stores { await store.client.close() }
    }
}
