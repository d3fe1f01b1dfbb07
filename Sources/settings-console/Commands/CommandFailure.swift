import ArgumentParser
import Domain
import Foundation

/// A failure leaving the program. `exit()` is the one place the command line prints an error
/// and exits, so every verb, `migrate`, `seed`, `demo`, the SSH forced command and identity
/// refusals word their failures the same way and exit with a code from `ExitStatus`.
struct CommandFailure: Error, CustomStringConvertible {
    let status: ExitStatus
    /// Everything written to standard error, already safe for a terminal.
    let message: PrintableText

    /// `settings-console: REASON`, exiting with `status`.
    init(_ status: ExitStatus, _ reason: PrintableText) {
        self.init(status: status, message: "settings-console: \(reason)")
    }

    /// A domain error in its own words (`userMessage`) with its documented exit code.
    init(_ error: DomainError) {
        self.init(error.exitStatus, .untrusted(error.userMessage))
    }

    private init(status: ExitStatus, message: PrintableText) {
        self.status = status
        self.message = message
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
            status: ExitStatus(rawValue: code) ?? .unexpected,
            message: .untrusted(lines: SettingsConsoleCommand.fullMessage(for: error)))
    }

    var description: String { message.text }

    /// Prints the message on standard error (a clean exit's, such as `--help`, on standard
    /// output) and exits with the status's code.
    func exit() -> Never {
        if !message.isEmpty {
            if status == .done { Output.result(message) } else { Output.diagnostic(message) }
        }
        Foundation.exit(status.code)
    }

    /// Leaves after whatever a command threw: our own failures as they are, anything else as
    /// ArgumentParser words it.
    static func exit(after error: any Error) -> Never {
        if let failure = error as? CommandFailure { failure.exit() }
        if let domain = error as? DomainError { CommandFailure(domain).exit() }
        CommandFailure(parserError: error).exit()
    }
}
