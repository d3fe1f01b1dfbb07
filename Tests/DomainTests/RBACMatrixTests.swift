import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// Every role against every team operation, through the domain: what the policy allows
/// succeeds and changes the database as it should (checked as superuser) and writes one audit
/// row; what it denies throws `.forbidden` with the policy's reason and changes nothing.
@Suite struct RBACMatrixTests {
    static let manageTeam = "Only admins and owners can manage members"
    static let grantOwner = "Only owners can grant the owner role"
    static let managers: Set<Role> = [.owner, .admin]

    @Test(arguments: Role.allCases)
    func everyTeamOperation(actor: Role) async throws {
        let world = try await TeamWorld()
        let stale = try await world.addExpiredInvitation("stale@example.com")
        let store = try await world.store(actor)
        let me = store.session.userID.rawValue.uuidString.lowercased()
        let matrix = Matrix(world: world, actor: actor)

        // Reading: every member of the workspace (seed 000: "View workspace data").
        let page = try await store.members(MemberQuery())
        #expect(page.members.count == 7)
        #expect(
            Set(page.members.map(\.email)).isSuperset(of: [
                "demo@example.com", "admin@example.com", "member@example.com", "viewer@example.com",
                DemoTeam.pendingEmail, DemoTeam.formerEmail,
            ]))
        let counts = try await store.memberCounts()
        #expect(
            counts
                == MemberCounts(active: 4, pending: 2, inactive: 1, seatLimit: 25, activeOwners: 1))

        for role in Role.allCases {
            let email = "new-\(role.rawValue)@example.com"
            let allowed = role == .owner ? [Role.owner] : Self.managers
            let reason = Self.managers.contains(actor) ? Self.grantOwner : Self.manageTeam
            try await matrix.check(
                "invite \(role)", allowed: allowed, reason: reason, audit: "team.invite"
            ) {
                () async throws(DomainError) in
                let receipt = try await store.invite(email: email, role: role)
                return { () async throws in
                    let row = try await world.row(receipt.memberID)
                    #expect(try row.string("role") == role.rawValue)
                    #expect(try row.string("status") == "pending")
                    #expect(try row.string("invitation_email") == email)
                    #expect(try row.string("invitation_token") == receipt.token.storedHash)
                    #expect(try row.string("invited_by") == me)
                    #expect(try row.bool("expires_in_a_week"))
                }
            }
        }

        let seededHash = InvitationToken.hash(DemoTeam.pendingToken)
        try await matrix.check(
            "resend", allowed: Self.managers, reason: Self.manageTeam, audit: "team.resend"
        ) {
            () async throws(DomainError) in
            let receipt = try await store.resendInvitation(DemoTeam.pendingMember)
            return { () async throws in
                let row = try await world.row(DemoTeam.pendingMember)
                #expect(try row.string("invitation_token") == receipt.token.storedHash)
                #expect(try row.string("invitation_token") != seededHash)
                #expect(try row.bool("expires_in_a_week"))
            }
        }

        try await matrix.check(
            "revoke", allowed: Self.managers, reason: Self.manageTeam, audit: "team.revoke"
        ) {
            () async throws(DomainError) in
            try await store.revokeInvitation(DemoTeam.pendingMember)
            return { () async throws in
                let row = try await world.row(DemoTeam.pendingMember)
                #expect(try row.optionalString("deleted_at") != nil)
                #expect(try row.optionalString("invitation_token") == nil)
                #expect(try row.string("deleted_by") == me)
            }
        }

        try await matrix.check(
            "change role", allowed: Self.managers, reason: Self.manageTeam,
            audit: "team.change_role"
        ) {
            () async throws(DomainError) in
            try await store.changeRole(DemoTeam.memberMember, to: .viewer)
            return { () async throws in
                #expect(try await world.state(DemoTeam.memberMember) == "viewer|active|false")
            }
        }

        try await matrix.check(
            "deactivate", allowed: Self.managers, reason: Self.manageTeam, audit: "team.deactivate"
        ) {
            () async throws(DomainError) in
            try await store.deactivate(DemoTeam.viewerMember)
            return { () async throws in
                #expect(try await world.state(DemoTeam.viewerMember) == "viewer|inactive|false")
            }
        }

        try await matrix.check(
            "reactivate", allowed: Self.managers, reason: Self.manageTeam, audit: "team.reactivate"
        ) {
            () async throws(DomainError) in
            try await store.reactivate(DemoTeam.formerMember)
            return { () async throws in
                #expect(try await world.state(DemoTeam.formerMember) == "member|active|false")
            }
        }

        try await matrix.check(
            "remove", allowed: Self.managers, reason: Self.manageTeam, audit: "team.remove"
        ) {
            () async throws(DomainError) in
            try await store.remove(DemoTeam.memberMember)
            return { () async throws in
                let row = try await world.row(DemoTeam.memberMember)
                #expect(try row.optionalString("deleted_at") != nil)
                #expect(try row.string("deleted_by") == me)
            }
        }

        try await matrix.check(
            "expire", allowed: Self.managers, reason: Self.manageTeam, audit: "team.expire"
        ) {
            () async throws(DomainError) in
            let expired = try await store.expireInvitations()
            return { () async throws in
                #expect(expired == 1)
                let row = try await world.row(stale)
                #expect(try row.optionalString("deleted_at") != nil)
                #expect(try row.optionalString("invitation_token") == nil)
            }
        }

        // Reading still works after whatever happened above, and agrees with the database.
        let after = try await store.memberCounts()
        let live = try await world.int(
            "SELECT count(*) FROM team_members WHERE workspace_id = $1 AND deleted_at IS NULL",
            [DemoTeam.workspaceID.rawValue])
        #expect(after.total == live)
    }
}

/// Runs one operation as `actor` and holds it to the matrix.
private struct Matrix {
    let world: TeamWorld
    let actor: Role

    /// `run` performs the operation and returns the check of its effect; it runs only when
    /// the operation succeeded.
    func check(
        _ name: String, allowed: Set<Role>, reason: String, audit action: String,
        sourceLocation: SourceLocation = #_sourceLocation,
        _ run: () async throws(DomainError) -> (() async throws -> Void)
    ) async throws {
        let before = try await world.teamSnapshot()
        let audits = try await world.teamAuditCount(action)
        let verify: () async throws -> Void
        do {
            verify = try await run()
        } catch {
            #expect(
                !allowed.contains(actor), "\(name) by \(actor) failed: \(error)",
                sourceLocation: sourceLocation)
            #expect(
                error == .forbidden(reason: reason), "\(name) by \(actor)",
                sourceLocation: sourceLocation)
            #expect(
                try await world.teamSnapshot() == before,
                "\(name) by \(actor) changed the database", sourceLocation: sourceLocation)
            return
        }
        #expect(
            allowed.contains(actor), "\(actor) was allowed to \(name)",
            sourceLocation: sourceLocation)
        try await verify()
        let written = try await world.teamAuditCount(action) - audits
        #expect(
            written == 1, "\(name) by \(actor) wrote \(written) \(action) rows",
            sourceLocation: sourceLocation)
        let actorID = try await world.scalar(
            "SELECT user_id::text FROM audit_logs WHERE action = $1 ORDER BY created_at DESC LIMIT 1",
            [action])
        #expect(
            actorID == (try await world.userID(DemoTeam.email(actor))).description,
            sourceLocation: sourceLocation)
    }
}
