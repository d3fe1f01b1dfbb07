import Domain
import Foundation
import Testing
import ViewModels

@testable import TUI

/// Every tab rendered into a canvas, compared with text snapshots in `__Snapshots__/screen-*`.
@Suite("Screens as text snapshots")
struct ScreenSnapshotTests {
    let now = ScreenFixtures.now

    private func render(_ state: AppState, _ width: Int, _ height: Int) -> Canvas {
        ConsoleScreen.render(state, size: Size(width: width, height: height), now: now)
    }

    @Test(arguments: [Tab.team, .billing, .integrations])
    func eachTabAt100x30(tab: Tab) {
        let canvas = render(ScreenFixtures.state(.owner, tab: tab), 100, 30)
        assertSnapshot(canvas, named: "screen-\(tab.rawValue)-owner-100x30")
    }

    @Test func teamTabShowsSeededMembersAndCounts() {
        let text = render(ScreenFixtures.state(.admin), 100, 30).text()
        #expect(text.contains("6 members · 4 active · 1 pending · 1 inactive"))
        for member in ScreenFixtures.members { #expect(text.contains(member.email)) }
        #expect(text.contains("Seats 5 / 25 (20%)"))
    }

    @Test func billingGaugeReadsWithoutColour() {
        let text = render(ScreenFixtures.state(.owner, tab: .billing), 100, 30).text()
        #expect(text.contains("650,000 / 1,000,000 traces (65%)"))
        #expect(text.contains("Visa ending 4242"))
        #expect(text.contains("8 days left"))
    }

    @Test(arguments: [Role.admin, .member, .viewer])
    func billingExplainsWhyToNonOwners(role: Role) {
        let canvas = render(ScreenFixtures.state(role, tab: .billing), 100, 30)
        #expect(canvas.text().contains("Only owners can view billing"))
        #expect(!canvas.text().contains("650,000"))
        assertSnapshot(canvas, named: "screen-billing-\(role.rawValue)-100x30")
    }

    @Test func integrationsAreWorstFirstWithSymbolAndWord() throws {
        let rows = render(ScreenFixtures.state(.viewer, tab: .integrations), 100, 30).rows()
        let degraded = try #require(rows.firstIndex { $0.contains("▲ degraded") })
        let healthy = try #require(rows.firstIndex { $0.contains("● healthy") })
        let unknown = try #require(rows.firstIndex { $0.contains("○ disabled") })
        #expect(degraded < healthy && healthy < unknown)
    }

    @Test func tooSmallScreenSaysWhatItNeeds() {
        let canvas = render(ScreenFixtures.state(.owner), 40, 10)
        #expect(canvas.text().contains("too small"))
        assertSnapshot(canvas, named: "screen-too-small-40x10")
    }

    @Test func hostileAndWideNamesStayInTheirColumns() {
        let hostile = ScreenFixtures.member(
            7, "Eve\u{1B}[2J\u{1B}]52;c;cGF5bG9hZA==\u{07}\u{202E}gnp.exe", "eve@example.com",
            .member, .active,
            activeHoursAgo: 3)
        let wide = ScreenFixtures.member(
            8, "山田太郎 🚀 Ünïcødé", "yamada@example.jp", .viewer, .active, activeHoursAgo: 4)
        let canvas = render(ScreenFixtures.state(.admin, members: [hostile, wide]), 100, 30)
        let text = canvas.text()
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{07}"))
        #expect(!text.contains("\u{202E}"))
        let rows = canvas.rows()
        let emailColumn = rows.compactMap { row -> Int? in
            guard let range = row.range(of: "eve@") ?? row.range(of: "yamada@") else { return nil }
            return DisplayWidth.of(String(row[..<range.lowerBound]))
        }
        #expect(emailColumn.count == 2)
        #expect(Set(emailColumn).count == 1, "emails start in the same column: \(emailColumn)")
        assertSnapshot(canvas, named: "screen-team-hostile-wide-100x30")
    }

    @Test func readOnlyShowsTheBadgeAndNoWriteKeys() {
        let text = render(ScreenFixtures.state(.owner, readOnly: true), 100, 30).text()
        #expect(text.contains("READ-ONLY"))
        #expect(!text.contains("invite a member"))
    }

    /// A request unanswered for 12 s: the status line says so, with its age, where it said
    /// "● connected"; the search typed meanwhile stays in the prompt.
    @Test func aDatabaseThatDoesNotAnswerIsNamedWithTheAgeOfTheOldestRequest() {
        var state = ScreenFixtures.state(.owner)
        _ = state.update(.team(.searchStarted), now: now)
        _ = state.update(.team(.searchEdited("car")), now: now)
        _ = state.update(.requestsWaiting(since: now.addingTimeInterval(-12.4)), now: now)
        let canvas = render(state, 100, 30)
        let lines = canvas.text().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            lines.last?.contains("database not answering (12 s)") == true, "\(lines.last ?? "")")
        #expect(!canvas.text().contains("● connected"))
        #expect(canvas.text().contains("/car"))
        assertSnapshot(canvas, named: "screen-team-not-answering-100x30")
    }

    /// What the key loop does when the status line's next second is due and nothing else is to
    /// be drawn: the line gets the new second, and no other cell of the frame changes.
    @Test func repaintingTheStatusLineChangesThatLineOnly() {
        var state = ScreenFixtures.state(.owner)
        _ = state.update(.requestsWaiting(since: now.addingTimeInterval(-5)), now: now)
        let frame = render(state, 100, 30)
        var next = frame
        ConsoleScreen.redrawStatusLine(state, busy: true, now: now.addingTimeInterval(1), on: &next)
        let before = frame.text().split(separator: "\n", omittingEmptySubsequences: false)
        let after = next.text().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(before.count == after.count)
        #expect(Array(before.dropLast()) == Array(after.dropLast()))
        #expect(before.last?.contains("database not answering (5 s)") == true)
        #expect(after.last?.contains("database not answering (6 s)") == true)
    }

    /// The loop sleeps until the line's next whole second: the earlier of its two clocks,
    /// counted from each one's own origin; nothing to wait for when it shows neither.
    @Test func theStatusLineChangesNextAtItsClocksNextWholeSecond() {
        func next(_ state: AppState, after date: Date) -> TimeInterval? {
            ConsoleScreen.nextStatusLineChange(state, after: date)?.timeIntervalSince(now)
        }
        var state = ScreenFixtures.state(.owner)
        state.lastRefresh = nil
        #expect(next(state, after: now) == nil)
        state.lastRefresh = now.addingTimeInterval(-2.25)
        #expect(abs((next(state, after: now) ?? 0) - 0.75) < 1e-6)
        _ = state.update(.requestsWaiting(since: now.addingTimeInterval(-5.5)), now: now)
        #expect(abs((next(state, after: now) ?? 0) - 0.5) < 1e-6)
        // Painted exactly on a turn: the next is the other clock's, never the same instant.
        #expect(abs((next(state, after: now.addingTimeInterval(0.5)) ?? 0) - 0.75) < 1e-6)
    }
}
