import ArgumentParser
import Domain
import Foundation

extension ForcedCommand {
    /// Runs `text` (from `$SSH_ORIGINAL_COMMAND`) as the user of the session's SSH key, on
    /// the database the server is configured for.
    ///
    /// The key is checked before the command is even read, and the command's own connection
    /// and identity options are refused, so the only thing a client chooses is the verb.
    static func run(
        _ text: String, identity: IdentityOptions, connection: ConnectionOptions,
        environment: [String: String]
    ) async throws(IdentityRefusal) {
        let needsKey = IdentityRefusal(
            .loginRefused,
            "commands over SSH need a key login (sshd with ExposeAuthInfo yes); see docs/ssh-deployment.md"
        )
        guard environment["SSH_USER_AUTH"] != nil else { throw needsKey }
        let plan: IdentityPlan
        do {
            plan = try IdentityPlan.choose(
                environment: environment, user: identity.user,
                passwordStdin: identity.passwordStdin,
                interactive: false, isTerminal: false)
        } catch {
            throw IdentityRefusal(error)
        }
        guard case .sshKey(let path) = plan else { throw needsKey }
        let key = try SSHIdentity.key(authInfoPath: path)
        let words: [String]
        do {
            words = try arguments(from: text)
        } catch {
            throw IdentityRefusal(error)
        }
        if words.contains("--help") || words.contains("-h") {
            Output.result(
                .untrusted(
                    lines: SettingsConsoleCommand.helpMessage(for: commandType(named: words))))
            return
        }
        let parsed: any ParsableCommand
        do {
            parsed = try SettingsConsoleCommand.parseAsRoot(words)
        } catch {
            CommandFailure.exit(after: error)
        }
        guard let command = parsed as? any StoreCommand else {
            // A group without its verb (`team`): say which verbs there are. Nothing else runs,
            // so a future verb with its own idea of identity cannot slip through here.
            let group = type(of: parsed)
            Output.diagnostic(.untrusted(lines: SettingsConsoleCommand.helpMessage(for: group)))
            let verb = group.configuration.subcommands.first?.configuration.commandName ?? "list"
            throw .usage(
                "name a verb, for example: ssh HOST \(words.joined(separator: " ")) \(verb)")
        }
        let client = connection.client()
        let session = try await SSHIdentity.session(
            key: key, workspace: command.identity.workspace ?? identity.workspace, client: client,
            environment: environment)
        await command.run(as: session, client: client)
    }

    /// The deepest command the leading words name (`team role` -> `TeamRole`), for help.
    private static func commandType(named words: [String]) -> any ParsableCommand.Type {
        var current: any ParsableCommand.Type = SettingsConsoleCommand.self
        for word in words {
            guard
                let next = current.configuration.subcommands.first(where: {
                    $0.configuration.commandName == word
                })
            else { break }
            current = next
        }
        return current
    }
}
