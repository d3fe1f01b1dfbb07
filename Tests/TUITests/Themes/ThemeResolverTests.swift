import Testing

@testable import TUI

@Suite struct ThemeResolverTests {
    private let home = ["HOME": "/home/u"]
    private let configPath = "/home/u/.config/settings-console/config.yaml"

    private func reader(_ files: [String: String]) -> ThemeLoader.FileReader {
        { path in files[path] }
    }

    @Test func defaultWhenNothingIsAsked() {
        let resolution = ThemeResolver.resolve(flag: nil, environment: home, readFile: reader([:]))
        #expect(resolution.theme.name == "default")
        #expect(resolution.choice.source == .builtInDefault)
        #expect(resolution.errors.isEmpty)
    }

    @Test func flagBeatsEverything() {
        let environment = home.merging(["NO_COLOR": "1", "SETTINGS_CONSOLE_THEME": "mono"]) { $1 }
        let files = [configPath: "theme: high-contrast\n"]
        let resolution = ThemeResolver.resolve(
            flag: "solarized-dark", environment: environment, readFile: reader(files))
        #expect(resolution.theme.name == "solarized-dark")
        #expect(resolution.choice.source == .flag)
    }

    @Test func noColorGivesMono() {
        let environment = home.merging([
            "NO_COLOR": "1", "SETTINGS_CONSOLE_THEME": "solarized-dark",
        ]) {
            $1
        }
        let resolution = ThemeResolver.resolve(
            flag: nil, environment: environment, readFile: reader([:]))
        #expect(resolution.theme.name == "mono")
        #expect(resolution.choice.source == .noColor)
    }

    @Test func emptyNoColorIsIgnored() {
        let environment = home.merging(["NO_COLOR": ""]) { $1 }
        let resolution = ThemeResolver.resolve(
            flag: nil, environment: environment, readFile: reader([:]))
        #expect(resolution.theme.name == "default")
    }

    @Test func environmentBeatsConfigFile() {
        let environment = home.merging(["SETTINGS_CONSOLE_THEME": "high-contrast"]) { $1 }
        let files = [configPath: "theme: solarized-dark\n"]
        let resolution = ThemeResolver.resolve(
            flag: nil, environment: environment, readFile: reader(files))
        #expect(resolution.theme.name == "high-contrast")
        #expect(resolution.choice.source == .environment)
    }

    @Test func configFileUnderXDGConfigHome() {
        let environment = ["HOME": "/home/u", "XDG_CONFIG_HOME": "/xdg/"]
        let files = ["/xdg/settings-console/config.yaml": "database: x\ntheme: mono\n"]
        let resolution = ThemeResolver.resolve(
            flag: nil, environment: environment, readFile: reader(files))
        #expect(resolution.theme.name == "mono")
        #expect(resolution.choice.source == .configFile("/xdg/settings-console/config.yaml"))
    }

    @Test func relativeXDGConfigHomeIsIgnored() {
        #expect(
            ThemeResolver.configDirectory(environment: ["HOME": "/h", "XDG_CONFIG_HOME": "rel"])
                == "/h/.config/settings-console")
        #expect(ThemeResolver.configDirectory(environment: [:]) == nil)
    }

    @Test func brokenThemeFallsBackToDefaultWithTheError() {
        let files = [
            "/home/u/.config/settings-console/themes/mine.yaml":
                "styles:\n  gauge.ok: { fg: purpel }\n"
        ]
        let resolution = ThemeResolver.resolve(
            flag: "mine", environment: home, readFile: reader(files))
        #expect(resolution.theme.name == "default")
        #expect(resolution.choice.name == "mine")
        #expect(
            resolution.errors.map(\.description) == [
                #"/home/u/.config/settings-console/themes/mine.yaml: styles.gauge.ok.fg: unknown colour "purpel""#
            ])
    }

    @Test func unknownThemeFallsBackToDefault() {
        let resolution = ThemeResolver.resolve(
            flag: "nope", environment: home, readFile: reader([:]))
        #expect(resolution.theme.name == "default")
        #expect(resolution.errors.count == 1)
    }

    @Test func brokenUserDefaultFallsBackToShippedDefault() {
        let files = ["/home/u/.config/settings-console/themes/default.yaml": "styles: [\n"]
        let resolution = ThemeResolver.resolve(
            flag: nil, environment: home, readFile: reader(files))
        #expect(resolution.theme == (try? ThemeLoader.shippedOnly.load(named: "default")))
        #expect(resolution.errors.count == 1)
    }

    @Test func brokenConfigFileIsReportedAndDefaultUsed() {
        let files = [configPath: "theme: [\n"]
        let resolution = ThemeResolver.resolve(
            flag: nil, environment: home, readFile: reader(files))
        #expect(resolution.theme.name == "default")
        #expect(resolution.errors.first?.file == configPath)
    }
}
