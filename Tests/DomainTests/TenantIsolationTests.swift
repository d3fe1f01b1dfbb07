import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// Two workspaces in one database: from the demo workspace (A) nothing of Globex (B) can be
/// seen or changed, whatever ids are passed, and a session that lies about its workspace
/// gets nothing.
@Suite struct TenantIsolationTests {
    let world: TeamWorld
    let globex: SecondWorkspace

    init() async throws {
        world = try await TeamWorld()
        globex = try await SecondWorkspace.create(in: world)
        // B gets an expired invitation too, so a sweep from A has something to wrongly take.
        try await world.addExpiredInvitation("stale@globex.example", workspace: SecondWorkspace.id)
    }

    @Test(arguments: [Role.owner, .admin])
    func aSessionOfACannotReachBsMembers(actor: Role) async throws {
        let store = try await world.store(actor)
        let before = try await SecondWorkspace.snapshot(in: world)
        let demoBefore = try await world.teamSnapshot()

        let everyone = try await store.members(MemberQuery(limit: 1000))
        #expect(everyone.members.count == 6)
        #expect(everyone.members.allSatisfy { !$0.email.hasSuffix("globex.example") })
        let searched = try await store.members(MemberQuery(search: "globex"))
        #expect(searched.members.isEmpty)
        let counts = try await store.memberCounts()
        #expect(
            counts
                == MemberCounts(active: 4, pending: 1, inactive: 1, seatLimit: 25, activeOwners: 1))

