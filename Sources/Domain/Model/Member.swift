import Foundation

/// One row of the Team tab: a member, or a pending invitation (no user yet).
public struct Member: Sendable, Equatable, Identifiable {
    public let id: MemberID
    public let userID: UserID?
    public let email: String
    /// Empty for pending invitations.
    public let fullName: String
    public let role: Role
    public let status: MemberStatus
    public let invitationExpiresAt: Date?
    public let acceptedAt: Date?
    public let lastActiveAt: Date?
    public let createdAt: Date
    public let version: RowVersion

    public init(
        id: MemberID, userID: UserID?, email: String, fullName: String, role: Role,
        status: MemberStatus, invitationExpiresAt: Date?, acceptedAt: Date?, lastActiveAt: Date?,
        createdAt: Date, version: RowVersion
    ) {
        self.id = id
        self.userID = userID
        self.email = email
        self.fullName = fullName
        self.role = role
        self.status = status
        self.invitationExpiresAt = invitationExpiresAt
        self.acceptedAt = acceptedAt
        self.lastActiveAt = lastActiveAt
        self.createdAt = createdAt
        self.version = version
    }

    /// The name to show: the full name, or the email for invitations and nameless users.
    public var displayName: String { fullName.isEmpty ? email : fullName }

    public var snapshot: MemberSnapshot {
        MemberSnapshot(
            id: id, email: email, displayName: displayName, role: role, status: status,
            version: version)
    }
}

/// What the policy needs to know about a member to judge an action on it.
public struct MemberSnapshot: Sendable, Equatable {
    public let id: MemberID
    public let email: String
    public let displayName: String
    public let role: Role
    public let status: MemberStatus
    public let version: RowVersion

    public init(
        id: MemberID, email: String, displayName: String, role: Role, status: MemberStatus,
        version: RowVersion
    ) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.role = role
        self.status = status
        self.version = version
    }
}

/// Header figures for the Team tab: "6 members - 4 active, 1 pending, 1 inactive".
public struct MemberCounts: Sendable, Equatable {
    public let active: Int
    public let pending: Int
    public let inactive: Int
    /// Active plus pending: what counts against the seat limit.
    public var seatsUsed: Int { active + pending }
    /// nil means unlimited.
    public let seatLimit: Int?
    public let activeOwners: Int

    public init(active: Int, pending: Int, inactive: Int, seatLimit: Int?, activeOwners: Int) {
        self.active = active
        self.pending = pending
        self.inactive = inactive
        self.seatLimit = seatLimit
        self.activeOwners = activeOwners
    }

    public var total: Int { active + pending + inactive }
}
