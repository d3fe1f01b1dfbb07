import Domain
import Foundation
import Testing

@testable import ViewModels

@Suite("Workspace switcher")
struct WorkspacePickerTests {
    let now = Fixtures.now

    private func memberships(current: WorkspaceID) -> [WorkspaceMembership] {
        [
            WorkspaceMembership(
                workspaceID: current, name: "Acme Corp", slug: "acme", role: .owner),
            WorkspaceMembership(
                workspaceID: WorkspaceID(UUID()), name: "Globex", slug: "globex", role: .viewer),
            WorkspaceMembership(
                workspaceID: WorkspaceID(UUID()), name: "Initech", slug: "initech", role: .admin),
        ]
    }

    @Test func colonWorkspaceWithoutANameOpensTheList() throws {
        #expect(try ConsoleCommand.parse("workspace") == .chooseWorkspace)
        var state = AppState(session: Fixtures.session(.owner), readOnly: true)
        _ = state.update(.commandLineOpened, now: now)
        _ = state.update(.commandLineEdited("workspace"), now: now)
        #expect(
            state.update(.commandLineSubmitted, now: now) == [.workspace(.loadList)],
            "allowed in read-only mode")
    }

    @Test func pickerStartsOnTheCurrentWorkspaceAndSwitchesToTheChosenOne() throws {
        var state = AppState(session: Fixtures.session(.owner), readOnly: false)
        #expect(state.update(.workspace(.pickerRequested), now: now) == [.workspace(.loadList)])
        let list = memberships(current: state.session.workspaceID)
        _ = state.update(.workspace(.listLoaded(.success(list))), now: now)
        guard case .workspacePicker(let picker) = state.dialog else {
            Issue.record("no picker"); return
        }
        #expect(picker.selected == 0)
        _ = state.update(.dialogInput(.typed("i")), now: now)
        _ = state.update(.dialogInput(.choiceMoved(-1)), now: now)
        let effects = state.update(.dialogInput(.submit), now: now)
        #expect(effects == [.workspace(.switchTo(list[1].workspaceID.description))])
        #expect(state.dialog == nil)
    }

    @Test func choosingTheCurrentWorkspaceJustCloses() {
        var state = AppState(session: Fixtures.session(.viewer), readOnly: false)
        _ = state.update(
            .workspace(.listLoaded(.success(memberships(current: state.session.workspaceID)))),
            now: now)
        #expect(state.update(.dialogInput(.submit), now: now).isEmpty)
        #expect(state.flash?.text == "Already in Acme Corp")
    }

    @Test func switchingKeepsReadOnlyAndTheCredentialsKeyProblem() {
        var state = AppState(session: Fixtures.session(.owner), readOnly: true)
        state.credentialsKeyProblem = "no key"
        _ = state.update(.workspace(.switched(.success(Fixtures.session(.viewer)))), now: now)
        #expect(state.readOnly)
        #expect(state.credentialsKeyProblem == "no key")
        #expect(state.session.role == .viewer)
    }
}
