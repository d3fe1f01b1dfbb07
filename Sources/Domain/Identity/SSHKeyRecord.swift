import Foundation

/// A registered SSH key as owners and admins see it: whose it is and when it was last used.
/// The key material itself stays in the database; the fingerprint names the key.
public struct SSHKeyRecord: Sendable, Equatable, Identifiable {
    public let id: UUID
    public let userID: UserID
    public let email: String
    /// The owner's role in the current workspace (policy input for add/remove).
    public let memberRole: Role
    /// The algorithm as stored (`ssh-ed25519`); kept as text so a type this build no longer
    /// accepts still lists and can be removed.
    public let keyType: String
    public let fingerprint: String
    public let comment: String?
    public let createdAt: Date
    /// Who registered it, if that user is visible from this workspace.
    public let createdByEmail: String?
    public let lastUsedAt: Date?

    public init(
        id: UUID, userID: UserID, email: String, memberRole: Role, keyType: String,
        fingerprint: String, comment: String?, createdAt: Date, createdByEmail: String?,
        lastUsedAt: Date?
    ) {
        self.id = id
        self.userID = userID
        self.email = email
        self.memberRole = memberRole
        self.keyType = keyType
        self.fingerprint = fingerprint
        self.comment = comment
        self.createdAt = createdAt
        self.createdByEmail = createdByEmail
        self.lastUsedAt = lastUsedAt
    }

    /// `ED25519`, `RSA`, or the stored name for a type this build does not know.
    public var shortType: String { SSHKeyType(rawValue: keyType)?.shortName ?? keyType }
}

/// SSH fingerprints as people type or paste them.
public enum SSHFingerprint {
    /// `SHA256:` and 43 characters of unpadded base64: exactly what `ssh-keygen -lf` prints.
    public static func validated(_ text: String) throws(DomainError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        guard trimmed.hasPrefix("SHA256:"), trimmed.count == 50,
            trimmed.dropFirst(7).allSatisfy(alphabet.contains)
        else {
            throw DomainError(.fingerprintForm)
        }
        return trimmed
    }
}
