/// Which way in applies, decided from the environment and the flags alone, so the order is
/// tested without sshd, a terminal or a database:
///
/// 1. `$SSH_USER_AUTH` is set: sshd authenticated the session, and its key is the identity.
///    Nothing else is considered, also not when that fails (no fallback identity).
/// 2. `--user EMAIL`: a password, from `--password-stdin` or a prompt.
/// 3. Neither, in a terminal, for the console: the login screen.
public enum IdentityPlan: Equatable, Sendable {
    case sshKey(authInfoPath: String)
    case password(email: String)
    case loginScreen

    /// Why no way in applies; `message` words it.
    public enum Refusal: Error, Equatable, Sendable {
        /// `--user` or `--password-stdin` in a session sshd already authenticated by key.
        case keySessionTakesNoPassword
        case passwordStdinNeedsUser
        /// A command-line verb with no identity at all.
        case verbNeedsUser
        /// The console with no identity and no terminal for the login screen.
        case noTerminal

        /// Whether the refusal is about how the command was written (a usage error) rather
        /// than a missing value (`verbNeedsUser`, an invalid `user` field).
        public var isUsage: Bool { self != .verbNeedsUser }

        public var message: String {
            switch self {
            case .keySessionTakesNoPassword:
                return "--user and --password-stdin cannot be used in an SSH key session: "
                    + "the key sshd accepted already says who you are"
            case .passwordStdinNeedsUser: return "--password-stdin needs --user EMAIL"
            case .verbNeedsUser: return Self.giveUser
            case .noTerminal:
                return "nobody to log in: without a terminal there is no login screen; give "
                    + "--user EMAIL --password-stdin, or connect over SSH with a registered key"
            }
        }

        /// The reason of the `invalid(field: "user", ...)` error a verb without identity gets.
        public static let giveUser = "give --user EMAIL (and --password-stdin)"
    }

    /// - Parameters:
    ///   - interactive: the console (a login screen is possible), not a command-line verb.
    ///   - isTerminal: standard input and output are a terminal.
    public static func choose(
        environment: [String: String], user: String?, passwordStdin: Bool, interactive: Bool,
        isTerminal: Bool
    ) throws(Refusal) -> IdentityPlan {
        if let path = environment["SSH_USER_AUTH"] {
            guard user == nil, !passwordStdin else { throw .keySessionTakesNoPassword }
            return .sshKey(authInfoPath: path)
        }
        if let user { return .password(email: user) }
        if passwordStdin { throw .passwordStdinNeedsUser }
        guard interactive else { throw .verbNeedsUser }
        guard isTerminal else { throw .noTerminal }
        return .loginScreen
    }
}
