import ArgumentParser
import Domain
import Foundation
import Postgres

/// `settings-console demo`: a private, seeded PostgreSQL and the console on it, in one step.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the console on a private, seeded PostgreSQL that is deleted on exit.",
        discussion: """
            Starts a throwaway cluster in a temporary directory (unix socket only), applies the \
            migrations, loads the demo workspace and logs in as the chosen demo user. Quitting, \
            Ctrl-C or a crash stops the cluster and deletes its directory.
            """)

    enum DemoRole: String, ExpressibleByArgument, CaseIterable {
        case owner, admin, member, viewer

        var email: String {
            switch self {
            case .owner: return "demo@example.com"
            case .admin: return "admin@example.com"
            case .member: return "member@example.com"
            case .viewer: return "viewer@example.com"
            }
        }
    }

    @Option(name: .customLong("as"), help: "Log in as the demo owner, admin, member or viewer.")
    var role: DemoRole = .owner

    @OptionGroup var console: ConsoleOptions

    func run() async throws {
        let progress: (String) -> Void = { Output.note(.untrusted($0)) }
        // The demo's credentials die with its cluster, so a throwaway sealing key lets the
        // integration form take credentials here; a key already set is used as it is.
        if ProcessInfo.processInfo.environment[CredentialSealer.keyVariable]?.isEmpty ?? true {
            setenv(CredentialSealer.keyVariable, CredentialSealer.generateKey(), 1)
        }
        let cluster: ThrowawayCluster
        do {
            cluster = try ThrowawayCluster.start(progress: progress)
        } catch {
            CommandFailure(.unavailable, "could not start PostgreSQL: \(String(describing: error))")
                .exit()
        }
        defer { cluster.stop() }
        do {
            try await runOnCluster(cluster)
        } catch {
            // Stopped here: exiting skips the `defer`.
            cluster.stop()
            error.exit()
        }
    }

    private func runOnCluster(_ cluster: ThrowawayCluster) async throws(CommandFailure) {
        let admin = PostgresClient(conninfo: "", overrides: cluster.superuserParameters)
        do {
            try await Migrator(client: admin).migrate()
            try await admin.transaction { try $0.execute(script: DemoSeed.sql) }
            await admin.close()
        } catch {
            throw CommandFailure(
                .unavailable,
                "could not prepare the demo database: \(DomainError.from(error).userMessage)")
        }
        let app = PostgresClient(
            conninfo: "", overrides: cluster.superuserParameters + [("user", "console_app")])
        let session: Session
        do {
            session = try await Authenticator(client: app).login(
                email: role.email, password: "demo-pass", method: "demo")
        } catch {
            throw CommandFailure(
                error.exitKind,
                "could not log in as the demo \(role.rawValue): \(error.userMessage)")
        }
        try await ConsoleLauncher.run(session: session, client: app, options: console)
    }
}
