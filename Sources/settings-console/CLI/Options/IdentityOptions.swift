import ArgumentParser
import Domain
import Foundation
import Postgres

/// Who runs a command-line verb: the SSH key sshd accepted (`$SSH_USER_AUTH`), else `--user`
/// with a password from stdin or a prompt. See `IdentityPlan` for the order.
///
/// Outside `demo`, identity never comes from a flag alone: the password is checked in
/// PostgreSQL (bcrypt), the key against the registered keys, before anything else happens.
struct IdentityOptions: ParsableArguments {
    @Option(name: .long, help: "Email of the user to act as.")
    var user: String?

    @Flag(name: .long, help: "Read the password from the first line of standard input.")
    var passwordStdin = false

    @Option(name: .long, help: "Workspace slug, name or id (when the user belongs to several).")
    var workspace: String?

    /// The session of a command-line verb (never a login screen).
    func session(
        client: PostgresClient, environment: [String: String] = ProcessInfo.processInfo.environment
    )
        async throws(IdentityRefusal) -> Session
    {
        let plan: IdentityPlan
        do {
            plan = try IdentityPlan.choose(
                environment: environment, user: user, passwordStdin: passwordStdin,
                interactive: false,
                isTerminal: false)
        } catch {
            throw IdentityRefusal(error)
        }
        switch plan {
        case .sshKey(let path):
            let key = try SSHIdentity.key(authInfoPath: path)
            return try await SSHIdentity.session(
                key: key, workspace: workspace, client: client, environment: environment)
        case .password(let email):
            return try await passwordSession(email: email, client: client)
        case .loginScreen:
            throw IdentityRefusal(IdentityPlan.Refusal.verbNeedsUser)
        }
    }

    /// Logs in and returns a store for the session.
    func store(client: PostgresClient) async throws(IdentityRefusal) -> SettingsStore {
        SettingsStore(client: client, session: try await session(client: client))
    }

    /// `--user` and a password from stdin or a prompt, checked in PostgreSQL.
    func passwordSession(email: String, client: PostgresClient) async throws(IdentityRefusal)
        -> Session
    {
        let password = try readPassword()
        do {
            return try await Authenticator(client: client).login(
                email: email, password: password, workspace: workspace, method: "password")
        } catch {
            throw IdentityRefusal(error)
        }
    }

    /// The password from the first line of standard input, or a prompt on the terminal.
    func readPassword(prompt: String = "Password: ") throws(IdentityRefusal) -> Secret {
        if passwordStdin {
            guard let line = readLine(strippingNewline: true) else {
                throw IdentityRefusal(
                    .invalid(field: "password", reason: "standard input was empty"))
            }
            return Secret(line)
        }
        guard isatty(STDIN_FILENO) == 1, let typed = getpass(prompt) else {
            throw IdentityRefusal(
                .invalid(
                    field: "password", reason: "no terminal to prompt on; use --password-stdin"))
        }
        return Secret(String(cString: typed))
    }
}

/// `--json` for scripts, tables for people.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false
}
