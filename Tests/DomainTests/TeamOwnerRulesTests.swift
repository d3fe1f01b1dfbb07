import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// Only an owner grants the owner role or changes, deactivates or removes an owner; a
/// workspace always keeps one active owner, whoever asks, the owner themselves included.
@Suite struct TeamOwnerRulesTests {
    let world: TeamWorld

    init() async throws {
        world = try await TeamWorld()
    }

    static let lastOwner = DomainError.forbidden(reason: "A workspace needs at least one owner")

    /// Expects `body` to be refused with `error` and to leave the database as it was.
    func expectRefused(
        _ error: DomainError, sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () async throws(DomainError) -> Void
    ) async throws {
        let before = try await world.teamSnapshot()
        #expect(await domainError(body) == error, sourceLocation: sourceLocation)
        #expect(try await world.teamSnapshot() == before, sourceLocation: sourceLocation)
    }

    @Test func adminsCannotGrantChangeDeactivateOrRemoveOwners() async throws {
        let admin = try await world.store(.admin)
        let owner = DemoTeam.ownerMember
        try await expectRefused(.forbidden(reason: "Only owners can grant the owner role")) {
            () async throws(DomainError) in
            try await admin.changeRole(DemoTeam.memberMember, to: .owner)
        }
        try await expectRefused(.forbidden(reason: "Only owners can grant the owner role")) {
            () async throws(DomainError) in
            _ = try await admin.invite(email: "boss@example.com", role: .owner)
        }
        try await expectRefused(.forbidden(reason: "Only owners can change an owner's role")) {
            () async throws(DomainError) in
            try await admin.changeRole(owner, to: .admin)
        }
        try await expectRefused(.forbidden(reason: "Only owners can deactivate an owner")) {
            () async throws(DomainError) in
            try await admin.deactivate(owner)
        }
        try await expectRefused(.forbidden(reason: "Only owners can remove an owner")) {
            () async throws(DomainError) in
            try await admin.remove(owner)
        }
        // Admins still manage everyone else.
        try await admin.changeRole(DemoTeam.memberMember, to: .admin)
        #expect(try await world.state(DemoTeam.memberMember) == "admin|active|false")
    }

    @Test func adminsCannotResendOrRevokeAnOwnerInvitation() async throws {
        let invite = try await world.store(.owner).invite(
            email: "co-owner@example.com", role: .owner)
        let admin = try await world.store(.admin)
        try await expectRefused(.forbidden(reason: "Only owners can manage owner invitations")) {
            () async throws(DomainError) in
            _ = try await admin.resendInvitation(invite.memberID)
        }
        try await expectRefused(.forbidden(reason: "Only owners can manage owner invitations")) {
            () async throws(DomainError) in
            try await admin.revokeInvitation(invite.memberID)
        }
    }

    @Test func theLastOwnerCannotDemoteDeactivateOrRemoveThemselves() async throws {
        let owner = try await world.store(.owner)
        let me = owner.session.memberID
        for newRole in [Role.admin, .member, .viewer] {
            try await expectRefused(Self.lastOwner) { () async throws(DomainError) in
                try await owner.changeRole(me, to: newRole)
            }
        }
        try await expectRefused(Self.lastOwner) { () async throws(DomainError) in
            try await owner.deactivate(me)
        }
        try await expectRefused(Self.lastOwner) { () async throws(DomainError) in
            try await owner.remove(me)
        }
        #expect(try await world.state(me) == "owner|active|false")
    }

    @Test func anInactiveSecondOwnerDoesNotCount() async throws {
        let owner = try await world.store(.owner)
        try await owner.changeRole(DemoTeam.adminMember, to: .owner)
        try await owner.deactivate(DemoTeam.adminMember)
        try await expectRefused(Self.lastOwner) { () async throws(DomainError) in
            try await owner.remove(owner.session.memberID)
        }
        // The inactive owner may go; the active one stays.
        try await owner.remove(DemoTeam.adminMember)
        #expect(try await world.state(DemoTeam.adminMember) == "owner|inactive|true")
    }

    @Test func withTwoOwnersOneMayLeaveAndThenTheOtherCannot() async throws {
        let first = try await world.store(.owner)
        let second = try await world.store(.admin)
        try await first.changeRole(DemoTeam.adminMember, to: .owner)
        #expect(second.session.role == .admin, "the session was made before the promotion")
        #expect(try await first.memberCounts().activeOwners == 2)

        // The promoted owner acts with their role as the database has it now.
        try await second.changeRole(first.session.memberID, to: .admin)
        #expect(try await world.state(first.session.memberID) == "admin|active|false")
        try await expectRefused(Self.lastOwner) { () async throws(DomainError) in
            try await second.remove(second.session.memberID)
        }
        try await second.changeRole(first.session.memberID, to: .owner)
        try await first.remove(first.session.memberID)
        #expect(try await world.state(first.session.memberID) == "owner|active|true")

        // Whoever left is no longer let in, with a clear reason.
        try await expectRefused(
            .forbidden(reason: "You are no longer an active member of this workspace")
        ) {
            () async throws(DomainError) in
            try await first.changeRole(DemoTeam.viewerMember, to: .member)
        }
        try await expectRefused(Self.lastOwner) { () async throws(DomainError) in
            try await second.deactivate(second.session.memberID)
        }
        #expect(try await second.memberCounts().activeOwners == 1)
    }

    @Test func ownersMayGrantOwnerAndDemoteAnotherOwner() async throws {
        let owner = try await world.store(.owner)
        let invite = try await owner.invite(email: "partner@example.com", role: .owner)
        #expect(try await world.state(invite.memberID) == "owner|pending|false")
        try await owner.changeRole(DemoTeam.viewerMember, to: .owner)
        try await owner.changeRole(DemoTeam.viewerMember, to: .member)
        try await owner.changeRole(DemoTeam.viewerMember, to: .owner)
        try await owner.deactivate(DemoTeam.viewerMember)
        try await owner.reactivate(DemoTeam.viewerMember)
        try await owner.remove(DemoTeam.viewerMember)
        #expect(try await world.state(DemoTeam.viewerMember) == "owner|active|true")
    }

    @Test func aPendingOwnerInvitationIsNoActiveOwner() async throws {
        let owner = try await world.store(.owner)
        _ = try await owner.invite(email: "maybe-owner@example.com", role: .owner)
        try await expectRefused(Self.lastOwner) { () async throws(DomainError) in
            try await owner.changeRole(owner.session.memberID, to: .admin)
        }
    }
}
