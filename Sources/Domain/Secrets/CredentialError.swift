/// Why a credentials key could not be loaded or a sealed credential could not be opened.
///
/// Descriptions name the environment variable or key id involved and never the key or
/// the secret itself, so they are safe in logs and on screen.
public enum CredentialError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The key variable is unset or empty.
    case missingKey(variable: String)
    /// The key variable is not valid base64.
    case keyNotBase64(variable: String)
    /// The key variable decodes to the wrong number of bytes (AES-256 needs 32).
    case keyWrongLength(variable: String, bytes: Int)
    /// The key id variable is empty, too long or has characters outside `[A-Za-z0-9._:-]`.
    case invalidKeyID(variable: String)
    /// The stored text is not a sealed credential this program wrote.
    case malformed
    /// The stored text is sealed in a format this version does not know (say `v2:`).
    case unsupportedFormat(String)
    /// The credential was sealed under a different key id than the one loaded.
    case keyMismatch(sealedWith: String, loaded: String)
    /// Authentication failed: wrong key material, tampered data, or a ciphertext moved from
    /// another integration.
    case authenticationFailed
    /// The secret to seal is empty or too large.
    case invalidSecret(reason: String)

    public var description: String {
        switch self {
        case .missingKey(let variable):
            return
                "\(variable) is not set; it must hold 32 random bytes in base64 (openssl rand -base64 32)"
        case .keyNotBase64(let variable):
            return "\(variable) is not valid base64; it must hold 32 random bytes in base64"
        case .keyWrongLength(let variable, let bytes):
            return "\(variable) decodes to \(bytes) bytes; AES-256 needs exactly 32"
        case .invalidKeyID(let variable):
            return "\(variable) must be 1 to 64 characters of letters, digits, '.', '_', ':' or '-'"
        case .malformed:
            return "the stored credentials are not in a format this program wrote"
        case .unsupportedFormat(let version):
            return
                "the stored credentials use format \"\(Sanitized.short(version, limit: 8))\", which this version cannot read"
        case .keyMismatch(let sealedWith, let loaded):
            return
                "the credentials were sealed with key \(Sanitized.short(sealedWith)), but key \(Sanitized.short(loaded)) is loaded"
        case .authenticationFailed:
            return
                "the credentials do not open with this key (wrong key, altered data, or copied from another integration)"
        case .invalidSecret(let reason):
            return "credentials \(reason)"
        }
    }

    /// The same failure as a `DomainError` for store callers.
    var domainError: DomainError {
        switch self {
        case .missingKey(let variable), .keyNotBase64(let variable),
            .keyWrongLength(let variable, _), .invalidKeyID(let variable):
            return .invalid(field: variable, reason: description)
        case .invalidSecret(let reason):
            return .invalid(field: "credentials", reason: reason)
        case .malformed, .unsupportedFormat, .keyMismatch, .authenticationFailed:
            return .conflict(reason: description)
        }
    }
}
