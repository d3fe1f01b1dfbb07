import ArgumentParser
import Domain
import Foundation

/// `settings-console` with no subcommand: the interactive console against a real database.
struct InteractiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the interactive console (the default when no subcommand is given).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var console: ConsoleOptions

    func run() async throws {
        let client = connection.client()
        let store: SettingsStore
        do {
            store = try await identity.store(client: client)
        } catch {
            FileHandle.standardError.write(Data("settings-console: \(error.error.userMessage)\n".utf8))
            throw ExitCode(error.error.exitCode)
        }
        let code = await ConsoleLauncher.run(session: store.session, client: client, options: console)
        if code != 0 { throw ExitCode(code) }
    }
}
