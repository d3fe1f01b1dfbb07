import ViewModels

/// The member-list loads in flight, so that a newer search or order cancels the loads it
/// replaces: their statements stop on the server (`PQcancel`) instead of queueing the new
/// one behind them. Loads of the same generation (pages of one list) are left to finish.
struct SupersededLoads {
    /// Loads of one list kept for cancelling. The view's window is five pages, and a page
    /// load ends in milliseconds, so older ones have long finished: without a bound, scrolling
    /// one list for an hour would keep a handle per page.
    static let trackedLimit = 8

    private var generation: Int?
    private(set) var tasks: [Task<Void, Never>] = []

    /// Records the task running `effect`; a member load of a new generation cancels the older
    /// ones. Other effects are not tracked.
    mutating func track(_ effect: Effect, task: Task<Void, Never>) {
        guard case .team(.loadMembers(let newGeneration, _, _)) = effect else { return }
        if generation != newGeneration {
            tasks.forEach { $0.cancel() }
            tasks.removeAll()
            generation = newGeneration
        }
        tasks.append(task)
        if tasks.count > Self.trackedLimit {
            tasks.removeFirst(tasks.count - Self.trackedLimit)
        }
    }
}