        for id in globex.allMemberIDs {
            for operation in MemberOperation.allCases {
                let error = await Self.refusal(operation, on: id, by: store)
                #expect(
                    error?.isNotFound == true,
                    "\(operation) on B's \(id): \(String(describing: error))")
            }
        }
        for email in [
            SecondWorkspace.email(.owner), SecondWorkspace.pendingEmail,
            SecondWorkspace.formerEmail,
        ] {
            let error = await domainError { () async throws(DomainError) in
                _ = try await store.member(email: email)
            }
            #expect(error?.isNotFound == true)
        }
        #expect(try await store.expireInvitations() == 0)

        #expect(try await SecondWorkspace.snapshot(in: world) == before)
        #expect(
            try await world.teamSnapshot() == demoBefore,
            "the refused calls wrote no audit rows either")
    }

    static func refusal(_ operation: MemberOperation, on id: MemberID, by store: SettingsStore)
        async -> DomainError?
    {
        await domainError { () async throws(DomainError) in
            try await operation.perform(on: id, by: store)
        }
    }

    @Test func invitingBsMemberIntoAMakesANewSeparateInvitation() async throws {
        let store = try await world.store(.owner)
        let before = try await SecondWorkspace.snapshot(in: world)
        let receipt = try await store.invite(email: SecondWorkspace.email(.admin), role: .viewer)
        #expect(!globex.allMemberIDs.contains(receipt.memberID))
        #expect(
            try await world.scalar(
                "SELECT workspace_id::text FROM team_members WHERE id = $1",
                [receipt.memberID.rawValue])
                == DemoTeam.workspaceID.description)
        #expect(try await SecondWorkspace.snapshot(in: world) == before)
    }

    /// A session claiming B with A's owner (not a member of B): the database knows no role
    /// for it, so reads come back empty and every change is forbidden.
    @Test func aForgedSessionForBGetsNothing() async throws {
        let real = try await world.store(.owner)
        let forged = Session(
            userID: real.session.userID, email: real.session.email, fullName: real.session.fullName,
            workspaceID: SecondWorkspace.id, workspaceName: "Globex", role: .owner,
            memberID: globex.member(.owner), authMethod: "forged")
        let store = SettingsStore(client: world.app, session: forged)
        let before = try await SecondWorkspace.snapshot(in: world)

        #expect(try await store.members(MemberQuery()).members.isEmpty)
        let counts = try await store.memberCounts()
        #expect(counts.total == 0 && counts.activeOwners == 0)
        #expect(await Self.refusal(.read, on: globex.member(.admin), by: store)?.isNotFound == true)

        let notMember = DomainError.forbidden(
            reason: "You are no longer an active member of this workspace")
        let invite = await domainError { () async throws(DomainError) in
            _ = try await store.invite(email: "spy@example.com", role: .owner)
        }
        #expect(invite == notMember)
        #expect(
            await domainError { () async throws(DomainError) in try await store.expireInvitations()
            } == notMember)
        let targets = [
            globex.member(.owner), globex.member(.member), globex.former, globex.pending,
        ]
        for operation in MemberOperation.allCases where operation != .read {
            for target in targets {
                #expect(
                    await Self.refusal(operation, on: target, by: store) == notMember,
                    "\(operation)")
            }
        }
        #expect(try await SecondWorkspace.snapshot(in: world) == before)
    }

    /// The same user in both workspaces: their session in B carries B's (lesser) role only,
    /// and their session in A cannot reach B.
    @Test func aMemberOfBothActsInEachWithThatWorkspacesRole() async throws {
        let demoUser = try await world.userID("demo@example.com")
        try await world.admin.query(
            "INSERT INTO team_members (workspace_id, user_id, role, status, accepted_at) VALUES ($1, $2, 'viewer', 'active', now())",
            [SecondWorkspace.id.rawValue, demoUser.rawValue])
        let inB = try await world.store(email: "demo@example.com", workspace: SecondWorkspace.slug)
        #expect(inB.session.role == .viewer)
        let before = try await SecondWorkspace.snapshot(in: world)
        #expect(
            await Self.refusal(.deactivate, on: globex.member(.member), by: inB)
                == .forbidden(reason: "Only admins and owners can manage members"))
        #expect(
            try await inB.members(MemberQuery()).members.count == 8,
            "B's seven rows and the demo owner")
        #expect(try await SecondWorkspace.snapshot(in: world) == before)

        let inA = try await world.store(email: "demo@example.com", workspace: "acme")
        #expect(
            await Self.refusal(.deactivate, on: globex.member(.member), by: inA)?.isNotFound == true
        )
    }

    @Test func rawSQLFromAReachesNoRowOfB() async throws {
        let sql = ConsoleAppSQL(world)
        let owner = try await world.userID("demo@example.com")
        let b = SecondWorkspace.id.rawValue
        let before = try await SecondWorkspace.snapshot(in: world)
        for (statement, parameters) in [
            ("SELECT id FROM team_members WHERE workspace_id = $1", [b]),
            ("UPDATE team_members SET role = 'viewer' WHERE workspace_id = $1", [b]),
            ("UPDATE team_members SET deleted_at = now() WHERE workspace_id = $1", [b]),
            ("DELETE FROM team_members WHERE workspace_id = $1", [b]),
            ("SELECT id FROM billing_config WHERE workspace_id = $1", [b]),
            ("SELECT id FROM workspaces WHERE id = $1", [b]),
            ("SELECT id FROM users WHERE email LIKE '%globex%'", []),
        ] as [(SQL, [any PostgresEncodable])] {
            let outcome = try await sql.attempt(
                workspace: DemoTeam.workspaceID, user: owner, statement, parameters)
            #expect(outcome.changedNothing, "\(statement): \(outcome)")
        }
        let smuggle = try await sql.attempt(
            workspace: DemoTeam.workspaceID, user: owner,
            "INSERT INTO team_members (workspace_id, role, status, invitation_email) VALUES ($1, 'owner', 'pending', 'spy@example.com')",
            [b])
        #expect(smuggle == .refused("42501"))
        // Claiming B outright with A's owner: no role there, so nothing either.
        let claimed = try await sql.attempt(
            workspace: SecondWorkspace.id, user: owner,
            "UPDATE team_members SET role = 'viewer' WHERE workspace_id = $1", [b])
        #expect(claimed.changedNothing)
        #expect(try await SecondWorkspace.snapshot(in: world) == before)
    }
}
