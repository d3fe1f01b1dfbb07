/// Why `$SSH_USER_AUTH` could not name the user. Every case ends the login: nothing else is
/// tried after an SSH identity fails.
public enum SSHAuthInfoError: Error, Sendable, Equatable, CustomStringConvertible {
    case notAbsolute(path: String)
    case missing(path: String)
    case symbolicLink(path: String)
    case notRegularFile(path: String)
    case wrongOwner(path: String, owner: UInt32, expected: UInt32)
    case writableByOthers(path: String)
    case changedWhileReading(path: String)
    case tooLarge(path: String, limit: Int)
    case unreadable(path: String, reason: String)
    case notText(path: String)
    case noPublicKey(methods: [String])
    case severalPublicKeys(Int)
    case malformedPublicKeyLine
    case unsupportedKeyType(String)
    case invalidKey(SSHKeyError)

    public var description: String {
        switch self {
        case .notAbsolute(let path):
            return "SSH_USER_AUTH is not an absolute path (\(Sanitized.short(path)))"
        case .missing(let path):
            return "SSH_USER_AUTH names \(Sanitized.short(path, limit: 80)), which does not exist"
        case .symbolicLink(let path):
            return
                "SSH_USER_AUTH (\(Sanitized.short(path, limit: 80))) is a symbolic link, not the file sshd wrote"
        case .notRegularFile(let path):
            return "SSH_USER_AUTH (\(Sanitized.short(path, limit: 80))) is not a regular file"
        case .wrongOwner(let path, let owner, let expected):
            return
                "SSH_USER_AUTH (\(Sanitized.short(path, limit: 80))) belongs to uid \(owner), not to "
                + "this user (uid \(expected)); sshd writes it as the logged-in user"
        case .writableByOthers(let path):
            return "SSH_USER_AUTH (\(Sanitized.short(path, limit: 80))) is writable by other users"
        case .changedWhileReading(let path):
            return
                "SSH_USER_AUTH (\(Sanitized.short(path, limit: 80))) changed while it was being read"
        case .tooLarge(let path, let limit):
            return
                "SSH_USER_AUTH (\(Sanitized.short(path, limit: 80))) is larger than \(limit) bytes"
        case .unreadable(let path, let reason):
            return "cannot read SSH_USER_AUTH (\(Sanitized.short(path, limit: 80))): \(reason)"
        case .notText(let path):
            return "SSH_USER_AUTH (\(Sanitized.short(path, limit: 80))) is not text"
        case .noPublicKey(let methods):
            let how =
                methods.isEmpty
                ? "no method" : methods.map { Sanitized.short($0) }.joined(separator: ", ")
            return "this SSH session did not log in with a public key (sshd reports: \(how)); "
                + "the console needs key authentication to know who you are"
        case .severalPublicKeys(let count):
            return "sshd reports \(count) public keys for this session; the console will not guess "
                + "which one is you (use AuthenticationMethods with a single publickey)"
        case .malformedPublicKeyLine:
            return "SSH_USER_AUTH has a publickey line without a key"
        case .unsupportedKeyType(let type):
            return "the session's key type \(Sanitized.short(type)) is not supported "
                + "(certificates and DSA keys cannot identify a console user)"
        case .invalidKey(let error):
            return "the session's key is unusable: \(error.description)"
        }
    }
}
