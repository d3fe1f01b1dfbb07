import Foundation
import Postgres

/// The membership an accepted invitation became.
public struct AcceptedInvitation: Sendable, Equatable {
    public let memberID: MemberID
    public let workspaceID: WorkspaceID
    public let userID: UserID

    public init(memberID: MemberID, workspaceID: WorkspaceID, userID: UserID) {
        self.memberID = memberID
        self.workspaceID = workspaceID
        self.userID = userID
    }
}

extension SettingsStore {
    /// The reason given for an unknown, used, revoked or replaced token: deliberately one
    /// text, so a guessed token learns nothing about which of those it was.
    public static let invalidInvitationReason =
        "this invitation is not valid: it was already used, revoked, or replaced by a newer one"
    public static let expiredInvitationReason = "this invitation has expired; ask for a new one"

    /// Accepts an invitation by its plain token (from the link): single use, refused once
    /// expired or revoked. Creates the user (with `fullName` and `password`) unless one with
    /// the invitation's email exists, who then keeps their name and password.
    ///
    /// Runs before anyone is logged in, so it needs no session: the database function
    /// (SECURITY DEFINER) finds the invitation by the token's SHA-256 hex, the only form stored.
    public static func acceptInvitation(
        client: PostgresClient, token: String, fullName: String, password: String
    ) async throws(DomainError) -> AcceptedInvitation {
        let token = token.trimmingCharacters(in: .whitespacesAndNewlines)
        let tokenCharacters = Set(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        guard !token.isEmpty, token.count <= 128, token.allSatisfy(tokenCharacters.contains) else {
            throw .invalid(field: "token", reason: invalidInvitationReason)
        }
        let name = fullName.trimmingCharacters(in: .whitespaces)
        guard name.count <= 256 else {
            throw .invalid(field: "name", reason: "must be at most 256 characters")
        }
        guard !name.unicodeScalars.contains(where: Self.isControl) else {
            throw .invalid(field: "name", reason: "must not contain control characters")
        }
        guard password.count >= 8 else {
            throw .invalid(field: "password", reason: "must have at least 8 characters")
        }
        guard password.utf8.count <= 1024, !password.unicodeScalars.contains("\u{0}") else {
            throw .invalid(
                field: "password", reason: "must be at most 1024 bytes, without NUL characters")
        }
        let row: PostgresRow?
        do {
            row = try await client.transaction { connection in
                try connection.query("SELECT set_config('role', 'console_app', true)")
                return try connection.query(
                    """
                    SELECT outcome, member_id, workspace_id, user_id
                    FROM console_accept_invitation($1, $2, $3)
                    """, [InvitationToken.hash(token), name, password]
                ).first
            }
        } catch let error as PostgresError where error.serverMessage.hasPrefix("weak_password:") {
            throw .invalid(field: "password", reason: "must have at least 8 characters")
        } catch let error as PostgresError where error.serverMessage.hasPrefix("invalid_name:") {
            throw .invalid(field: "name", reason: "must be at most 256 characters")
        } catch {
            throw DomainError.from(error)
        }
        do {
            switch try row?.string("outcome") {
            case "accepted":
                guard let row else { break }
                return AcceptedInvitation(
                    memberID: MemberID(try row.uuid("member_id")),
                    workspaceID: WorkspaceID(try row.uuid("workspace_id")),
                    userID: UserID(try row.uuid("user_id")))
            case "expired":
                throw DomainError.invalid(field: "token", reason: expiredInvitationReason)
            default:
                break
            }
        } catch {
            throw DomainError.from(error)
        }
        throw .invalid(field: "token", reason: invalidInvitationReason)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control
            || scalar.properties.generalCategory == .format
    }
}
