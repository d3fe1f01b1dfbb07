import ArgumentParser
import Domain
import Foundation

/// A failure leaving the program. `exit()` is the one place the command line prints an error
/// and exits, so every verb, `migrate`, `seed`, `demo`, the SSH forced command and identity
/// refusals word their failures the same way and exit with a code from `ExitKind`.
struct CommandFailure: Error, CustomStringConvertible {
    let kind: ExitKind
    /// Everything written to standard error, already safe for a terminal.
    let message: PrintableText

    /// `settings-console: REASON`, exiting with `kind`'s code.
    init(_ kind: ExitKind, _ reason: PrintableText) {
        self.init(kind: kind, message: "settings-console: \(reason)")
    }

    /// A domain error in its own words (`userMessage`) with its documented exit code.
    init(_ error: DomainError) {
        self.init(error.exitKind, .untrusted(error.userMessage))
    }

    private init(kind: ExitKind, message: PrintableText) {
        self.kind = kind
        self.message = message
    }

    /// An exit with `kind`'s code and nothing more to say (the output already said it).
    static func silent(_ kind: ExitKind) -> CommandFailure {
        CommandFailure(kind: kind, message: "")
    }

    /// A usage error (exit 64, as ArgumentParser's own).
    static func usage(_ reason: PrintableText) -> CommandFailure {
        CommandFailure(.usage, reason)
    }

    /// What ArgumentParser says about `error` (a usage error, `--help`, `--version`) and the
    /// code it chose; its text may echo arguments, so every line is sanitised.
    init(parserError error: any Error) {
        let code = SettingsConsoleCommand.exitCode(for: error).rawValue
        self.init(
            kind: ExitKind(rawValue: code) ?? .unexpected,
            message: .untrusted(lines: SettingsConsoleCommand.fullMessage(for: error)))
    }

    var description: String { message.text }

    /// Prints the message on standard error (a clean exit's, such as `--help`, on standard
    /// output) and exits with the kind's code.
    func exit() -> Never {
        if !message.isEmpty {
            if kind == .done { Output.result(message) } else { Output.diagnostic(message) }
        }
        Foundation.exit(kind.code)
    }

    /// Leaves after whatever a command threw: our own failures as they are, anything else as
    /// ArgumentParser words it.
    static func exit(after error: any Error) -> Never {
        if let failure = error as? CommandFailure { failure.exit() }
        if let domain = error as? DomainError { CommandFailure(domain).exit() }
        CommandFailure(parserError: error).exit()
    }
}
