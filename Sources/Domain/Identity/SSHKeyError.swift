/// Why a public key line was refused, worded for the person who pasted it.
public enum SSHKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case tooLong(limit: Int)
    /// The line starts with `authorized_keys` options (`command="..."`, `from=...`).
    case hasOptions
    case unsupportedType(String)
    case missingKeyData
    case invalidBase64
    /// The blob says it is one algorithm and the line's prefix another.
    case typeMismatch(declared: String, embedded: String)
    /// The blob is not a well-formed key of its type.
    case malformed(String)
    case rsaTooShort(bits: Int)
    case invalidComment(String)

    public var description: String {
        switch self {
        case .empty:
            return "paste a public key line such as \"ssh-ed25519 AAAA... you@laptop\""
        case .tooLong(let limit):
            return "the key line is longer than \(limit) characters"
        case .hasOptions:
            return "paste only the public key (type, key, comment), without authorized_keys options"
        case .unsupportedType(let type):
            return "unsupported key type \"\(Sanitized.short(type))\"; use "
                + SSHKeyType.allCases.map(\.rawValue).joined(separator: ", ")
        case .missingKeyData:
            return "the line has a key type but no key after it"
        case .invalidBase64:
            return "the key is not valid base64 (was it cut or wrapped?)"
        case .typeMismatch(let declared, let embedded):
            return "the line says \(Sanitized.short(declared)) but the key inside is "
                + "\(Sanitized.short(embedded))"
        case .malformed(let detail):
            return "the key data is damaged: \(detail)"
        case .rsaTooShort(let bits):
            return "RSA keys need at least 2048 bits; this one has \(bits)"
        case .invalidComment(let reason):
            return "the comment \(reason)"
        }
    }

    /// The same refusal as a `DomainError`, for callers that speak only that.
    public var domainError: DomainError { .invalid(field: "key", reason: description) }
}
