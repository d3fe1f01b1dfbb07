/// Which way in applies, decided from the environment and the flags alone, so the order is
/// tested without sshd, a terminal or a database:
///
/// 1. `$SSH_USER_AUTH` is set: sshd authenticated the session, and its key is the identity.
///    Nothing else is considered, also not when that fails (no fallback identity).
/// 2. `--user EMAIL`: a password, from `--password-stdin` or a prompt.
/// 3. Neither, in a terminal, for the console: the login screen.
enum IdentityPlan: Equatable {
    case sshKey(authInfoPath: String)
    case password(email: String)
    case loginScreen

    /// - Parameters:
    ///   - interactive: the console (a login screen is possible), not a command-line verb.
    ///   - isTerminal: standard input and output are a terminal.
    static func choose(
        environment: [String: String], user: String?, passwordStdin: Bool, interactive: Bool,
        isTerminal: Bool
    ) throws(IdentityRefusal) -> IdentityPlan {
        if let path = environment["SSH_USER_AUTH"] {
            guard user == nil, !passwordStdin else {
                throw .usage(
                    "--user and --password-stdin cannot be used in an SSH key session: "
                        + "the key sshd accepted already says who you are")
            }
            return .sshKey(authInfoPath: path)
        }
        if let user { return .password(email: user) }
        if passwordStdin { throw .usage("--password-stdin needs --user EMAIL") }
        guard interactive else {
            throw IdentityRefusal(
                .invalid(field: "user", reason: "give --user EMAIL (and --password-stdin)"))
        }
        guard isTerminal else {
            throw .usage(
                "nobody to log in: without a terminal there is no login screen; give --user EMAIL "
                    + "--password-stdin, or connect over SSH with a registered key")
        }
        return .loginScreen
    }
}
