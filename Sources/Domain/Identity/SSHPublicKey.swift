import Crypto
import Foundation

/// A user's SSH public key, parsed from an `authorized_keys`-style line
/// (`ssh-ed25519 AAAA... you@laptop`) and checked all the way down: the base64 is canonical,
/// the algorithm named inside the blob is the one on the line, the key material is a valid
/// key of that type, and RSA keys have at least 2048 bits.
///
/// The fingerprint is computed here exactly as `ssh-keygen -lf` prints it, because it is what
/// people compare by eye and what the database stores (and re-checks) as the key's identity.
public struct SSHPublicKey: Sendable, Equatable {
    public let type: SSHKeyType
    /// The decoded blob: what sshd proved the client holds the private half of.
    public let blob: [UInt8]
    /// Free text after the key (`you@laptop`), if any.
    public let comment: String?
    /// Key size in bits (256 for Ed25519, the modulus for RSA, the curve for ECDSA).
    public let bits: Int

    /// Longest line accepted: the database keeps at most 16,384 base64 characters.
    public static let maximumLineLength = 16_384 + 512
    public static let maximumCommentLength = 256
    public static let minimumRSABits = 2048
    static let maximumRSABits = 16_384

    /// Parses `TYPE BASE64 [COMMENT]`; refuses `authorized_keys` options and anything damaged.
    public init(parsing line: String) throws(SSHKeyError) {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty }
        guard trimmed.utf8.count <= Self.maximumLineLength else {
            throw .tooLong(limit: Self.maximumLineLength)
        }
        let fields = trimmed.split(maxSplits: 2, whereSeparator: { $0 == " " || $0 == "\t" })
            .map(String.init)
        let typeName = fields[0]
        guard let type = SSHKeyType(rawValue: typeName) else {
            if typeName.contains("=") || typeName.contains(",") || typeName.contains("\"")
                || Self.optionKeywords.contains(typeName.lowercased())
            {
                throw .hasOptions
            }
            throw .unsupportedType(typeName)
        }
        guard fields.count >= 2 else { throw .missingKeyData }
        try self.init(type: type, base64: fields[1], comment: fields.count > 2 ? fields[2] : nil)
    }

    /// A key from its parts, as sshd writes them to `$SSH_USER_AUTH` (no comment there).
    public init(type: SSHKeyType, base64: String, comment: String? = nil) throws(SSHKeyError) {
        let blob = try Self.decodeBase64(base64)
        self.type = type
        self.blob = blob
        self.bits = try Self.validate(blob, as: type)
        self.comment = try Self.cleanComment(comment)
    }

    /// `SHA256:` and the unpadded base64 of the blob's SHA-256, as `ssh-keygen -lf` prints it.
    public var fingerprint: String {
        Self.fingerprint(of: blob)
    }

    /// The blob as canonical base64 (what the `public_key` column holds).
    public var base64: String { Data(blob).base64EncodedString() }

    /// The line to paste into `authorized_keys` or show people.
    public var line: String {
        [type.rawValue, base64, comment].compactMap { $0 }.joined(separator: " ")
    }

    static func fingerprint(of blob: [UInt8]) -> String {
        let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
        return "SHA256:" + digest.trimmingCharacters(in: CharacterSet(charactersIn: "="))
    }

    // MARK: Checks

    /// Words that begin an options field of an `authorized_keys` line without `=`.
    private static let optionKeywords: Set<String> = [
        "agent-forwarding", "cert-authority", "no-agent-forwarding", "no-port-forwarding",
        "no-pty", "no-user-rc", "no-x11-forwarding", "port-forwarding", "pty", "restrict",
        "user-rc", "x11-forwarding", "no-touch-required", "verify-required",
    ]

    /// Strict base64: the standard alphabet, padding only at the end, and canonical, so one
    /// key has exactly one spelling (the database CHECKs the same shape).
    private static func decodeBase64(_ text: String) throws(SSHKeyError) -> [UInt8] {
        let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        let unpadded = text.prefix { $0 != "=" }
        let padding = text.dropFirst(unpadded.count)
        guard !unpadded.isEmpty, unpadded.allSatisfy(alphabet.contains), padding.count <= 2,
            padding.allSatisfy({ $0 == "=" }), text.utf8.count % 4 == 0,
            let data = Data(base64Encoded: text), data.base64EncodedString() == text
        else { throw .invalidBase64 }
        return Array(data)
    }

    /// Walks the blob for `type`; returns the key size in bits.
    private static func validate(_ blob: [UInt8], as type: SSHKeyType) throws(SSHKeyError) -> Int {
        var reader = SSHWireReader(blob)
        let embedded = try reader.readText("the key type")
        guard embedded == type.rawValue else {
            throw .typeMismatch(declared: type.rawValue, embedded: embedded)
        }
        let bits: Int
        switch type {
        case .ed25519, .ed25519SK:
            let raw = try reader.readString("the Ed25519 key")
            guard raw.count == 32,
                (try? Curve25519.Signing.PublicKey(rawRepresentation: raw)) != nil
            else { throw .malformed("an Ed25519 key is 32 bytes") }
            bits = 256
        case .ecdsaP256, .ecdsaP384, .ecdsaP521, .ecdsaP256SK:
            let curve = try reader.readText("the curve name")
            guard curve == type.curveName else {
                throw .malformed(
                    "the curve \(Sanitized.short(curve)) does not match \(type.rawValue)")
            }
            bits = try validatePoint(try reader.readString("the curve point"), type: type)
        case .rsa:
            let exponent = try reader.readPositiveInteger("the RSA exponent")
            let modulus = try reader.readPositiveInteger("the RSA modulus")
            guard exponent.count <= 8 else {
                throw .malformed("the RSA exponent is implausibly large")
            }
            bits = SSHWireReader.bitLength(modulus)
            guard bits >= minimumRSABits else { throw .rsaTooShort(bits: bits) }
            guard bits <= maximumRSABits else {
                throw .malformed("RSA keys above 16384 bits are refused")
            }
        }
        if type == .ed25519SK || type == .ecdsaP256SK {
            let application = try reader.readText("the security key application")
            guard application.hasPrefix("ssh:") else {
                throw .malformed("the security key application must start with ssh:")
            }
        }
        guard reader.isAtEnd else { throw .malformed("there are extra bytes after the key") }
        return bits
    }

    /// An uncompressed point that lies on the curve (swift-crypto checks it).
    private static func validatePoint(_ point: [UInt8], type: SSHKeyType) throws(SSHKeyError) -> Int
    {
        let valid: Bool
        let bits: Int
        switch type {
        case .ecdsaP256, .ecdsaP256SK:
            valid = (try? P256.Signing.PublicKey(x963Representation: point)) != nil
            bits = 256
        case .ecdsaP384:
            valid = (try? P384.Signing.PublicKey(x963Representation: point)) != nil
            bits = 384
        case .ecdsaP521:
            valid = (try? P521.Signing.PublicKey(x963Representation: point)) != nil
            bits = 521
        case .ed25519, .ed25519SK, .rsa:
            valid = false
            bits = 0
        }
        guard valid else { throw .malformed("the ECDSA point is not on the curve") }
        return bits
    }

    /// Trimmed, whitespace runs folded to one space; refuses control and format characters
    /// (escape sequences, bidi overrides) that would garble a terminal or an audit reader.
    private static func cleanComment(_ comment: String?) throws(SSHKeyError) -> String? {
        guard let comment else { return nil }
        let words = comment.split(whereSeparator: { $0 == " " || $0 == "\t" })
        let folded = words.joined(separator: " ")
        guard !folded.isEmpty else { return nil }
        guard folded.count <= maximumCommentLength else {
            throw .invalidComment("is longer than \(maximumCommentLength) characters")
        }
        let hostile = folded.unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }
        guard !hostile else { throw .invalidComment("contains control characters") }
        return folded
    }
}
