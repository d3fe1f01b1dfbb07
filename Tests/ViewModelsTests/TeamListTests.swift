import Domain
import Foundation
import Testing

@testable import ViewModels

@Suite("Team list: a bounded window over keyset pages")
struct TeamListTests {
    let now = Fixtures.now

    /// An admin's Team list showing its first 200 rows, with more after them.
    private func firstPageShown() -> AppState {
        var state = AppState(session: Fixtures.session(.admin), readOnly: false)
        _ = state.update(
            .team(
                .membersLoaded(
                    generation: 0, direction: .replace,
                    .success(Fixtures.page(0..<200, hasMore: true)))),
            now: now)
        return state
    }

    @Test func firstLoadReplacesRowsAndRemembersMore() {
        var state = AppState(session: Fixtures.session(.admin), readOnly: false)
        let effects = AppState.initialEffects(for: state)
        #expect(effects.contains(.team(.loadCounts)))
        _ = state.update(
            .team(
                .membersLoaded(
                    generation: 0, direction: .replace,
                    .success(Fixtures.page(0..<200, hasMore: true)))),
            now: now)
        #expect(state.team.rows.count == 200)
        #expect(state.team.hasAfter)
        #expect(!state.team.hasBefore)
        #expect(state.lastRefresh == now)
    }

