import Domain
import Foundation
import Postgres
import TUI
import ViewModels

/// Opens the interactive console for a logged-in session and runs it until the user quits.
enum ConsoleLauncher {
    /// Returns when the user quits; a terminal that cannot be opened is a failure.
    @MainActor
    static func run(session: Session, client: PostgresClient, options: ConsoleOptions)
        async throws(CommandFailure)
    {
        let (terminal, themeProblem) = try openTerminal(options: options)
        await run(
            session: session, client: client, options: options, terminal: terminal,
            themeProblem: themeProblem)
    }

    /// Starts the terminal while `lookup` finds the session (the SSH key's user), then runs
    /// the console.
    ///
    /// ncurses' start (terminfo, modes, colours) and the identity's round trips to the
    /// database need nothing from each other, so start-up pays for the longer one only. A
    /// refused identity is reported as before: the terminal is restored first, and when the
    /// terminal cannot be opened at all the identity's refusal wins, as it did when it came
    /// first.
    @MainActor
    static func run(
        sessionFrom lookup: @escaping @Sendable () async throws(CommandFailure) -> Session,
        client: PostgresClient, options: ConsoleOptions
    ) async throws(CommandFailure) {
        let pending = Task.detached { try await lookup() }
        let opened: (terminal: NcursesTerminal, themeProblem: String?)
        do {
            opened = try openTerminal(options: options)
        } catch {
            _ = try await Self.session(from: pending)
            throw error
        }
        let session: Session
        do {
            session = try await Self.session(from: pending)
        } catch {
            opened.terminal.shutdown()
            throw error
        }
        await run(
            session: session, client: client, options: options, terminal: opened.terminal,
            themeProblem: opened.themeProblem)
    }

    /// The looked-up session, or the failure that `lookup` threw.
    private static func session(from pending: Task<Session, any Error>) async throws(CommandFailure)
        -> Session
    {
        do {
            return try await pending.value
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(.unexpected, "\(String(describing: error))")
        }
    }

    /// The login screen first, then the console on the same terminal. Quitting the login
    /// screen exits with 0; nothing is opened without a session.
    @MainActor
    static func runAfterLogin(client: PostgresClient, workspace: String?, options: ConsoleOptions)
        async throws(CommandFailure)
    {
        let (terminal, themeProblem) = try openTerminal(options: options)
        let login = LoginRuntime(
            runner: LoginRunner(authenticator: Authenticator(client: client), workspace: workspace),
            terminal: terminal)
        guard let session = login.run() else {
            terminal.shutdown()
            await QuitWithoutWaiting.close(client)
            return
        }
        await run(
            session: session, client: client, options: options, terminal: terminal,
            themeProblem: themeProblem)
    }

    /// Starts curses with the chosen theme; a bad theme file is reported, not fatal.
    @MainActor
    private static func openTerminal(options: ConsoleOptions) throws(CommandFailure) -> (
        NcursesTerminal, String?
    ) {
        let resolution = ThemeResolver.resolve(
            flag: options.theme, environment: ProcessInfo.processInfo.environment,
            readFile: ThemeResolver.diskReader)
        do {
            let terminal = try NcursesTerminal(theme: resolution.theme)
            StartupTrace.mark(.terminalOpened)
            let problem =
                resolution.errors.isEmpty
                ? nil
                : resolution.errors.map(\.description).joined(separator: "; ")
                    + " (using the default theme)"
            return (terminal, problem)
        } catch {
            throw CommandFailure(.unexpected, "\(String(describing: error))")
        }
    }

    @MainActor
    private static func run(
        session: Session, client: PostgresClient, options: ConsoleOptions,
        terminal: NcursesTerminal,
        themeProblem: String?
    ) async {
        var state = AppState(session: session, readOnly: options.readonly)
        if let themeProblem {
            state.flash = Flash.make(.error, themeProblem, now: Date(), sticky: true)
        }
        // Without a key the console still runs; the integration form explains why it cannot
        // take credentials instead of failing on save.
        var sealer: CredentialSealer?
        do {
            sealer = try CredentialSealer.fromEnvironment()
        } catch {
            state.credentialsKeyProblem = error.description
        }
        let runner = EffectRunner(
            store: SettingsStore(client: client, session: session),
            authenticator: Authenticator(client: client),
            sealer: sealer)
        let runtime = ConsoleRuntime(
            state: state, runner: runner, terminal: terminal,
            live: ListenTarget.resolve(flag: options.listenDatabase)
                .liveRefresh(console: client, pollInterval: max(options.pollInterval, 0)))
        _ = runtime.run()
        terminal.shutdown()
        await QuitWithoutWaiting.close(client)
    }
}
