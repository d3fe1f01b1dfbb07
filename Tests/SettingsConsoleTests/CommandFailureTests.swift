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
        let failure = CommandFailure(parserError: CleanExit.helpRequest(TeamCommand.self))
        #expect(failure.kind == .done)
        #expect(failure.message.text.contains("USAGE: settings-console team"))
    }

    @Test func helpShowsTheGeneratedExitCodeTable() {
        for discussion in [
            SettingsConsoleCommand.configuration.discussion, TeamCommand.configuration.discussion,
            BillingCommand.configuration.discussion, IntegrationsCommand.configuration.discussion,
            KeysCommand.configuration.discussion,
        ] {
            #expect(discussion.contains(ExitKind.summary))
        }
    }
}
