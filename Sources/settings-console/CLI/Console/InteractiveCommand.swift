import ArgumentParser
import Domain
import Foundation
import ViewModels

/// `settings-console` with no subcommand: the interactive console against a real database.
///
/// This is what sshd runs as the `ForceCommand` (docs/ssh-deployment.md): the SSH key is the
/// identity, and `$SSH_ORIGINAL_COMMAND` (`ssh bastion team list --json`) runs that
/// command-line verb instead of the console. Without SSH, `--user` asks for a password and
/// plain `settings-console` in a terminal opens the login screen.
struct InteractiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the interactive console (the default when no subcommand is given).",
        discussion: """
            Who you are: the SSH key sshd accepted ($SSH_USER_AUTH, with ExposeAuthInfo yes), \
            else --user with a password, else the login screen. Over SSH, $SSH_ORIGINAL_COMMAND \
            runs one of: \(ForcedCommand.allowedGroups.joined(separator: ", ")).
            """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var console: ConsoleOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        do {
            if let forced = environment["SSH_ORIGINAL_COMMAND"],
                !forced.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            {
                try await ForcedCommand.run(
                    forced, identity: identity, connection: connection, environment: environment)
                return
            }
            try await openConsole(environment: environment)
        } catch {
            error.exit()
        }
    }

    private func openConsole(environment: [String: String]) async throws(CommandFailure) {
        let isTerminal = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let plan: IdentityPlan
        do {
            plan = try IdentityPlan.choose(
                environment: environment, user: identity.user,
                passwordStdin: identity.passwordStdin,
                interactive: true, isTerminal: isTerminal)
        } catch {
            throw IdentityRefusal(error)
        }
        StartupTrace.mark(.identityPlanned)
        let client = connection.client()
        switch plan {
        case .sshKey(let path):
            let key = try SSHIdentity.key(authInfoPath: path)
            let workspace = identity.workspace
            try await ConsoleLauncher.run(
                sessionFrom: { () async throws(CommandFailure) -> Session in
                    let session = try await SSHIdentity.session(
                        key: key, workspace: workspace, client: client, environment: environment)
                    StartupTrace.mark(.sessionReady)
                    return session
                }, client: client, options: console)
        case .password(let email):
            let session = try await identity.passwordSession(email: email, client: client)
            StartupTrace.mark(.sessionReady)
            try await ConsoleLauncher.run(session: session, client: client, options: console)
        case .loginScreen:
            try await ConsoleLauncher.runAfterLogin(
                client: client, workspace: identity.workspace, options: console)
        }
    }
}
