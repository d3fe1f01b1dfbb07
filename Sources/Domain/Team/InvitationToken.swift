import Crypto
import Foundation

/// A secret invitation token: 256 random bits, URL-safe base64 without padding (as Python's
/// `secrets.token_urlsafe(32)` in the seeds). Only its SHA-256 hex digest is ever stored.
public struct InvitationToken: Sendable, Equatable {
    /// The plain token; shown once to the inviter, never stored or logged.
    public let value: Secret

    public init(value: String) { self.value = Secret(value) }

    /// A fresh token from the system CSPRNG (`getrandom` on Linux). Never one that starts
    /// with `-`: `settings-console team accept -Xy…` reads that as an option, so one token in
    /// 64 could not be accepted as the invitee is told to. Drawing again when it does costs
    /// log2(64/63), about 0.02 of the token's 256 random bits.
    public static func generate() -> InvitationToken {
        var generator = SystemRandomNumberGenerator()
        while true {
            let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let base64 = Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            if !base64.hasPrefix("-") { return InvitationToken(value: base64) }
        }
    }

    /// Lower-case hex SHA-256 of the token's UTF-8 text: what `team_members.invitation_token` holds.
    public var storedHash: String { Self.hash(value.revealed) }

    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// What the inviter sees once: the token, the link and when it expires.
public struct InvitationReceipt: Sendable, Equatable {
    public let memberID: MemberID
    public let email: String
    public let role: Role
    public let token: InvitationToken
    public let expiresAt: Date

    public init(
        memberID: MemberID, email: String, role: Role, token: InvitationToken, expiresAt: Date
    ) {
        self.memberID = memberID
        self.email = email
        self.role = role
        self.token = token
        self.expiresAt = expiresAt
    }

    /// The acceptance link, as the platform's web app expects it.
    public func link(base: String = InvitationReceipt.defaultLinkBase) -> String {
        base + token.value.revealed
    }

    public static let defaultLinkBase = "https://app.example.com/invite/accept?token="

    /// Invitations last seven days (seed 002's security notes).
    public static let lifetime: TimeInterval = 7 * 24 * 3600
}
