import Domain
import Foundation
import Postgres
import TUI
import ViewModels

/// Opens the interactive console for a logged-in session and runs it until the user quits.
enum ConsoleLauncher {
    /// Returns the process exit code.
    @MainActor
    static func run(session: Session, client: PostgresClient, options: ConsoleOptions) async -> Int32 {
        let resolution = ThemeResolver.resolve(
            flag: options.theme, environment: ProcessInfo.processInfo.environment,
            readFile: ThemeResolver.diskReader)
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(theme: resolution.theme)
        } catch {
            FileHandle.standardError.write(Data("settings-console: \(error)\n".utf8))
            return 1
        }
        var state = AppState(session: session, readOnly: options.readonly)
        if !resolution.errors.isEmpty {
            let text = resolution.errors.map(\.description).joined(separator: "; ") + " (using the default theme)"
            state.flash = Flash.make(.error, text, now: Date(), sticky: true)
        }
        let runner = EffectRunner(
            store: SettingsStore(client: client, session: session), authenticator: Authenticator(client: client))
        let runtime = ConsoleRuntime(state: state, runner: runner, terminal: terminal)
        _ = runtime.run()
        terminal.shutdown()
        await client.close()
        return 0
    }
}
