import Foundation

/// One screen of the program as the key loop runs it: its state, how keys become actions,
/// how actions change the state and which effects they start, how effects run, and how the
/// state is drawn. The console and the login screen are each one of these.
public struct Program<State, Action: Sendable, Effect: Sendable> {
    /// Applies an action at `now`; returns the effects to start.
    var update: @MainActor (inout State, Action, Date) -> [Effect]
    /// Runs one effect off the loop and answers with the action reporting its result.
    var run: @Sendable (Effect) async -> Action
    /// The action a key stands for in `state` on a screen of `size`, if any.
    var action: @MainActor (Key, State, Size) -> Action?
    /// The whole screen; `busy` is whether effects are still running.
    var render: @MainActor (State, Size, _ busy: Bool, Date) -> Canvas
    /// Whether the loop is done (the user quit, or logged in).
    var isFinished: @MainActor (State) -> Bool
    /// The status line's clocks, repainted alone when they tick over; nil when nothing on
    /// the screen changes by itself.
    var statusLine: StatusLineClock<State>? = nil
    /// Whether the screen shows the effect as work in progress: not for work fetched ahead,
    /// which nobody waits for and whose answer changes nothing on screen.
    var showsBusy: @MainActor (Effect) -> Bool = { _ in true }
}

/// A status line that changes by itself ("refreshed 5s ago"): when it next does, and how to
/// repaint it alone over the last frame. The two come together, so the loop cannot be told to
/// repaint a line without being told when, or the other way round.
struct StatusLineClock<State> {
    /// When the line next shows something new by itself (a clock's next whole second) after
    /// it was painted at the given time; nil while it shows no clock. The loop sleeps until
    /// then instead of looking every few milliseconds.
    var nextChange: @MainActor (State, _ paintedAt: Date) -> Date?
    /// Paints the line over `canvas`, the frame on screen.
    var repaint: @MainActor (State, _ busy: Bool, Date, inout Canvas) -> Void
}

/// The key loop: read a key, update the state, start effects, draw what changed.
///
/// The loop owns the terminal and the state on the main actor. Effects run as tasks on other
/// threads and report back through the inbox, so a slow query never freezes typing or
/// drawing. Between keys the loop sleeps until something is due (the once-a-second tick, the
/// status line's next second); an answer arriving meanwhile ends the wait at once
/// (`WakeUpPipe`), and so does a resize. Idle, it wakes about twice a second.
@MainActor
final class ProgramLoop<State, Action: Sendable, Effect: Sendable> {
    private(set) var state: State
    private let program: Program<State, Action, Effect>
    let terminal: any Terminal
    /// Where effects and outside sources (the live feed) post actions.
    let inbox = Inbox<Action>()
    /// Called once a second with the time: the console's clock, poll and reconnect probe.
    var everySecond: ((ProgramLoop, Date) -> Void)?
    /// Called before each pass: the console moves its live feed to the workspace on screen.
    var beforeEachPass: ((ProgramLoop) -> Void)?
    /// Told of each effect's task as it starts: the console cancels superseded member loads.
    var didStart: ((Effect, Task<Void, Never>) -> Void)?
    /// Told of the state each frame was drawn from: the console's start-up trace.
    var didDraw: ((State) -> Void)?
    private var lastTick = Date.distantPast
    /// The frame on screen, whose status line `Program.statusLine` repaints in place.
    private var lastFrame: Canvas?
    /// When the status line was last painted, with the whole frame or alone.
    private var statusPaintedAt = Date.distantPast
    /// The time; tests pass a clock they move themselves.
    private let clock: @MainActor () -> Date

    /// The longest the loop sleeps between passes, even with nothing due.
    static var longestWaitMilliseconds: Int { 1000 }

    init(
        state: State, program: Program<State, Action, Effect>, terminal: any Terminal,
        clock: @escaping @MainActor () -> Date = { Date() }
    ) {
        self.state = state
        self.program = program
        self.terminal = terminal
        self.clock = clock
    }

    /// Runs until the program is finished, starting with `effects`; returns the final state.
    func run(starting effects: [Effect] = []) -> State {
        start(effects)
        var needsDraw = true
        while !program.isFinished(state) {
            beforeEachPass?(self)
            for action in inbox.drain() {
                apply(action)
                needsDraw = true
            }
            if program.isFinished(state) { break }
            let now = clock()
            if let everySecond, now.isAtLeast(1, awayFrom: lastTick) {
                lastTick = now
                everySecond(self, now)
                needsDraw = true
            }
            if needsDraw {
                let frame = program.render(state, terminal.size, inbox.isBusy, now)
                terminal.draw(frame)
                lastFrame = frame
                statusPaintedAt = now
                needsDraw = false
                didDraw?(state)
            } else if let statusLine = program.statusLine, var frame = lastFrame,
                let change = nextStatusChange(), change <= now
            {
                // Drawn only when the line shows something new (a second more).
                statusLine.repaint(state, inbox.isBusy, now, &frame)
                statusPaintedAt = now
                if frame != lastFrame {
                    terminal.draw(frame)
                    lastFrame = frame
                }
            }
            let wait = waitMilliseconds()
            guard let key = terminal.readKey(timeoutMilliseconds: wait, wakeUp: inbox.wakeUp)
            else { continue }
            needsDraw = true
            handleBurst(startingWith: key)
        }
        return state
    }

    /// Applies `key` and every key already waiting behind it, so the next frame is drawn once
    /// for the whole burst: drawing after each key let a fast typist (or a paste, or the monkey)
    /// outrun the loop and build a backlog. Each key still goes through `action` with the state
    /// the keys before it left, exactly as one at a time.
    private func handleBurst(startingWith first: Key) {
        var key: Key? = first
        var handled = 0
        while let current = key {
            if current != .resize, let action = program.action(current, state, terminal.size) {
                apply(action)
            }
            handled += 1
            guard handled < Self.burstLimit, !program.isFinished(state) else { return }
            key = terminal.readKey(timeoutMilliseconds: 0)
        }
    }

    /// When the status line next changes by itself, if it ever does.
    private func nextStatusChange() -> Date? {
        program.statusLine?.nextChange(state, statusPaintedAt)
    }

    /// How long to sleep for a key: until the next tick or the status line's next change,
    /// whichever comes first, rounded up so the loop wakes after it rather than just before.
    private func waitMilliseconds() -> Int {
        var due = [nextStatusChange()].compactMap { $0 }
        if everySecond != nil { due.append(lastTick.addingTimeInterval(1)) }
        guard let first = due.min() else { return Self.longestWaitMilliseconds }
        let milliseconds = (first.timeIntervalSince(clock()) * 1000).rounded(.up)
        return Int(min(max(milliseconds, 0), Double(Self.longestWaitMilliseconds)))
    }

    /// At most this many keys between two frames, so a key held down still shows progress.
    static var burstLimit: Int { 64 }

    /// Applies an action now and starts the effects it asks for.
    func apply(_ action: Action) {
        start(program.update(&state, action, clock()))
    }

    /// Starts effects off the loop; each answer arrives through the inbox.
    func start(_ effects: [Effect]) {
        for effect in effects {
            let run = program.run
            let inbox = self.inbox
            let ticket = inbox.begin(at: clock(), showsBusy: program.showsBusy(effect))
            let task = Task.detached {
                inbox.finish(ticket, posting: await run(effect))
            }
            didStart?(effect, task)
        }
    }
}