    @Test func movingNearTheEndFetchesTheNextPageAfterTheLastRow() throws {
        var state = AppState(session: Fixtures.session(.admin), readOnly: false)
        let page = Fixtures.page(0..<200, hasMore: true)
        _ = state.update(
            .team(.membersLoaded(generation: 0, direction: .replace, .success(page))), now: now)
        #expect(state.update(.moved(10), now: now).isEmpty, "far from the edge: no fetch")
        let effects = state.update(.moved(150), now: now)
        guard case .team(.loadMembers(_, .append, let query)) = try #require(effects.first) else {
            Issue.record("expected an append load, got \(effects)")
            return
        }
        #expect(query.after == page.last)
        #expect(state.update(.moved(1), now: now).isEmpty, "one fetch at a time")
    }

    @Test func windowNeverHoldsMoreThanItsLimit() {
        var state = firstPageShown()
        for start in stride(from: 200, to: 3000, by: 200) {
            _ = state.update(
                .team(
                    .membersLoaded(
                        generation: state.team.generation, direction: .append,
                        .success(Fixtures.page(start..<(start + 200), hasMore: true)))), now: now)
        }
        #expect(state.team.rows.count == TeamState.windowLimit)
        #expect(state.team.hasBefore, "rows were dropped from the top")
    }

    @Test func jumpToEndLoadsTheLastPageInReverse() throws {
        var state = firstPageShown()
        let effects = state.update(.movedToBottom, now: now)
        guard
            case .team(.loadMembers(let generation, .end, let query)) = try #require(effects.first)
        else {
            Issue.record("expected an end load, got \(effects)")
            return
        }
        #expect(query.ascending == false)
        #expect(query.after == nil)
        let reversedTail = Fixtures.page(9800..<10000, hasMore: true)
        let backwards = MemberPage(
            members: reversedTail.members.reversed(), cursors: reversedTail.cursors.reversed(),
            hasMore: true)
        _ = state.update(
            .team(.membersLoaded(generation: generation, direction: .end, .success(backwards))),
            now: now)
        #expect(state.team.rows.last?.email == "user9999@example.com")
        #expect(state.team.selected == state.team.rows.count - 1)
        #expect(state.team.hasBefore)
        #expect(!state.team.hasAfter)
    }

    /// The last page of `range`, as the store answers a reversed query: backwards.
    private func reversedPage(_ range: Range<Int>) -> MemberPage {
        let page = Fixtures.page(range, hasMore: true)
        return MemberPage(
            members: page.members.reversed(), cursors: page.cursors.reversed(), hasMore: true)
    }

    @Test func aFirstPageWithMoreFetchesTheLastPageAhead() throws {
        var state = AppState(session: Fixtures.session(.admin), readOnly: false)
        let effects = state.update(
            .team(
                .membersLoaded(
                    generation: 0, direction: .replace,
                    .success(Fixtures.page(0..<200, hasMore: true)))),
            now: now)
        guard
            case .team(.loadMembers(0, .prefetchEnd, let query)) = try #require(effects.last)
        else {
            Issue.record("expected the last page fetched ahead, got \(effects)")
            return
        }
        #expect(query.ascending == false)
        #expect(query.after == nil)
        #expect(!state.team.isLoading, "the page fetched ahead does not hold up paging")
        #expect(effects.last?.isFetchAhead == true)
        #expect(effects.dropLast().allSatisfy { !$0.isFetchAhead })

        var short = AppState(session: Fixtures.session(.admin), readOnly: false)
        let none = short.update(
            .team(
                .membersLoaded(
                    generation: 0, direction: .replace,
                    .success(Fixtures.page(0..<5, hasMore: false)))),
            now: now)
        let fetchesAhead = none.contains {
            if case .team(.loadMembers(_, .prefetchEnd, _)) = $0 { return true }
            return false
        }
        #expect(!fetchesAhead, "a list of one page has nothing more to fetch")
    }

    @Test func jumpToEndShowsThePageFetchedAheadWithoutAQuery() {
        var state = firstPageShown()
        _ = state.update(
            .team(
                .membersLoaded(
                    generation: 0, direction: .prefetchEnd, .success(reversedPage(9800..<10000)))),
            now: now)
        #expect(state.team.rows.first?.email == "user0@example.com", "kept aside, not shown")

        let effects = state.update(.movedToBottom, now: now)
        #expect(effects.isEmpty)
        #expect(state.team.rows.last?.email == "user9999@example.com")
        #expect(state.team.selected == state.team.rows.count - 1)
        #expect(state.team.hasBefore)
        #expect(!state.team.hasAfter)
    }

    @Test func aPageFetchedAheadForAnOlderListIsNotShown() throws {
        var state = firstPageShown()
        _ = state.update(
            .team(
                .membersLoaded(
                    generation: 0, direction: .prefetchEnd, .success(reversedPage(9800..<10000)))),
            now: now)
        _ = state.update(.team(.statusFilterCycled), now: now)
        _ = state.update(
            .team(
                .membersLoaded(
                    generation: state.team.generation, direction: .replace,
                    .success(Fixtures.page(0..<200, hasMore: true)))),
            now: now)
        let effects = state.update(.movedToBottom, now: now)
        guard case .team(.loadMembers(_, .end, _)) = try #require(effects.first) else {
            Issue.record("expected the last page read now, got \(effects)")
            return
        }
    }

    @Test func lateAnswersToAnOldQueryAreIgnored() {
        var state = AppState(session: Fixtures.session(.admin), readOnly: false)
        let old = state.team.generation
        _ = state.update(.team(.statusFilterCycled), now: now)
        _ = state.update(
            .team(
                .membersLoaded(
                    generation: old, direction: .replace,
                    .success(Fixtures.page(0..<5, hasMore: false))
                )), now: now)
        #expect(state.team.rows.isEmpty)
    }

    @Test func filtersCycleThroughEveryValueAndOff() {
        var state = AppState(session: Fixtures.session(.viewer), readOnly: false)
        var seen: [MemberStatus?] = []
        for _ in 0..<4 {
            _ = state.update(.team(.statusFilterCycled), now: now)
            seen.append(state.team.query.status)
        }
        #expect(seen == [.pending, .active, .inactive, nil])
    }

    @Test func sortingTheSameColumnTwiceFlipsDirection() {
        var state = AppState(session: Fixtures.session(.viewer), readOnly: false)
        _ = state.update(.team(.sortRequested(.email)), now: now)
        #expect(state.team.query.sort == .email && state.team.query.ascending)
        let effects = state.update(.team(.sortRequested(.email)), now: now)
        #expect(!state.team.query.ascending)
        #expect(effects.count == 1)
    }

    @Test func searchAppliesAsYouTypeAndEscClosesIt() {
        var state = AppState(session: Fixtures.session(.viewer), readOnly: false)
        _ = state.update(.team(.searchStarted), now: now)
        let effects = state.update(.team(.searchEdited("ann")), now: now)
        #expect(state.team.query.search == "ann")
        #expect(effects == [.team(.settleSearch(generation: state.team.generation))])
        let settled = state.update(
            .team(.searchSettled(generation: state.team.generation)), now: now)
        guard case .team(.loadMembers(_, .replace, let query)) = settled.first else {
            Issue.record("expected the search to be sent once settled, got \(settled)")
            return
        }
        #expect(query.search == "ann")
        _ = state.update(.escapePressed, now: now)
        #expect(state.team.searchDraft == nil)
        #expect(state.team.query.search == "ann", "Esc closes the prompt, the filter stays")
    }

    @Test func loadFailureShowsTheErrorAndMarksTheConnection() {
        var state = AppState(session: Fixtures.session(.viewer), readOnly: false)
        _ = state.update(
            .team(
                .membersLoaded(
                    generation: 0, direction: .replace, .failure(.unavailable(reason: "down")))),
            now: now)
        #expect(state.connection == .reconnecting)
        #expect(state.flash?.level == .error)
        _ = state.update(
            .team(
                .membersLoaded(
                    generation: 0, direction: .replace,
                    .success(Fixtures.page(0..<3, hasMore: false)))),
            now: now)
        #expect(state.connection == .connected)
    }
}

/// A burst of keystrokes sends one search: every key but the last is superseded before its
/// search is sent.
@Suite struct SearchDebounceTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func aBurstOfKeysSendsOnlyTheLastSearch() {
        var state = AppState(session: Fixtures.session(.viewer), readOnly: false)
        _ = state.update(.team(.searchStarted), now: now)
        var pending: [Effect] = []
        for prefix in ["u", "us", "use", "user7"] {
            pending += state.update(.team(.searchEdited(prefix)), now: now)
        }
        #expect(pending.count == 4)
        var sent: [MemberQuery] = []
        for effect in pending {
            guard case .team(.settleSearch(let generation)) = effect else { continue }
            for next in state.update(.team(.searchSettled(generation: generation)), now: now) {
                if case .team(.loadMembers(_, _, let query)) = next { sent.append(query) }
            }
        }
        #expect(sent.map(\.search) == ["user7"])
    }
}
