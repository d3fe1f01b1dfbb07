import Domain
import Foundation

/// The demo seed's team (sql/seed/demo.sql): who is who, by email and row id.
enum DemoTeam {
    static let workspaceID = WorkspaceID(uuid("00000000-0000-0000-0000-000000000001"))
    static let password = "demo-pass"
    /// The seed's sample invitation token; only its SHA-256 hex is stored.
    static let pendingToken = "inv_token_abc123def456ghi789jkl012mno345"

    static let pendingEmail = "pending@example.com"
    static let formerEmail = "former@example.com"

    static let ownerMember = MemberID(uuid("10000000-0000-0000-0000-000000000001"))
    static let adminMember = MemberID(uuid("10000000-0000-0000-0000-000000000002"))
    static let memberMember = MemberID(uuid("10000000-0000-0000-0000-000000000003"))
    static let viewerMember = MemberID(uuid("10000000-0000-0000-0000-000000000004"))
    static let pendingMember = MemberID(uuid("10000000-0000-0000-0000-000000000005"))
    static let formerMember = MemberID(uuid("10000000-0000-0000-0000-000000000006"))

    static func email(_ role: Role) -> String {
        switch role {
        case .owner: return "demo@example.com"
        case .admin: return "admin@example.com"
        case .member: return "member@example.com"
        case .viewer: return "viewer@example.com"
        }
    }

    static func memberID(_ role: Role) -> MemberID {
        switch role {
        case .owner: return ownerMember
        case .admin: return adminMember
        case .member: return memberMember
        case .viewer: return viewerMember
        }
    }
}

/// A UUID from a literal the test wrote; a typo is a test bug, reported as the nil UUID.
func uuid(_ text: String) -> UUID {
    UUID(uuidString: text) ?? UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
}
