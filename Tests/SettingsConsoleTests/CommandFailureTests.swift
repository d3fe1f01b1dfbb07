import ArgumentParser
import Domain
import Testing

@testable import settings_console

/// Every failure leaves with one message on stderr, defused, and a code from `ExitKind`.
@Suite struct CommandFailureTests {
    @Test func aDomainErrorKeepsItsWordsAndItsCode() {
        let failure = CommandFailure(.notFound(what: "no integration named \"x\u{1B}]0;t\u{07}\""))
        #expect(failure.kind == .notFound)
        #expect(
            failure.message.text == "settings-console: Not found: no integration named \"x␛]0;t␇\"")
    }

    @Test func anUnreachableDatabaseExitsEight() {
        #expect(CommandFailure(.unavailable(reason: "could not connect")).kind.code == 8)
    }

    @Test func argumentParserErrorsKeepTheirCodeAndLinesButNoControls() throws {
        let error = #expect(throws: (any Error).self) {
            try SettingsConsoleCommand.parseAsRoot(["team", "list", "--bogus\u{1B}[2J"])
        }
        let failure = CommandFailure(parserError: try #require(error))
        #expect(failure.kind == .usage)
        #expect(failure.message.text.contains("\n"), "usage lines stay lines")
        #expect(!failure.message.text.unicodeScalars.contains("\u{1B}"))
        #expect(failure.message.text.contains("␛[2J"))
    }

    @Test func helpIsACleanExitOnStandardOutput() {
        let failure = CommandFailure(parserError: CleanExit.helpRequest(TeamCLI.self))
        #expect(failure.kind == .done)
        #expect(failure.message.text.contains("USAGE: settings-console team"))
    }

    @Test func helpShowsTheGeneratedExitCodeTable() {
        for discussion in [
            SettingsConsoleCommand.configuration.discussion, TeamCLI.configuration.discussion,
            BillingCLI.configuration.discussion, IntegrationsCLI.configuration.discussion,
            KeysCLI.configuration.discussion,
        ] {
            #expect(discussion.contains(ExitKind.summary))
        }
    }

    /// The SSH access rules (Domain) word their refusals; the command line exits with them as
    /// before: usage errors, and an invalid `user` for a verb with no identity.
    @Test func accessRefusalsLeaveAsTheyDid() {
        let unterminated = CommandFailure(ForcedCommand.Refusal.unreadable(.unterminatedQuote))
        #expect(unterminated.kind == .usage)
        #expect(
            unterminated.message.text.hasPrefix(
                "settings-console: could not read the SSH command (a quote is not closed). "))
        let echoed = CommandFailure(ForcedCommand.Refusal.notAllowed("x\u{202E}y"))
        #expect(!echoed.message.text.unicodeScalars.contains("\u{202E}"))
        #expect(CommandFailure(IdentityPlan.Refusal.noTerminal).kind == .usage)
        let noUser = CommandFailure(IdentityPlan.Refusal.verbNeedsUser)
        #expect(noUser.kind == .invalid)
        #expect(
            noUser.message.text
                == "settings-console: "
                + DomainError.invalid(field: "user", reason: IdentityPlan.Refusal.giveUser)
                .userMessage)
    }
}
