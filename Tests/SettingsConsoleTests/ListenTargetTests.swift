import Testing

@testable import settings_console

/// Where live refresh listens: the flag, else `SC_LISTEN_DATABASE`, else the console's database.
struct ListenTargetTests {
    @Test func theFlagWinsThenTheEnvironmentThenTheConsolesOwnDatabase() {
        let environment = ["SC_LISTEN_DATABASE": "host=/direct port=5432"]
        #expect(ListenTarget.resolve(flag: nil, environment: [:]) == .consoleDatabase)
        #expect(
            ListenTarget.resolve(flag: nil, environment: environment)
                == .direct("host=/direct port=5432"))
        #expect(ListenTarget.resolve(flag: "none", environment: environment) == .none)
        #expect(
            ListenTarget.resolve(flag: "host=/other", environment: [:]) == .direct("host=/other"))
        #expect(ListenTarget.resolve(flag: " ", environment: environment) == .consoleDatabase)
    }
}
