/// What sshd wrote to `$SSH_USER_AUTH` (`ExposeAuthInfo yes`): one line per authentication
/// method that *succeeded*, in order, e.g. `publickey ssh-ed25519 AAAA...` or
/// `keyboard-interactive/pam`.
///
/// OpenSSH appends a line only when a method succeeds (`auth2_update_session_info`) and
/// resets the key it remembers before every attempt, so a key that was offered and refused
/// never appears. That is the property soft-serve lacked (GHSA-pchf-49fh-w34r,
/// CVE-2023-43809: the last *offered* key survived a failed attempt and became the identity
/// of a session that logged in another way). The console keeps it by taking the identity
/// only from a `publickey` line and refusing every doubtful case instead of choosing.
public struct SSHAuthInfo: Sendable, Equatable {
    public enum Method: Sendable, Equatable {
        /// `publickey TYPE BASE64 [details]`; certificates add details after the key.
        case publicKey(typeName: String, base64: String)
        /// `password`, `keyboard-interactive/pam`, `hostbased ...`, `gssapi-with-mic`.
        case other(name: String)
        /// A `publickey` line without a key: never guessed around.
        case malformedPublicKey
    }

    public let methods: [Method]

    public init(methods: [Method]) { self.methods = methods }

    public init(parsing text: String) {
        methods = text.split(whereSeparator: \.isNewline).compactMap { line in
            let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard let name = words.first else { return nil }
            guard name == "publickey" else { return .other(name: name) }
            guard words.count >= 3 else { return .malformedPublicKey }
            return .publicKey(typeName: words[1], base64: words[2])
        }
    }

    /// The key that authenticated the session.
    ///
    /// Exactly one `publickey` line is required. Other methods beside it (a second factor
    /// such as `AuthenticationMethods publickey,keyboard-interactive`) are fine: they do not
    /// name anyone. Two `publickey` lines (`AuthenticationMethods publickey,publickey`) are
    /// two different keys that both succeeded; which of them is "the" user is a guess, so the
    /// session is refused rather than logged in as either.
    public func authenticatingKey() throws(SSHAuthInfoError) -> SSHPublicKey {
        var found: (typeName: String, base64: String)?
        var count = 0
        for method in methods {
            switch method {
            case .publicKey(let typeName, let base64):
                count += 1
                found = (typeName, base64)
            case .malformedPublicKey:
                throw .malformedPublicKeyLine
            case .other:
                continue
            }
        }
        guard count <= 1 else { throw .severalPublicKeys(count) }
        guard let found else { throw .noPublicKey(methods: methodNames) }
        guard let type = SSHKeyType(rawValue: found.typeName) else {
            throw .unsupportedKeyType(found.typeName)
        }
        do {
            return try SSHPublicKey(type: type, base64: found.base64)
        } catch {
            throw .invalidKey(error)
        }
    }

    /// The method names as listed, for a refusal that says how the session did log in.
    var methodNames: [String] {
        methods.map { method in
            switch method {
            case .publicKey, .malformedPublicKey: return "publickey"
            case .other(let name): return name
            }
        }
    }
}
