import Domain
import Foundation
import ViewModels

/// Plain values for view-model tests: the update function is pure, so no database is needed.
enum Fixtures {
    static let now = Date(timeIntervalSince1970: 1_795_390_094)

    static func session(_ role: Role) -> Session {
        Session(
            userID: UserID(UUID()), email: "\(role.rawValue)@example.com",
            fullName: "\(role.title) User",
            workspaceID: WorkspaceID(UUID()), workspaceName: "Acme Corp", role: role,
            memberID: MemberID(UUID()), authMethod: "demo")
    }

    static func member(
        _ index: Int, role: Role = .member, status: MemberStatus = .active, email: String? = nil
    ) -> Member {
        Member(
            id: MemberID(UUID()), userID: status == .pending ? nil : UserID(UUID()),
            email: email ?? "user\(index)@example.com",
            fullName: status == .pending ? "" : "User \(index)",
            role: role, status: status, invitationExpiresAt: nil, acceptedAt: nil,
            lastActiveAt: nil,
            createdAt: now, version: RowVersion("v\(index)"))
    }

    static func page(_ range: Range<Int>, hasMore: Bool) -> MemberPage {
        let members = range.map { member($0) }
        return MemberPage(
            members: members,
            cursors: members.enumerated().map {
                MemberCursor(sortKey: String(range.lowerBound + $0.offset), id: $0.element.id)
            },
            hasMore: hasMore)
    }

    /// A state whose team list holds `members`, as if loaded.
    static func state(_ role: Role, members: [Member], readOnly: Bool = false, owners: Int = 1)
        -> AppState
    {
        var state = AppState(session: session(role), readOnly: readOnly)
        _ = state.update(
            .team(
                .membersLoaded(
                    generation: state.team.generation, direction: .replace,
                    .success(
                        MemberPage(
                            members: members,
                            cursors: members.map { MemberCursor(sortKey: $0.email, id: $0.id) },
                            hasMore: false)))), now: now)
        _ = state.update(
            .team(
                .countsLoaded(
                    .success(
                        MemberCounts(
                            active: members.count, pending: 0, inactive: 0, seatLimit: 25,
                            activeOwners: owners)))),
            now: now)
        return state
    }
}
