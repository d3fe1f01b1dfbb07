import Testing

@testable import settings_console

/// What guards SSH access, as tables: how a forced command's text is split into words (no
/// shell ever sees it), which commands and options it may carry, and which way in a session
/// takes. End-to-end tests drive the same code through sshd; these name every case.
@Suite struct SSHAccessTableTests {
    @Test(arguments: [
        ("team list --json", ["team", "list", "--json"]),
        ("  team   list\t--json\n", ["team", "list", "--json"]),
        (
            "keys add a@b.c --key 'ssh-ed25519 AAAA x'",
            ["keys", "add", "a@b.c", "--key", "ssh-ed25519 AAAA x"]
        ),
        (#"team invite "a b@c.d""#, ["team", "invite", "a b@c.d"]),
        (
            #"team list --search "\$HOME \"x\" \\ \q""#,
            ["team", "list", "--search", #"$HOME "x" \ \q"#]
        ),
        (#"team list --search a\ b"#, ["team", "list", "--search", "a b"]),
        ("team list --search $(id);*;~", ["team", "list", "--search", "$(id);*;~"]),
        ("team list --search ''", ["team", "list", "--search", ""]),
        ("", []),
    ])
    func shellWordsSplitWithoutExpanding(text: String, words: [String]) throws {
        #expect(try ShellWords.split(text) == words)
    }

    @Test(arguments: [
        ("team list 'open", ShellWords.Failure.unterminatedQuote),
        (#"team list "open"#, .unterminatedQuote),
        (#"team list \"#, .trailingBackslash),
        ("team list \u{1B}[2J", .controlCharacter),
        ("team list 'a\u{7}b'", .controlCharacter),
    ])
    func shellWordsRefuseWhatTheyCannotReadSafely(text: String, failure: ShellWords.Failure) {
        #expect(throws: failure) { try ShellWords.split(text) }
    }

    @Test(arguments: [
        "team list --json", "billing show", "integrations test Ops", "audit list --limit 5",
        "keys list", "team accept TOKEN",
    ])
    func settingsCommandsAreAllowed(text: String) throws {
        #expect(
            try ForcedCommand.arguments(from: text).first
                == text.split(separator: " ")[0].description)
    }

    @Test(arguments: [
        ("bash -i", #""bash" is not a command you can run over SSH"#),
        ("demo --as owner", #""demo" is not a command you can run over SSH"#),
        ("migrate", #""migrate" is not a command you can run over SSH"#),
        ("team list --user owner@example.com", "--user cannot be used over SSH"),
        ("team list --user=owner@example.com", "--user cannot be used over SSH"),
        ("team list --database host=evil", "--database cannot be used over SSH"),
        ("team list --database=host=evil", "--database cannot be used over SSH"),
        ("team list --password-stdin", "--password-stdin cannot be used over SSH"),
        ("team list 'open", "could not read the SSH command (a quote is not closed)"),
        ("", "Allowed commands: team, billing"),
    ])
    func everythingElseIsRefusedWithWhatIsAllowed(text: String, reason: String) {
        do {
            _ = try ForcedCommand.arguments(from: text)
            Issue.record("\(text) was allowed")
        } catch {
            #expect(error.kind == .usage)
            #expect(error.message.text.contains(reason), "\(error.message.text)")
            #expect(error.message.text.contains("Allowed commands:"))
        }
    }

    @Test func aRefusedWordIsEchoedDefused() {
        do {
            _ = try ForcedCommand.arguments(from: "\u{1B}]52;c;x")
            Issue.record("allowed")
        } catch {
            #expect(!error.message.text.unicodeScalars.contains("\u{1B}"))
        }
    }

    struct PlanCase: Sendable, CustomStringConvertible {
        let authInfo: String?
        let user: String?
        let passwordStdin: Bool
        let interactive: Bool
        let isTerminal: Bool
        let expected: IdentityPlan?
        var description: String {
            "auth=\(authInfo ?? "-") user=\(user ?? "-") stdin=\(passwordStdin) interactive=\(interactive) tty=\(isTerminal)"
        }
    }

    @Test(arguments: [
        PlanCase(
            authInfo: "/tmp/sshauth.1", user: nil, passwordStdin: false, interactive: true,
            isTerminal: true, expected: .sshKey(authInfoPath: "/tmp/sshauth.1")),
        PlanCase(
            authInfo: "/tmp/sshauth.1", user: nil, passwordStdin: false, interactive: false,
            isTerminal: false, expected: .sshKey(authInfoPath: "/tmp/sshauth.1")),
        // A key session never falls back to, or mixes with, a password.
        PlanCase(
            authInfo: "/tmp/sshauth.1", user: "a@b.c", passwordStdin: false, interactive: false,
            isTerminal: false, expected: nil),
        PlanCase(
            authInfo: "/tmp/sshauth.1", user: nil, passwordStdin: true, interactive: false,
            isTerminal: false, expected: nil),
        PlanCase(
            authInfo: nil, user: "a@b.c", passwordStdin: true, interactive: false,
            isTerminal: false, expected: .password(email: "a@b.c")),
        PlanCase(
            authInfo: nil, user: "a@b.c", passwordStdin: false, interactive: true,
            isTerminal: true, expected: .password(email: "a@b.c")),
        PlanCase(
            authInfo: nil, user: nil, passwordStdin: true, interactive: false, isTerminal: false,
            expected: nil),
        PlanCase(
            authInfo: nil, user: nil, passwordStdin: false, interactive: true, isTerminal: true,
            expected: .loginScreen),
        PlanCase(
            authInfo: nil, user: nil, passwordStdin: false, interactive: true, isTerminal: false,
            expected: nil),
        PlanCase(
            authInfo: nil, user: nil, passwordStdin: false, interactive: false, isTerminal: true,
            expected: nil),
    ])
    func theWayInIsChosenFromTheEnvironmentAndFlagsAlone(_ plan: PlanCase) {
        let environment = plan.authInfo.map { ["SSH_USER_AUTH": $0] } ?? [:]
        let chosen = try? IdentityPlan.choose(
            environment: environment, user: plan.user, passwordStdin: plan.passwordStdin,
            interactive: plan.interactive, isTerminal: plan.isTerminal)
        #expect(chosen == plan.expected)
    }
}
