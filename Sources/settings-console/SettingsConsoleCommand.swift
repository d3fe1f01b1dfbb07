import ArgumentParser

@main
struct SettingsConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings-console",
        abstract: "The settings console of the agent observability platform: team, billing, integrations.",
        discussion: ExitCodes.help,
        version: "settings-console 0.1.0",
        subcommands: [MigrateCommand.self, SeedCommand.self, TeamCommand.self])
}
