import Domain
import Foundation
import ViewModels

/// The key loop: read a key, update the state, start effects, draw what changed.
///
/// The loop owns the terminal and the state on the main actor. Database work runs as tasks
/// on other threads and reports back through the inbox, so a slow query never freezes
/// typing or drawing; the loop waits at most 50 ms for a key before looking again.
@MainActor
public final class ConsoleRuntime {
    private var state: AppState
    private let runner: EffectRunner
    private let terminal: any Terminal
    private let keys = KeyRouter()
    private let inbox = ActionInbox()
    private var scroll = ScrollPositions()
    private var lastTick = Date.distantPast
    private var lastProbe = Date.distantPast
    private let live: LiveRefresh?
    private var feed: WorkspaceChangeFeed?
    private var lastPoll = Date()

    public init(
        state: AppState, runner: EffectRunner, terminal: any Terminal, live: LiveRefresh? = nil
    ) {
        self.state = state
        self.runner = runner
        self.terminal = terminal
        self.live = live
    }

    /// Runs until the user quits; returns the final state.
    public func run() -> AppState {
        start(AppState.initialEffects(for: state))
        defer { feed?.stop() }
        var needsDraw = true
        while !state.isQuitting {
            followWorkspace()
            for action in inbox.drain() {
                apply(action)
                needsDraw = true
            }
            let now = Date()
            if now.timeIntervalSince(lastTick) >= 1 {
                lastTick = now
                apply(.ticked(now))
                needsDraw = true
                if state.connection == .reconnecting, now.timeIntervalSince(lastProbe) >= 2 {
                    lastProbe = now
                    start(state.reconnectProbe())
                }
                if let live, live.pollInterval > 0,
                    now.timeIntervalSince(lastPoll) >= live.pollInterval
                {
                    lastPoll = now
                    apply(.pollDue)
                }
            }
            if needsDraw {
                let busy = inbox.inFlight.load(ordering: .relaxed) > 0
                terminal.draw(
                    ConsoleScreen.render(
                        state, size: terminal.size, busy: busy, now: now, scroll: &scroll))
                needsDraw = false
            }
            guard let key = terminal.readKey(timeoutMilliseconds: 50) else { continue }
            needsDraw = true
            if key == .resize { continue }
            if let lines = keys.helpScroll(for: key, in: state) {
                scroll.help += lines
                continue
            }
            if let action = keys.action(for: key, in: state) {
                apply(action)
            }
        }
        return state
    }

    /// Listens to the workspace on screen; a workspace switch moves the feed with it.
    private func followWorkspace() {
        guard let live, live.listens, feed?.session.workspaceID != state.session.workspaceID else {
            return
        }
        feed?.stop()
        let inbox = self.inbox
        let next = WorkspaceChangeFeed(client: live.client, session: state.session) { event in
            switch event {
            case .listening: inbox.post(.liveUpdatesChanged(.listening))
            case .lost: inbox.post(.liveUpdatesChanged(.polling))
            case .changed(let payloads):
                inbox.post(.settingsChanged(Set(payloads.compactMap(LiveView.init(rawValue:)))))
            }
        }
        feed = next
        next.start()
    }

    private func apply(_ action: AppAction) {
        start(state.update(action, now: Date()))
    }

    private func start(_ effects: [Effect]) {
        for effect in effects {
            let runner = self.runner
            let inbox = self.inbox
            inbox.inFlight.add(1, ordering: .relaxed)
            Task.detached {
                inbox.post(await runner.run(effect))
                inbox.inFlight.subtract(1, ordering: .relaxed)
            }
        }
    }
}
