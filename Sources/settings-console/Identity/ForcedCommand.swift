/// `$SSH_ORIGINAL_COMMAND`: what the user asked sshd to run (`ssh bastion team list --json`),
/// which sshd hands to the forced command instead of running it.
///
/// Only the command-line groups that act on settings are accepted, and never an option that
/// would change who is acting or where: the SSH key decides the user, the server's
/// configuration decides the database.
enum ForcedCommand {
    static let allowedGroups = ["team", "billing", "integrations", "health", "audit", "keys"]
    /// Options that pick an identity or a database; refused in any spelling (`--user=x`).
    static let refusedOptions = ["--user", "--password-stdin", "--database"]

    /// The arguments to parse, or a refusal that lists what is allowed.
    static func arguments(from text: String) throws(IdentityRefusal) -> [String] {
        let words: [String]
        do {
            words = try ShellWords.split(text)
        } catch {
            throw .usage("could not read the SSH command (\(describe(error))). \(allowedList)")
        }
        guard let group = words.first, allowedGroups.contains(group) else {
            let asked: PrintableText =
                words.first.map { "\"\(clean($0))\" is not a command you can run over SSH. " } ?? ""
            throw .usage(asked + allowedList)
        }
        for word in words.dropFirst() {
            if let option = refusedOptions.first(where: { word == $0 || word.hasPrefix($0 + "=") })
            {
                throw .usage(
                    "\(option) cannot be used over SSH: your key decides who you are and the server "
                        + "decides the database. \(allowedList)")
            }
        }
        return words
    }

    static var allowedList: PrintableText {
        "Allowed commands: \(allowedGroups.joined(separator: ", ")) (for example: ssh HOST team "
            + "list --json). Connect without a command for the console."
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
