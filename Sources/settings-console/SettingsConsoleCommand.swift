import ArgumentParser
import Domain
import ViewModels

@main
struct SettingsConsoleCommand: AsyncParsableCommand {
    static func main() async {
        StartupTrace.mark(.mainEntered)
        FileLogHandler.bootstrap()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            CommandFailure.exit(after: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "settings-console",
        abstract:
            "The settings console of the agent observability platform: team, billing, integrations.",
        discussion: ExitKind.summary,
        version: "settings-console 0.1.0",
        subcommands: [
            InteractiveCommand.self, DemoCommand.self, MigrateCommand.self, SeedCommand.self,
            TeamCLI.self, BillingCLI.self,
            IntegrationsCLI.self, HealthCommand.self, AuditCLI.self, KeysCLI.self,
        ],
        defaultSubcommand: InteractiveCommand.self)
}
