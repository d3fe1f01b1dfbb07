import ArgumentParser
import Domain
import Foundation
import Postgres

/// Who runs a command-line verb: `--user` with a password from stdin or a prompt.
///
/// Outside `demo`, identity never comes from a flag alone: the password is checked in
/// PostgreSQL (bcrypt) before anything else happens.
struct IdentityOptions: ParsableArguments {
    @Option(name: .long, help: "Email of the user to act as.")
    var user: String?

    @Flag(name: .long, help: "Read the password from the first line of standard input.")
    var passwordStdin = false

    @Option(name: .long, help: "Workspace slug, name or id (when the user belongs to several).")
    var workspace: String?

    /// Logs in and returns a store for the session.
    func store(client: PostgresClient) async throws(CommandFailure) -> SettingsStore {
        guard let user else {
            throw CommandFailure(.invalid(field: "user", reason: "give --user EMAIL (and --password-stdin)"))
        }
        let password = try readPassword()
        do {
            let session = try await Authenticator(client: client).login(
                email: user, password: password, workspace: workspace, method: "password")
            return SettingsStore(client: client, session: session)
        } catch {
            throw CommandFailure(error)
        }
    }

    private func readPassword() throws(CommandFailure) -> String {
        if passwordStdin {
            guard let line = readLine(strippingNewline: true) else {
                throw CommandFailure(.invalid(field: "password", reason: "standard input was empty"))
            }
            return line
        }
        guard isatty(STDIN_FILENO) == 1, let typed = getpass("Password: ") else {
            throw CommandFailure(
                .invalid(field: "password", reason: "no terminal to prompt on; use --password-stdin"))
        }
        return String(cString: typed)
    }
}

/// `--json` for scripts, tables for people.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false
}
