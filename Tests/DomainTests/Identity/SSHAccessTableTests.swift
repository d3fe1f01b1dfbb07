import Testing

@testable import Domain

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
        (#"team list --search """#, ["team", "list", "--search", ""]),
        ("team list '' ''", ["team", "list", "", ""]),
        (#"a''b "c"'d'e"#, ["ab", "cde"]),
        (#"'it''s'"#, ["its"]),
        (#"'a\b' "a'b""#, [#"a\b"#, "a'b"]),
        (#"team \'x"#, ["team", "'x"]),
        ("team list \\\\ more", ["team", "list", "\\", "more"]),
        ("team\\\nlist", ["teamlist"]),
        ("", []),
        ("   \t ", []),
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
        ("team list \"a\\", .unterminatedQuote),
        ("'", .unterminatedQuote),
        ("team list a\u{0}b", .controlCharacter),
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
        ("team list x\\", "could not read the SSH command (it ends with a backslash)"),
        ("team list \u{7}", "could not read the SSH command (it contains control characters)"),
        ("seed --scale", #""seed" is not a command you can run over SSH"#),
        ("sh -c 'team list'", #""sh" is not a command you can run over SSH"#),
        ("--user=a@b.c team list", #""--user=a@b.c" is not a command you can run over SSH"#),
        ("'' team list", "\"\" is not a command you can run over SSH"),
        ("keys add x --password-stdin=1", "--password-stdin cannot be used over SSH"),
        ("", "Allowed commands: team, billing"),
    ])
    func everythingElseIsRefusedWithWhatIsAllowed(text: String, reason: String) {
        do {
            _ = try ForcedCommand.arguments(from: text)
            Issue.record("\(text) was allowed")
        } catch {
            #expect(error.message.contains(reason), "\(error.message)")
            #expect(error.message.hasSuffix(ForcedCommand.allowedList))
        }
    }

    @Test func aRefusedWordIsEchoedDefused() {
        do {
            _ = try ForcedCommand.arguments(from: "\u{1B}]52;c;x")
            Issue.record("allowed")
        } catch {
            #expect(error == .unreadable(.controlCharacter))
            #expect(!error.message.unicodeScalars.contains("\u{1B}"))
        }
        // A word that reaches the refusal some other way is echoed with its controls shown.
        let echoed = ForcedCommand.Refusal.notAllowed("\u{1B}]52;c;x").message
        #expect(echoed.hasPrefix(#""?]52;c;x" is not"#), "\(echoed)")
    }

    @Test func aLongRefusedWordIsEchoedShort() {
        let word = String(repeating: "x", count: 100)
        #expect(
            ForcedCommand.Refusal.notAllowed(word).message.hasPrefix(
                "\"" + String(repeating: "x", count: 40) + "\" is not"))
    }

    struct PlanCase: Sendable, CustomStringConvertible {
        let authInfo: String?
        let user: String?
        let passwordStdin: Bool
        let interactive: Bool
        let isTerminal: Bool
        let expected: Result<IdentityPlan, IdentityPlan.Refusal>
        var description: String {
            "auth=\(authInfo ?? "-") user=\(user ?? "-") stdin=\(passwordStdin) interactive=\(interactive) tty=\(isTerminal)"
        }
    }

    @Test(arguments: [
        PlanCase(
            authInfo: "/tmp/sshauth.1", user: nil, passwordStdin: false, interactive: true,
            isTerminal: true, expected: .success(.sshKey(authInfoPath: "/tmp/sshauth.1"))),
        PlanCase(
            authInfo: "/tmp/sshauth.1", user: nil, passwordStdin: false, interactive: false,
            isTerminal: false, expected: .success(.sshKey(authInfoPath: "/tmp/sshauth.1"))),
        // A key session never falls back to, or mixes with, a password.
        PlanCase(
            authInfo: "/tmp/sshauth.1", user: "a@b.c", passwordStdin: false, interactive: false,
            isTerminal: false, expected: .failure(.keySessionTakesNoPassword)),
        PlanCase(
            authInfo: "/tmp/sshauth.1", user: nil, passwordStdin: true, interactive: false,
            isTerminal: false, expected: .failure(.keySessionTakesNoPassword)),
        PlanCase(
            authInfo: nil, user: "a@b.c", passwordStdin: true, interactive: false,
            isTerminal: false, expected: .success(.password(email: "a@b.c"))),
        PlanCase(
            authInfo: nil, user: "a@b.c", passwordStdin: false, interactive: true,
            isTerminal: true, expected: .success(.password(email: "a@b.c"))),
        PlanCase(
            authInfo: nil, user: nil, passwordStdin: true, interactive: false, isTerminal: false,
            expected: .failure(.passwordStdinNeedsUser)),
        PlanCase(
            authInfo: nil, user: nil, passwordStdin: false, interactive: true, isTerminal: true,
            expected: .success(.loginScreen)),
        PlanCase(
            authInfo: nil, user: nil, passwordStdin: false, interactive: true, isTerminal: false,
            expected: .failure(.noTerminal)),
        PlanCase(
            authInfo: nil, user: nil, passwordStdin: false, interactive: false, isTerminal: true,
            expected: .failure(.verbNeedsUser)),
    ])
    func theWayInIsChosenFromTheEnvironmentAndFlagsAlone(_ plan: PlanCase) {
        let environment = plan.authInfo.map { ["SSH_USER_AUTH": $0] } ?? [:]
        let chosen = Result { () throws(IdentityPlan.Refusal) in
            try IdentityPlan.choose(
                environment: environment, user: plan.user, passwordStdin: plan.passwordStdin,
                interactive: plan.interactive, isTerminal: plan.isTerminal)
        }
        #expect(chosen == plan.expected)
    }

    @Test(arguments: [
        (
            IdentityPlan.Refusal.keySessionTakesNoPassword,
            "--user and --password-stdin cannot be used in an SSH key session: the key sshd accepted already says who you are",
            true
        ),
        (.passwordStdinNeedsUser, "--password-stdin needs --user EMAIL", true),
        (.verbNeedsUser, "give --user EMAIL (and --password-stdin)", false),
        (
            .noTerminal,
            "nobody to log in: without a terminal there is no login screen; give --user EMAIL --password-stdin, or connect over SSH with a registered key",
            true
        ),
    ])
    func everyRefusalSaysWhatToDo(_ refusal: IdentityPlan.Refusal, _ words: String, _ usage: Bool) {
        #expect(refusal.message == words)
        #expect(refusal.isUsage == usage)
    }
}
