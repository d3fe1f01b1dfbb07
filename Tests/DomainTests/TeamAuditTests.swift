import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// Every team change writes exactly one audit row, in its own transaction, naming the actor
/// and what changed; refusals write none; no token or hash is ever recorded.
@Suite struct TeamAuditTests {
    let world: TeamWorld

    init() async throws {
        world = try await TeamWorld()
    }

    /// The team audit rows after `mark`, oldest first, as `action|actor|resource|changes`.
    func rows(after mark: Int) async throws -> [PostgresRow] {
        Array(
            try await world.admin.query(
                """
                SELECT a.action, a.user_id::text AS actor, a.workspace_id::text AS workspace,
                       a.resource_type, a.resource_id::text AS resource, a.changes::text AS changes,
                       a.changes -> 'before' ->> 'role' AS before_role, a.changes -> 'after' ->> 'role' AS after_role,
                       a.changes -> 'before' ->> 'status' AS before_status, a.changes -> 'after' ->> 'status' AS after_status,
                       a.changes ->> 'method' AS method
                FROM audit_logs a WHERE a.action LIKE 'team.%'
                ORDER BY a.created_at, a.id
                """
            ).rows.dropFirst(mark))
    }

    @Test func eachChangeWritesOneRowNamingActorResourceAndChange() async throws {
        let stale = try await world.addExpiredInvitation("old@example.com")
        let admin = try await world.store(.admin)
        let me = admin.session.userID.description
        let mark = try await world.teamAuditCount()
        try #require(mark == 0)

        let invite = try await admin.invite(email: "new@example.com", role: .member)
        var log = try await rows(after: 0)
        #expect(log.count == 1)
        #expect(try log[0].string("action") == "team.invite")
        #expect(try log[0].string("resource") == invite.memberID.description)
        #expect(try log[0].optionalString("after_role") == "member")
        #expect(try log[0].optionalString("after_status") == "pending")

        _ = try await admin.resendInvitation(invite.memberID)
        try await admin.revokeInvitation(invite.memberID)
        try await admin.changeRole(DemoTeam.memberMember, to: .viewer)
        try await admin.deactivate(DemoTeam.viewerMember)
        try await admin.reactivate(DemoTeam.formerMember)
        try await admin.remove(DemoTeam.memberMember)
        #expect(try await admin.expireInvitations() == 1)

        log = try await rows(after: 0)
        #expect(
            try log.map { try $0.string("action") } == [
                "team.invite", "team.resend", "team.revoke", "team.change_role", "team.deactivate",
                "team.reactivate", "team.remove", "team.expire",
            ])
        #expect(
            try log.map { try $0.string("resource") }
                == [
                    invite.memberID, invite.memberID, invite.memberID, DemoTeam.memberMember,
                    DemoTeam.viewerMember,
                    DemoTeam.formerMember, DemoTeam.memberMember, stale,
                ].map(\.description))
        for row in log {
            #expect(try row.string("actor") == me)
            #expect(try row.string("workspace") == DemoTeam.workspaceID.description)
            #expect(try row.string("resource_type") == "team_member")
            #expect(try row.optionalString("method") == "demo")
        }
        #expect(try log[3].optionalString("before_role") == "member")
        #expect(try log[3].optionalString("after_role") == "viewer")
        #expect(try log[4].optionalString("before_status") == "active")
        #expect(try log[4].optionalString("after_status") == "inactive")
        #expect(try log[5].optionalString("after_status") == "active")
        #expect(try log[6].optionalString("before_role") == "viewer")
        #expect(try log[6].string("changes").contains("member@example.com"))
    }

    @Test func refusalsWriteNothing() async throws {
        let member = try await world.store(.member)
        let admin = try await world.store(.admin)
        _ = await domainError { () async throws(DomainError) in
            _ = try await member.invite(email: "x@example.com", role: .viewer)
        }
        _ = await domainError { () async throws(DomainError) in
            try await member.deactivate(DemoTeam.viewerMember)
        }
        _ = await domainError { () async throws(DomainError) in
            try await admin.remove(DemoTeam.ownerMember)
        }
        _ = await domainError { () async throws(DomainError) in
            _ = try await admin.invite(email: "viewer@example.com", role: .viewer)
        }
        _ = await domainError { () async throws(DomainError) in
            try await admin.changeRole(DemoTeam.viewerMember, to: .viewer)
        }
        try await world.setSeatLimit(5)
        _ = await domainError { () async throws(DomainError) in
            _ = try await admin.invite(email: "full@example.com", role: .viewer)
        }
        #expect(try await world.teamAuditCount() == 0)
    }

    /// The audit row and the change commit together: when the audit insert fails, the
    /// change is rolled back with it.
    @Test func aFailedAuditWriteUndoesTheChange() async throws {
        try await world.admin.execute(
            script: """
                CREATE FUNCTION refuse_deactivation_audit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.action = 'team.deactivate' THEN RAISE EXCEPTION 'audit store unavailable'; END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER refuse_deactivation_audit BEFORE INSERT ON audit_logs
                FOR EACH ROW EXECUTE FUNCTION refuse_deactivation_audit();
                """)
        let owner = try await world.store(.owner)
        let before = try await world.teamSnapshot()
        let error = await domainError { () async throws(DomainError) in
            try await owner.deactivate(DemoTeam.memberMember)
        }
        #expect(error != nil)
        #expect(try await world.teamSnapshot() == before)
        #expect(try await world.state(DemoTeam.memberMember) == "member|active|false")
        // Other changes, whose audit rows are accepted, still go through.
        try await owner.changeRole(DemoTeam.memberMember, to: .viewer)
        #expect(try await world.teamAuditCount("team.change_role") == 1)
    }

    @Test func ownersAndAdminsReadTheTeamTrailMembersDoNot() async throws {
        let owner = try await world.store(.owner)
        try await owner.changeRole(DemoTeam.memberMember, to: .viewer)
        for role in [Role.owner, .admin] {
            let page = try await world.store(role).auditLog()
            let entry = try #require(page.entries.first { $0.action == "team.change_role" })
            #expect(entry.actorEmail == "demo@example.com")
            #expect(entry.resourceID == DemoTeam.memberMember.rawValue)
            #expect(entry.summary.contains("role: member → viewer"))
        }
        for role in [Role.member, .viewer] {
            let store = try await world.store(role)
            let error = await domainError { () async throws(DomainError) in
                _ = try await store.auditLog()
            }
            #expect(error == .forbidden(reason: "Only admins and owners can read the audit log"))
        }
    }

    @Test func noHashOrTokenLikeValueIsEverRecorded() async throws {
        let owner = try await world.store(.owner)
        let receipt = try await owner.invite(email: "secretive@example.com", role: .member)
        _ = try await owner.resendInvitation(receipt.memberID)
        _ = try await owner.resendInvitation(DemoTeam.pendingMember)
        try await owner.revokeInvitation(DemoTeam.pendingMember)
        _ = try await SettingsStore.acceptInvitation(
            client: world.app,
            token: (try await owner.resendInvitation(receipt.memberID)).token.value,
            fullName: "Secretive", password: "long-password")
        #expect(try await world.teamAuditCount() >= 6)
        let hashLike = try await world.int(
            "SELECT count(*) FROM audit_logs WHERE changes::text ~ '[0-9a-f]{64}' OR changes::text ~ '[A-Za-z0-9_-]{43}'"
        )
        #expect(hashLike == 0)
    }
}
