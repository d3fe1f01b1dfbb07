import Foundation
import Yams

/// Which theme the user asked for, and where that request came from.
public struct ThemeChoice: Sendable, Equatable {
    /// Where the theme name came from, strongest first.
    public enum Source: Sendable, Equatable {
        /// `--theme NAME`.
        case flag
        /// `NO_COLOR` is set (to anything non-empty): the `mono` theme.
        case noColor
        /// `SETTINGS_CONSOLE_THEME`.
        case environment
        /// `theme:` in the config file at this path.
        case configFile(String)
        /// Nothing asked for a theme.
        case builtInDefault
    }

    public let name: String
    public let source: Source
}

/// The theme to draw with, plus any problems to flash to the user.
public struct ThemeResolution: Sendable {
    /// The theme to use: the requested one, or `default` when it could not be loaded.
    public let theme: Theme
    public let choice: ThemeChoice
    /// Problems met on the way (unreadable config, broken or unknown theme), in order. When not
    /// empty the console still starts, with `theme`, and should show these.
    public let errors: [ThemeError]
}

/// Decides the theme from the flag, the environment and the config file, as a pure function.
///
/// Precedence: `--theme` > `NO_COLOR` (gives `mono`) > `SETTINGS_CONSOLE_THEME` > `theme:` in
/// `$XDG_CONFIG_HOME/settings-console/config.yaml` (XDG default `~/.config`) > `default`. As
/// no-color.org asks, an explicit flag overrides `NO_COLOR`. User themes in
/// `$XDG_CONFIG_HOME/settings-console/themes/NAME.yaml` replace shipped ones of the same name.
public enum ThemeResolver {
    /// The environment variable naming a theme.
    public static let environmentVariable = "SETTINGS_CONSOLE_THEME"
    /// The theme used when nothing else is asked for, or what was asked for is broken.
    public static let defaultThemeName = "default"
    /// The theme `NO_COLOR` selects.
    public static let noColorThemeName = "mono"

    /// Resolves and loads the theme; never fails, falling back to `default`.
    ///
    /// - Parameters:
    ///   - flag: the value of `--theme`, if given.
    ///   - environment: the process environment (`ProcessInfo.processInfo.environment`).
    ///   - readFile: reads a file's text, `nil` when missing; the only access to the disk.
    public static func resolve(
        flag: String?, environment: [String: String], readFile: @escaping ThemeLoader.FileReader
    ) -> ThemeResolution {
        let directory = configDirectory(environment: environment)
        let loader = ThemeLoader(
            userThemesDirectory: directory.map { $0 + "/themes" }, readFile: readFile)
        var (choice, errors) = choose(flag: flag, environment: environment, readFile: readFile)
        do {
            let theme = try loader.load(named: choice.name)
            return ThemeResolution(theme: theme, choice: choice, errors: errors)
        } catch {
            errors.append(error)
        }
        if choice.name != defaultThemeName {
            do {
                let theme = try loader.load(named: defaultThemeName)
                return ThemeResolution(theme: theme, choice: choice, errors: errors)
            } catch {
                errors.append(error)
            }
        }
        let theme = (try? loader.loadShipped(named: defaultThemeName)) ?? .minimal
        return ThemeResolution(theme: theme, choice: choice, errors: errors)
    }

    /// Reads a UTF-8 file from disk; the reader the real console passes to `resolve`.
    public static let diskReader: ThemeLoader.FileReader = { path in
        try? String(contentsOfFile: path, encoding: .utf8)
    }

    /// Only the decision: which theme name, from where, and any config-file problem.
    public static func choose(
        flag: String?, environment: [String: String], readFile: ThemeLoader.FileReader
    ) -> (ThemeChoice, [ThemeError]) {
        if let flag = nonEmpty(flag) {
            return (ThemeChoice(name: flag, source: .flag), [])
        }
        if nonEmpty(environment["NO_COLOR"]) != nil {
            return (ThemeChoice(name: noColorThemeName, source: .noColor), [])
        }
        if let named = nonEmpty(environment[environmentVariable]) {
            return (ThemeChoice(name: named, source: .environment), [])
        }
        if let directory = configDirectory(environment: environment) {
            let path = directory + "/config.yaml"
            if let text = readFile(path) {
                do {
                    if let named = try themeName(inConfig: text, file: path) {
                        return (ThemeChoice(name: named, source: .configFile(path)), [])
                    }
                } catch {
                    return (ThemeChoice(name: defaultThemeName, source: .builtInDefault), [error])
                }
            }
        }
        return (ThemeChoice(name: defaultThemeName, source: .builtInDefault), [])
    }

    /// `$XDG_CONFIG_HOME/settings-console`, or `$HOME/.config/settings-console`; `nil` when
    /// neither variable is set (or XDG_CONFIG_HOME is relative, which the XDG spec says to ignore).
    public static func configDirectory(environment: [String: String]) -> String? {
        if let xdg = nonEmpty(environment["XDG_CONFIG_HOME"]), xdg.hasPrefix("/") {
            return trimmingSlash(xdg) + "/settings-console"
        }
        if let home = nonEmpty(environment["HOME"]) {
            return trimmingSlash(home) + "/.config/settings-console"
        }
        return nil
    }

    /// The `theme:` value of a config file; other keys belong to other parts of the console.
    static func themeName(inConfig text: String, file: String) throws(ThemeError) -> String? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ThemeError(file: file, problem: .invalidYAML(ThemeDocument.summary(of: error)))
        }
        guard let root else { return nil }
        for (key, value) in try ThemeDocument.mapping(root, file: file, keyPath: "")
        where key == "theme" {
            return nonEmpty(try ThemeDocument.scalar(value, file: file, keyPath: "theme"))
        }
        return nil
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func trimmingSlash(_ path: String) -> String {
        var result = path
        while result.count > 1, result.hasSuffix("/") {
            result.removeLast()
        }
        return result
    }
}
