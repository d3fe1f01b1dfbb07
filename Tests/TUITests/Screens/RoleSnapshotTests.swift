import Domain
import Foundation
import Testing
import ViewModels

@testable import TUI

/// Every view for every role at 80x24 and 120x40 (`__Snapshots__/role-*`), with the key
/// hints and help each role gets: unavailable actions stay listed, dimmed, with the reason.
@Suite("Views and help per role")
struct RoleSnapshotTests {
    let now = ScreenFixtures.now

    private func render(_ state: AppState, _ size: SnapshotSize) -> Canvas {
        ConsoleScreen.render(state, size: Size(width: size.width, height: size.height), now: now)
    }

    @Test(arguments: Role.allCases, SnapshotView.allCases)
    func everyViewForEveryRole(role: Role, view: SnapshotView) {
        for size in SnapshotSize.both {
            let canvas = render(ScreenFixtures.viewState(role, view), size)
            // The viewer's small screens keep their styles: dimmed keys are the point there.
            assertSnapshot(
                canvas, named: "role-\(role.rawValue)-\(view.rawValue)-\(size)",
                styled: role == .viewer && size.width == 80)
            #expect(canvas.text().contains("(\(role.rawValue))"), "the status line names the role")
        }
    }

    @Test(arguments: Role.allCases, [Tab.team, .billing, .integrations, .audit])
    func helpForEveryRoleAndTab(role: Role, tab: Tab) {
        var state = ScreenFixtures.viewState(
            role, tab == .audit ? .audit : SnapshotView(rawValue: tab.rawValue) ?? .team)
        _ = state.update(.helpToggled, now: now)
        for size in SnapshotSize.both {
            assertSnapshot(
                render(state, size), named: "help-\(tab.rawValue)-\(role.rawValue)-\(size)")
        }
    }

    @Test func helpScrollsSoEveryKeyCanBeReadAt80x24() throws {
        var state = ScreenFixtures.viewState(.owner, .team)
        _ = state.update(.helpToggled, now: now)
        let router = KeyRouter()
        #expect(router.helpScroll(for: .character("j"), in: state) == 1)
        #expect(router.helpScroll(for: .character("G"), in: state) == 10_000)
        #expect(
            router.helpScroll(for: .character("j"), in: ScreenFixtures.viewState(.owner, .team))
                == nil)
        let size = Size(width: 80, height: 24)
        let action = try #require(router.action(for: .character("G"), in: state, size: size))
        guard case .helpScrolled(let line) = action else {
            Issue.record("G in help is not a scroll: \(action)")
            return
        }
        #expect(line > 0 && line < 100, "clamped to the last page: \(line)")
        _ = state.update(action, now: now)
        let canvas = ConsoleScreen.render(state, size: size, now: now)
        #expect(canvas.text().contains("Quit"))
        #expect(!canvas.text().contains("more"))
        assertSnapshot(canvas, named: "help-team-owner-scrolled-80x24")
        #expect(
            router.action(for: .character("j"), in: state, size: size) == action,
            "no further than the last page")
        _ = state.update(.escapePressed, now: now)
        _ = state.update(.helpToggled, now: now)
        #expect(state.helpScroll == 0, "reopening help starts at the top")
    }

    @Test(arguments: [Role.admin, .member, .viewer])
    func billingKeysAreListedDimmedWithTheReasonForNonOwners(role: Role) throws {
        let state = ScreenFixtures.viewState(role, .billing)
        let items = ConsoleKeys.help(for: state).filter { $0.section == "Billing" }
        #expect(items.map(\.keyLabel) == ["p", "c", "u"])
        for item in items {
            #expect(!item.isEnabled)
            #expect(item.disabledReason == "Only owners can change the plan")
        }
    }

    @Test(arguments: [Role.member, .viewer])
    func integrationKeysAreListedDimmedWithTheReason(role: Role) {
        let state = ScreenFixtures.viewState(role, .integrations)
        let items = ConsoleKeys.help(for: state).filter {
            $0.section == "Integrations" && $0.keyLabel != "Enter"
        }
        #expect(items.count == 5)
        #expect(
            items.allSatisfy {
                $0.disabledReason == "Only admins and owners can manage integrations"
            })
    }

    @Test func pressingADimmedKeyFlashesWhyInTheMessageLine() throws {
        let viewer = ScreenFixtures.viewState(.viewer, .billing)
        let action = try #require(ConsoleKeys.map(for: viewer).action(for: .character("p")))
        let state = ScreenFixtures.after([action], from: viewer)
        #expect(state.dialog == nil)
        for size in SnapshotSize.both {
            let canvas = render(state, size)
            #expect(canvas.rows()[size.height - 2].contains("Only owners can change the plan"))
            assertSnapshot(
                canvas, named: "flash-viewer-billing-denied-\(size)", styled: size.width == 80)
        }
    }

    @Test(arguments: [Tab.team, .billing, .integrations, .audit])
    func readOnlyHasNoWriteBindingsOnAnyTab(tab: Tab) {
        var state = ScreenFixtures.viewState(.owner, .team, readOnly: true)
        state.tab = tab
        let map = ConsoleKeys.map(for: state)
        #expect(map.bindings.allSatisfy { !$0.isWrite })
        for key: Character in ["i", "c", "d", "a", "X", "s", "x", "p", "u", "e", " ", "t"] {
            if let action = map.action(for: .character(key)) {
                #expect(!Self.isWrite(action), "\(key) still writes on \(tab)")
            }
        }
    }

    /// A write key in read-only mode still reaches the view-model, which says why nothing
    /// happens; help keeps not listing it.
    @Test(arguments: [
        (SnapshotView.team, Key.character("X")), (.billing, .character("p")),
        (.integrations, .character(" ")),
    ])
    func readOnlyWriteKeysFlashTheReason(view: SnapshotView, key: Key) throws {
        var state = ScreenFixtures.viewState(.owner, view, readOnly: true)
        let action = try #require(KeyRouter().action(for: key, in: state))
        #expect(Self.isWrite(action))
        #expect(state.update(action, now: now).isEmpty)
        #expect(state.dialog == nil)
        #expect(render(state, .small).text().contains("Read-only mode: changes are disabled"))
        #expect(ConsoleKeys.map(for: state).action(for: key) == nil, "help does not list it")
    }

    @Test func readOnlyScreensShowTheBadge() {
        for view in [SnapshotView.team, .billing, .integrations] {
            let canvas = render(ScreenFixtures.viewState(.owner, view, readOnly: true), .small)
            #expect(canvas.text().contains("READ-ONLY"))
            assertSnapshot(canvas, named: "readonly-owner-\(view.rawValue)-80x24")
        }
    }

    /// Write actions, named the way the key map's `isWrite` should agree with.
    static func isWrite(_ action: AppAction) -> Bool {
        switch action {
        case .team(.command), .billing(.command), .integration(.command): return true
        default: return false
        }
    }
}
