/// The public key algorithms the console accepts, named as OpenSSH names them on the wire
/// and in `authorized_keys` lines.
///
/// DSA (`ssh-dss`) is left out on purpose: OpenSSH disabled it by default in 7.0 and removed
/// it in 9.8. Certificates (`*-cert-v01@openssh.com`) are left out too: a certificate names
/// its holder through a CA, which this console does not model.
public enum SSHKeyType: String, Sendable, CaseIterable, Codable {
    case ed25519 = "ssh-ed25519"
    case ecdsaP256 = "ecdsa-sha2-nistp256"
    case ecdsaP384 = "ecdsa-sha2-nistp384"
    case ecdsaP521 = "ecdsa-sha2-nistp521"
    case rsa = "ssh-rsa"
    /// FIDO security keys (`ssh-keygen -t ed25519-sk`).
    case ed25519SK = "sk-ssh-ed25519@openssh.com"
    /// FIDO security keys (`ssh-keygen -t ecdsa-sk`).
    case ecdsaP256SK = "sk-ecdsa-sha2-nistp256@openssh.com"

    /// The curve identifier an ECDSA blob carries after its type, nil for other keys.
    var curveName: String? {
        switch self {
        case .ecdsaP256, .ecdsaP256SK: return "nistp256"
        case .ecdsaP384: return "nistp384"
        case .ecdsaP521: return "nistp521"
        case .ed25519, .rsa, .ed25519SK: return nil
        }
    }

    /// A short name for tables: `ED25519`, `ECDSA-384`, `RSA`.
    public var shortName: String {
        switch self {
        case .ed25519: return "ED25519"
        case .ecdsaP256: return "ECDSA-256"
        case .ecdsaP384: return "ECDSA-384"
        case .ecdsaP521: return "ECDSA-521"
        case .rsa: return "RSA"
        case .ed25519SK: return "ED25519-SK"
        case .ecdsaP256SK: return "ECDSA-SK"
        }
    }
}
