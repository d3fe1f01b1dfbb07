/// A member's role in a workspace (seed 000's four roles; SEED-ERRATA #8).
public enum Role: String, Sendable, CaseIterable, Codable, Comparable {
    case owner, admin, member, viewer

    /// Higher ranks include every permission of lower ones.
    public var rank: Int {
        switch self {
        case .owner: return 3
        case .admin: return 2
        case .member: return 1
        case .viewer: return 0
        }
    }

    public var title: String {
        switch self {
        case .owner: return "Owner"
        case .admin: return "Admin"
        case .member: return "Member"
        case .viewer: return "Viewer"
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }

    /// Parses user input such as `Admin` or ` viewer `.
    public static func parse(_ text: String) throws(DomainError) -> Role {
        let cleaned = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let role = Role(rawValue: cleaned) else {
            throw DomainError(.unknownRole(text))
        }
        return role
    }
}

/// Where a membership stands.
public enum MemberStatus: String, Sendable, CaseIterable, Codable {
    case pending, active, inactive

    public var title: String {
        switch self {
        case .pending: return "Pending"
        case .active: return "Active"
        case .inactive: return "Inactive"
        }
    }

    public static func parse(_ text: String) throws(DomainError) -> MemberStatus {
        let cleaned = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let status = MemberStatus(rawValue: cleaned) else {
            throw DomainError(.unknownStatus(text))
        }
        return status
    }
}
