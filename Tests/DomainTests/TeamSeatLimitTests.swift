import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// The seat limit counts active members and pending invitations, is re-checked on
/// reactivation, and NULL means unlimited.
@Suite struct TeamSeatLimitTests {
    let world: TeamWorld
    let admin: SettingsStore

    init() async throws {
        world = try await TeamWorld()
        admin = try await world.store(.admin)
    }

    @Test func pendingInvitationsTakeSeats() async throws {
        let counts = try await admin.memberCounts()
        #expect(counts.seatsUsed == 5 && counts.seatLimit == 25)
        try await world.setSeatLimit(6)
        _ = try await admin.invite(email: "sixth@example.com", role: .viewer)
        let before = try await world.teamSnapshot()
        let full = await domainError { () async throws(DomainError) in
            _ = try await admin.invite(email: "seventh@example.com", role: .viewer)
        }
        #expect(full?.isLimitReached == true)
        #expect(full?.userMessage.contains("6 seats") == true, "\(String(describing: full))")
        #expect(try await world.teamSnapshot() == before)
        // Revoking frees the seat again.
        try await admin.revokeInvitation(DemoTeam.pendingMember)
        _ = try await admin.invite(email: "seventh@example.com", role: .viewer)
    }

    @Test func reactivationIsRecheckedAgainstTheLimit() async throws {
        try await world.setSeatLimit(5)
        let before = try await world.teamSnapshot()
        let error = await domainError { () async throws(DomainError) in
            try await admin.reactivate(DemoTeam.formerMember)
        }
        #expect(error?.isLimitReached == true)
        #expect(try await world.teamSnapshot() == before)
        try await admin.deactivate(DemoTeam.viewerMember)
        try await admin.reactivate(DemoTeam.formerMember)
        #expect(try await world.state(DemoTeam.formerMember) == "member|active|false")
    }

    @Test func noLimitMeansUnlimited() async throws {
        try await world.setSeatLimit(nil)
        #expect(try await admin.memberCounts().seatLimit == nil)
        for index in 0..<30 {
            _ = try await admin.invite(email: "many\(index)@example.com", role: .viewer)
        }
        #expect(try await admin.memberCounts().seatsUsed == 35)
    }

    @Test func deactivatingAndRemovingFreeSeatsAndChangesOfRoleDoNotTakeOne() async throws {
        try await world.setSeatLimit(5)
        try await admin.changeRole(DemoTeam.memberMember, to: .viewer)
        try await admin.remove(DemoTeam.viewerMember)
        _ = try await admin.invite(email: "replacement@example.com", role: .member)
        #expect(try await admin.memberCounts().seatsUsed == 5)
    }
}
