/// `$SSH_ORIGINAL_COMMAND`: what the user asked sshd to run (`ssh bastion team list --json`),
/// which sshd hands to the forced command instead of running it.
///
/// Only the command-line groups that act on settings are accepted, and never an option that
/// would change who is acting or where: the SSH key decides the user, the server's
/// configuration decides the database.
public enum ForcedCommand {
    public static let allowedGroups = [
        "team", "billing", "integrations", "health", "audit", "keys",
    ]
    /// Options that pick an identity or a database; refused in any spelling (`--user=x`).
    public static let refusedOptions = ["--user", "--password-stdin", "--database"]

    /// Why a forced command is refused; `message` words it, ending with what is allowed.
    public enum Refusal: Error, Equatable, Sendable {
        case unreadable(ShellWords.Failure)
        /// The first word (nil: there was none) is not an allowed group.
        case notAllowed(String?)
        case refusedOption(String)

        /// The words, with a refused command echoed printable and short. Untrusted all the
        /// same: the caller still sanitises it for the terminal.
        public var message: String {
            switch self {
            case .unreadable(let failure):
                return "could not read the SSH command (\(Self.describe(failure))). "
                    + ForcedCommand.allowedList
            case .notAllowed(let word):
                let asked =
                    word.map { "\"\(Self.clean($0))\" is not a command you can run over SSH. " }
                    ?? ""
                return asked + ForcedCommand.allowedList
            case .refusedOption(let option):
                return "\(option) cannot be used over SSH: your key decides who you are and the "
                    + "server decides the database. " + ForcedCommand.allowedList
            }
        }

        private static func describe(_ failure: ShellWords.Failure) -> String {
            switch failure {
            case .unterminatedQuote: return "a quote is not closed"
            case .trailingBackslash: return "it ends with a backslash"
            case .controlCharacter: return "it contains control characters"
            }
        }

        /// The word as it may be echoed: printable and short.
        private static func clean(_ word: String) -> String {
            String(
                String.UnicodeScalarView(
                    word.unicodeScalars.prefix(40).map { scalar in
                        scalar.properties.generalCategory == .control ? "?" : scalar
                    }))
        }
    }

    /// The arguments to parse, or a refusal that lists what is allowed.
    public static func arguments(from text: String) throws(Refusal) -> [String] {
        let words: [String]
        do {
            words = try ShellWords.split(text)
        } catch {
            throw .unreadable(error)
        }
        guard let group = words.first, allowedGroups.contains(group) else {
            throw .notAllowed(words.first)
        }
        for word in words.dropFirst() {
            if let option = refusedOptions.first(where: { word == $0 || word.hasPrefix($0 + "=") })
            {
                throw .refusedOption(option)
            }
        }
        return words
    }

    public static var allowedList: String {
        "Allowed commands: \(allowedGroups.joined(separator: ", ")) (for example: ssh HOST team "
            + "list --json). Connect without a command for the console."
    }
}
