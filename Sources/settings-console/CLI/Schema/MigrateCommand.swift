import ArgumentParser
import Domain
import Foundation

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the schema migrations (run as the database owner, not console_app).",
        discussion:
            "Re-running is a no-op. Each migration runs in its own transaction; an advisory lock keeps two migrators from racing."
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .long, help: "Revert this many of the newest migrations instead of applying.")
    var down: Int?

    func run() async throws {
        let client = connection.client()
        let migrator = Migrator(client: client)
        do {
            if let down {
                let reverted = try await migrator.rollback(steps: down)
                Output.result(
                    reverted.isEmpty
                        ? "nothing to revert"
                        : "reverted \(reverted.map(String.init).joined(separator: ", "))")
            } else {
                let applied = try await migrator.migrate()
                Output.result(
                    applied.isEmpty
                        ? "schema is up to date"
                        : "applied \(applied.map(String.init).joined(separator: ", "))")
            }
        } catch {
            CommandFailure(DomainError.from(error)).exit()
        }
        await client.close()
    }
}

struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Load the demo workspace (Acme Corp, six members, four integrations).",
        discussion: """
            Every seeded user's password is demo-pass. Run after migrate, as the database owner. \
            --scale loads data at scale instead, for benchmarks (as a superuser): 100,000 \
            workspaces, 1,000,000 team rows with every role and status, one workspace \
            ("scale") of 100,000 members, integrations in every health state and audit \
            history; its owner is owner@scale.example.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "Load 1,000,000 team rows in 100,000 workspaces instead of the demo workspace.")
    var scale = false

    func run() async throws {
        let client = connection.client()
        // A second connection builds indexes beside the first: they are most of the load.
        let lane = scale ? connection.client() : nil
        let started = Date()
        do {
            if scale {
                try await ScaleSeed.full.load(into: client, lanes: lane.map { [$0] } ?? [])
            } else {
                try await client.transaction { try $0.execute(script: DemoSeed.sql) }
            }
        } catch {
            CommandFailure(DomainError.from(error)).exit()
        }
        await client.close()
        await lane?.close()
        if scale {
            let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
            Output.result(
                "seeded \(ScaleSeed.full.teamRows) team rows in \(ScaleSeed.full.workspaces + 1) workspaces in \(seconds) s"
            )
        } else {
            Output.result("seeded the demo workspace")
        }
    }
}
