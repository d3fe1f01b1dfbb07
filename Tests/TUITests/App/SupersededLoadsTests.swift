import Testing
import ViewModels

@testable import TUI

/// A newer list cancels the loads of the one it replaces; pages of one list are left alone,
/// and scrolling one list does not grow the record without bound.
@Suite struct SupersededLoadsTests {
    private func load(generation: Int, direction: PageDirection = .append) -> Effect {
        .team(.loadMembers(generation: generation, direction: direction, query: MemberQuery()))
    }

    private func sleeper() -> Task<Void, Never> {
        Task { try? await Task.sleep(for: .seconds(60)) }
    }

    @Test func aNewGenerationCancelsTheOlderLoadsOnly() {
        var loads = SupersededLoads()
        let older = (0..<3).map { _ in sleeper() }
        for task in older { loads.track(load(generation: 1), task: task) }
        let olderRunning = older.allSatisfy { !$0.isCancelled }
        #expect(olderRunning, "pages of one list must not cancel each other")

        let newer = sleeper()
        loads.track(load(generation: 2, direction: .replace), task: newer)
        let olderCancelled = older.allSatisfy { $0.isCancelled }
        #expect(olderCancelled)
        #expect(!newer.isCancelled)
        #expect(loads.tasks.count == 1)
        newer.cancel()
    }

    @Test func scrollingOneListKeepsABoundedRecord() {
        var loads = SupersededLoads()
        var all: [Task<Void, Never>] = []
        for _ in 0..<100 {
            let task = sleeper()
            all.append(task)
            loads.track(load(generation: 7), task: task)
        }
        #expect(loads.tasks.count == SupersededLoads.trackedLimit)
        let noneCancelled = all.allSatisfy { !$0.isCancelled }
        #expect(noneCancelled)
        all.forEach { $0.cancel() }
    }

    @Test func otherEffectsAreNotTracked() {
        var loads = SupersededLoads()
        let task = sleeper()
        loads.track(.team(.loadCounts), task: task)
        #expect(loads.tasks.isEmpty)
        task.cancel()
    }
}
