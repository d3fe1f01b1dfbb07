import Foundation
import ViewModels

/// The console on the program loop: `AppState`'s update and keys, effects run by the
/// `EffectRunner`, and what only the console does once a second (the clock, the poll, the
/// reconnect probe) and before each pass (following the workspace with the live feed, and
/// reporting how long the oldest request has waited).
@MainActor
public final class ConsoleRuntime {
    private let loop: ProgramLoop<AppState, AppAction, Effect>
    private let live: LiveRefresh?
    private var feed: LiveFeed?
    private var lastProbe = Date.distantPast
    private var lastPoll = Date()
    private var memberLoads = SupersededLoads()

    public init(
        state: AppState, runner: EffectRunner, terminal: any Terminal, live: LiveRefresh? = nil
    ) {
        self.live = live
        loop = ProgramLoop(state: state, program: Self.program(runner), terminal: terminal)
        loop.everySecond = { [unowned self] loop, now in self.tick(loop, now) }
        loop.beforeEachPass = { [unowned self] loop in
            self.followWorkspace(loop)
            self.reportWaiting(loop)
        }
        loop.didStart = { [unowned self] effect, task in self.memberLoads.track(effect, task: task)
        }
        loop.didDraw = Self.traceStartup(drawn:)
    }

    /// Runs until the user quits; returns the final state.
    public func run() -> AppState {
        defer { feed?.stop() }
        return loop.run(starting: AppState.initialEffects(for: loop.state))
    }

    /// The console as a program: keys through the router, the screen from `ConsoleScreen`
    /// (which keeps the lists' scroll positions between frames).
    static func program(_ runner: EffectRunner) -> Program<AppState, AppAction, Effect> {
        let keys = KeyRouter()
        var scroll = ScrollPositions()
        return Program(
            update: { state, action, now in
                traceStartup(arrived: action)
                return state.update(action, now: now)
            },
            run: { effect in await runner.run(effect) },
            action: { key, state, size in keys.action(for: key, in: state, size: size) },
            render: { state, size, busy, now in
                ConsoleScreen.render(state, size: size, busy: busy, now: now, scroll: &scroll)
            },
            isFinished: \.isQuitting,
            statusLine: StatusLineClock(
                nextChange: { state, paintedAt in
                    ConsoleScreen.nextStatusLineChange(state, after: paintedAt)
                },
                repaint: { state, busy, now, frame in
                    ConsoleScreen.redrawStatusLine(state, busy: busy, now: now, on: &frame)
                }),
            showsBusy: { !$0.isFetchAhead })
    }

    /// Tells the state when the oldest request still in flight was sent, whenever that
    /// changes, so the status line can say how long the database has not answered.
    private func reportWaiting(_ loop: ProgramLoop<AppState, AppAction, Effect>) {
        let since = loop.inbox.oldestStart
        if since != loop.state.requestsWaitingSince { loop.apply(.requestsWaiting(since: since)) }
    }

    /// Start-up steps for `SC_STARTUP_TRACE`: the first counts and page reaching the loop.
    private static func traceStartup(arrived action: AppAction) {
        switch action {
        case .team(.countsLoaded): StartupTrace.mark(.countsLoaded)
        case .team(.membersLoaded): StartupTrace.mark(.firstPageLoaded)
        default: break
        }
    }

    /// Start-up steps for `SC_STARTUP_TRACE`: the first frame, and the first with member rows.
    private static func traceStartup(drawn state: AppState) {
        StartupTrace.mark(state.team.rows.isEmpty ? .firstFrame : .firstFullFrame)
    }

    /// The clock (flash expiry, "refreshed 5s ago"), the reconnect probe, and the poll.
    private func tick(_ loop: ProgramLoop<AppState, AppAction, Effect>, _ now: Date) {
        loop.apply(.ticked(now))
        if loop.state.connection == .reconnecting, now.isAtLeast(2, awayFrom: lastProbe) {
            lastProbe = now
            loop.start(loop.state.reconnectProbe())
        }
        if let live, live.pollInterval > 0, now.isAtLeast(live.pollInterval, awayFrom: lastPoll) {
            lastPoll = now
            loop.apply(.pollDue)
        }
    }

    /// Listens to the workspace on screen; a workspace switch moves the feed with it. The
    /// feed's own connection waits until the loads in flight are answered, so at start-up it
    /// does not compete with the first page for the two cores.
    private func followWorkspace(_ loop: ProgramLoop<AppState, AppAction, Effect>) {
        guard let live, live.listens, feed?.workspaceID != loop.state.session.workspaceID,
            !loop.inbox.isBusy
        else {
            return
        }
        feed?.stop()
        let inbox = loop.inbox
        feed = live.follow(loop.state.session) { inbox.post($0) }
    }
}
