import ArgumentParser
import Domain
import Foundation
import Postgres

/// The shared shape of every command-line verb: connect, log in, act, print through `Output`,
/// and leave by `CommandFailure` on a `DomainError`.
protocol StoreCommand: AsyncParsableCommand {
    var connection: ConnectionOptions { get }
    var identity: IdentityOptions { get }
    var output: OutputOptions { get }
    func act(on store: SettingsStore) async throws(DomainError) -> CommandOutput
}

extension StoreCommand {
    func run() async throws {
        await runLoggedIn(client: connection.client())
    }

    /// Logs in as the identity options say (SSH key, else `--user`), then acts.
    func runLoggedIn(client: PostgresClient) async {
        let session: Session
        do {
            session = try await identity.session(client: client)
        } catch {
            error.exit()
        }
        await run(as: session, client: client)
    }

    /// Acts as an identity resolved before the command was parsed (the SSH key of a forced
    /// command), on the connection that identity was checked on.
    func run(as session: Session, client: PostgresClient) async {
        defer { Task { await client.close() } }
        let result: CommandOutput
        do {
            result = try await act(on: SettingsStore(client: client, session: session))
        } catch {
            CommandFailure(error).exit()
        }
        Output.result(output.json ? result.json : result.text)
        if result.exitKind != .done { CommandFailure.silent(result.exitKind).exit() }
    }
}

/// What a verb prints: a table or sentence for people, JSON for scripts.
struct CommandOutput {
    let text: PrintableText
    let json: PrintableText
    /// Not `.done` when the verb succeeded but its answer is bad news (`health`, a failed
    /// test delivery): the output is printed, then the program exits with this code.
    let exitKind: ExitKind

    init(text: PrintableText, json value: some Encodable, exitKind: ExitKind = .done) {
        self.text = text
        self.json = .json(value)
        self.exitKind = exitKind
    }

    /// A sentence for verbs that only report success; the JSON keeps its values unsanitised.
    init(message: PrintableText) {
        self.init(text: message, json: DoneJSON(message: message.original))
    }
}

/// `{"ok": true, "message": ...}` for verbs that only report success.
struct DoneJSON: Encodable {
    let ok = true
    let message: String
}
