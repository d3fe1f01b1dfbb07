import Domain
import Foundation
import Testing

@testable import ViewModels

@Suite struct CommandLineTests {
    @Test(arguments: [
        ("team", ConsoleCommand.open(.team)),
        ("billing", .open(.billing)),
        ("audit", .open(.audit)),
        ("q", .quit),
        ("workspace Acme Corp", .workspace("Acme Corp")),
        ("invite a@example.com viewer", .invite(email: "a@example.com", role: .viewer)),
        ("role a@example.com Admin", .member(email: "a@example.com", verb: .changeRole(.admin))),
        ("remove a@example.com", .member(email: "a@example.com", verb: .remove)),
    ])
    func parsesKnownVerbs(text: String, expected: ConsoleCommand) throws {
        #expect(try ConsoleCommand.parse(text) == expected)
    }

    @Test(arguments: [
        "", "frobnicate", "invite a@example.com", "role a@example.com superuser", "team extra",
    ])
    func rejectsWithAUsefulMessage(text: String) {
        let error = #expect(throws: DomainError.self) { try ConsoleCommand.parse(text) }
        guard case .invalid(let field, let reason) = error else {
            Issue.record("wrong error \(String(describing: error))"); return
        }
        #expect(field == "command" || field == "role")
        #expect(!reason.isEmpty)
    }

    @Test func commandLineSwitchesTabsAndRefusesWritesWhenReadOnly() {
        var state = AppState(session: Fixtures.session(.owner), readOnly: true)
        _ = state.update(.commandLineOpened, now: Fixtures.now)
        _ = state.update(.commandLineEdited("billing"), now: Fixtures.now)
        _ = state.update(.commandLineSubmitted, now: Fixtures.now)
        #expect(state.tab == .billing)
        _ = state.update(.commandLineOpened, now: Fixtures.now)
        _ = state.update(.commandLineEdited("invite x@example.com viewer"), now: Fixtures.now)
        #expect(state.update(.commandLineSubmitted, now: Fixtures.now).isEmpty)
        #expect(state.flash?.text.contains("Read-only") == true)
    }

    @Test func flashesExpireOnTheTickAfterTheirTime() {
        var state = AppState(session: Fixtures.session(.viewer), readOnly: false)
        _ = state.update(.refreshRequested, now: Fixtures.now)
        #expect(state.flash != nil)
        _ = state.update(.ticked(Fixtures.now.addingTimeInterval(1)), now: Fixtures.now)
        #expect(state.flash != nil)
        _ = state.update(.ticked(Fixtures.now.addingTimeInterval(10)), now: Fixtures.now)
        #expect(state.flash == nil)
    }
}
