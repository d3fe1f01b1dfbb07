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
    /// The reason given for an unknown, used, revoked or replaced token (`Problem`'s words).
    public static var invalidInvitationReason: String {
        DomainError(.invitationNotValid).bareReason
    }
    public static var expiredInvitationReason: String { DomainError(.invitationExpired).bareReason }

    /// Accepts an invitation by its plain token (from the link): single use, refused once
    /// expired or revoked.
    ///
    /// Accepting must prove who accepts. For an email with no account yet, whoever holds the
    /// token creates it with `fullName` and `password`. For an existing account, `password`
    /// must be *that account's* password (the acceptance is a login, with its lockout);
    /// accepting never sets or changes a password. Without it the answer says to log in
    /// (`acceptInvitation(token:)` on a logged-in store, e.g. with an SSH key).
    ///
    /// Runs before anyone is logged in, so it needs no session: the database function
    /// (SECURITY DEFINER) finds the invitation by the token's SHA-256 hex, the only form stored.
    public static func acceptInvitation(
        client: PostgresClient, token: Secret, fullName: String, password: Secret
    ) async throws(DomainError) -> AcceptedInvitation {
        let hash = try tokenHash(token)
        let name = fullName.trimmingCharacters(in: .whitespaces)
        guard name.count <= 256 else {
            throw DomainError(.nameTooLong(maximum: 256))
        }
        guard !name.unicodeScalars.contains(where: Self.isControl) else {
            throw DomainError(.controlCharacters(field: "name"))
        }
        guard password.revealed.count >= 8 else {
            throw DomainError(.passwordTooShort)
        }
        guard password.revealed.utf8.count <= 1024,
            !password.revealed.unicodeScalars.contains("\u{0}")
        else {
            throw DomainError(.passwordTooLong)
        }
        return try await accept(client: client, identity: nil) { connection in
            try connection.query(
                """
                SELECT outcome, member_id, workspace_id, user_id, email, reason
                FROM console_accept_invitation($1, $2, $3)
                """, [hash, name, password.revealed]
            ).first
        }
    }

    /// Accepts an invitation as this store's logged-in user (password or SSH key login),
    /// whose email must be the invitation's. An SSH key someone else added must be vouched
    /// for in the invitation's workspace at the invited role.
    public func acceptInvitation(token: Secret) async throws(DomainError) -> AcceptedInvitation {
        let hash = try Self.tokenHash(token)
        return try await Self.accept(client: client, identity: session) { connection in
            try connection.query(
                """
                SELECT outcome, member_id, workspace_id, user_id, email, reason
                FROM console_accept_invitation($1, NULL, NULL)
                """, [hash]
            ).first
        }
    }

    /// The token's stored form, after checking it could be one (a guess learns nothing more).
    private static func tokenHash(_ token: Secret) throws(DomainError) -> String {
        let token = token.revealed.trimmingCharacters(in: .whitespacesAndNewlines)
        let tokenCharacters = Set(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        guard !token.isEmpty, token.count <= 128, token.allSatisfy(tokenCharacters.contains) else {
            throw DomainError(.invitationNotValid)
        }
        return InvitationToken.hash(token)
    }

    /// Runs the database's acceptance as `console_app` (bound to `identity`, if any) and
    /// turns its outcome into a result or the error that explains it.
    private static func accept(
        client: PostgresClient, identity: Session?,
        _ call: @escaping @Sendable (PostgresConnection) throws -> PostgresRow?
    ) async throws(DomainError) -> AcceptedInvitation {
        let row: PostgresRow?
        do {
            row = try await client.transaction { connection in
                try connection.bindIdentity(
                    user: identity?.userID, workspace: nil,
                    sshKeyFingerprint: identity?.sshKeyFingerprint)
                return try call(connection)
            }
        } catch let error as PostgresError where error.serverMessage.hasPrefix("weak_password:") {
            throw DomainError(.passwordTooShort)
        } catch let error as PostgresError where error.serverMessage.hasPrefix("invalid_name:") {
            throw .invalid(
                field: "name", reason: String(error.serverMessage.drop { $0 != ":" }.dropFirst(2)))
        } catch {
            throw DomainError.from(error)
        }
        do {
            let email = try row?.optionalString("email") ?? "the invited address"
            switch try row?.string("outcome") {
            case "accepted":
                guard let row else { break }
                return AcceptedInvitation(
                    memberID: MemberID(try row.uuid("member_id")),
                    workspaceID: WorkspaceID(try row.uuid("workspace_id")),
                    userID: UserID(try row.uuid("user_id")))
            case "expired":
                throw DomainError(.invitationExpired)
            case "login_required":
                throw DomainError(.invitationNeedsLogin(email: email))
            case "wrong_account":
                throw DomainError(.wrongAccount(email: email))
            case "bad_password":
                throw DomainError.invalidCredentials
            case "locked":
                throw DomainError(.tooManyAttempts)
            case "key_not_vouched":
                let reason = try row?.optionalString("reason")
                throw DomainError(.keyNotVouched(reason: reason))
            default:
                break
            }
        } catch {
            throw DomainError.from(error)
        }
        throw DomainError(.invitationNotValid)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control
            || scalar.properties.generalCategory == .format
    }
}
