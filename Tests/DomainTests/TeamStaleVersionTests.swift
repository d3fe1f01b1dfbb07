import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// A change made on a stale view (the row changed since it was read) is refused as a
/// conflict and never overwrites the newer change.
@Suite struct TeamStaleVersionTests {
    let world: TeamWorld
    let alice: SettingsStore
    let bob: SettingsStore

    init() async throws {
        world = try await TeamWorld()
        alice = try await world.store(.owner)
        bob = try await world.store(.admin)
    }

    @Test(arguments: [MemberOperation.changeRole, .deactivate, .remove])
    func anActiveMemberChangedMeanwhileIsAConflict(operation: MemberOperation) async throws {
        let stale = try await alice.member(DemoTeam.memberMember)
        try await bob.changeRole(DemoTeam.memberMember, to: .viewer)
        let before = try await world.teamSnapshot()
        let error = await domainError { () async throws(DomainError) in
            try await operation.perform(
                on: DemoTeam.memberMember, by: alice, expected: stale.version)
        }
        #expect(error?.isConflict == true, "\(operation): \(String(describing: error))")
        #expect(try await world.teamSnapshot() == before)
        #expect(
            try await world.state(DemoTeam.memberMember) == "viewer|active|false",
            "Bob's change stands")

        let fresh = try await alice.member(DemoTeam.memberMember)
        #expect(fresh.version != stale.version)
        try await operation.perform(on: DemoTeam.memberMember, by: alice, expected: fresh.version)
    }

    @Test(arguments: [MemberOperation.resend, .revoke])
    func anInvitationResentMeanwhileIsAConflict(operation: MemberOperation) async throws {
        let stale = try await alice.member(DemoTeam.pendingMember)
        let newer = try await bob.resendInvitation(DemoTeam.pendingMember)
        let error = await domainError { () async throws(DomainError) in
            try await operation.perform(
                on: DemoTeam.pendingMember, by: alice, expected: stale.version)
        }
        #expect(error?.isConflict == true)
        #expect(
            try await world.row(DemoTeam.pendingMember).optionalString("invitation_token")
                == newer.token.storedHash)
    }

    @Test func aReactivationOnAStaleViewIsAConflict() async throws {
        let stale = try await alice.member(DemoTeam.formerMember)
        try await bob.changeRole(DemoTeam.formerMember, to: .viewer)
        let error = await domainError { () async throws(DomainError) in
            try await alice.reactivate(DemoTeam.formerMember, expected: stale.version)
        }
        #expect(error?.isConflict == true)
        #expect(try await world.state(DemoTeam.formerMember) == "viewer|inactive|false")
    }

    @Test func activityAloneDoesNotMakeAViewStale() async throws {
        let seen = try await alice.member(DemoTeam.viewerMember)
        try await world.admin.query(
            "UPDATE team_members SET last_active_at = now() WHERE id = $1",
            [DemoTeam.viewerMember.rawValue])
        try await alice.changeRole(DemoTeam.viewerMember, to: .member, expected: seen.version)
        #expect(try await world.state(DemoTeam.viewerMember) == "member|active|false")
    }

    @Test func theListCarriesTheSameVersionAsTheSingleRead() async throws {
        let listed = try await alice.members(MemberQuery()).members.first {
            $0.id == DemoTeam.adminMember
        }
        let read = try await alice.member(DemoTeam.adminMember)
        #expect(listed?.version == read.version)
        try await alice.deactivate(DemoTeam.adminMember, expected: try #require(listed).version)
    }
}

extension MemberOperation {
    func perform(on id: MemberID, by store: SettingsStore, expected: RowVersion)
        async throws(DomainError)
    {
        switch self {
        case .read: _ = try await store.member(id)
        case .changeRole: try await store.changeRole(id, to: .admin, expected: expected)
        case .deactivate: try await store.deactivate(id, expected: expected)
        case .reactivate: try await store.reactivate(id, expected: expected)
        case .remove: try await store.remove(id, expected: expected)
        case .resend: _ = try await store.resendInvitation(id, expected: expected)
        case .revoke: try await store.revokeInvitation(id, expected: expected)
        }
    }
}
