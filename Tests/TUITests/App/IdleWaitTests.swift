import Foundation
import Testing

@testable import TUI

/// The key loop sleeps until something is due instead of looking every 50 ms (issue 11: ~0%
/// CPU while idle), yet a clock on the status line still turns over on its second. Time here
/// is the terminal's own: each wait for a key moves it on by the wait asked for, as a real
/// terminal with no key pressed would.
@MainActor
@Suite("The key loop while idle")
struct IdleWaitTests {
    /// A terminal where no key is ever pressed until `quitAt`, whose waits take exactly the
    /// time asked; it records each wait and the time of each frame.
    final class ClockedTerminal: Terminal {
        let size = Size(width: 30, height: 2)
        private(set) var now: Date
        private(set) var waits: [Int] = []
        private(set) var frames: [(at: Date, text: String)] = []

        /// Waits left until the clock is set back an hour (nil: never).
        var readsBeforeClockSetBack: Int?
        private var waited: TimeInterval = 0
        private let idleFor: TimeInterval

        init(start: Date, idleFor seconds: TimeInterval) {
            now = start
            idleFor = seconds
        }

        func draw(_ canvas: Canvas) {
            frames.append((now, canvas.text().split(separator: "\n").last.map(String.init) ?? ""))
        }

        func readKey(timeoutMilliseconds: Int) -> Key? {
            waits.append(timeoutMilliseconds)
            now = now.addingTimeInterval(Double(timeoutMilliseconds) / 1000)
            waited += Double(timeoutMilliseconds) / 1000
            if let left = readsBeforeClockSetBack {
                readsBeforeClockSetBack = left - 1
                if left == 0 { now = now.addingTimeInterval(-3600) }
            }
            return waited >= idleFor ? .character("q") : nil
        }

        func shutdown() {}
    }

    /// A screen whose bottom line counts whole seconds since `origin`, like "refreshed 5s ago".
    struct Clocked {
        var origin: Date
        var quit = false

        func line(_ now: Date) -> String { "\(Int(now.timeIntervalSince(origin).rounded(.down)))s" }
    }

    enum NoEffect: Sendable { case none }

    private static func program(statusLine: Bool) -> Program<Clocked, Bool, NoEffect> {
        var program = Program<Clocked, Bool, NoEffect>(
            update: { state, quit, _ in
                state.quit = quit
                return []
            },
            run: { _ in false },
            action: { key, _, _ in key == .character("q") ? true : nil },
            render: { state, size, _, now in
                var canvas = Canvas(size: size)
                canvas.write(state.line(now), x: 0, y: 1)
                return canvas
            },
            isFinished: \.quit)
        guard statusLine else { return program }
        program.statusLine = StatusLineClock(
            nextChange: { state, paintedAt in paintedAt.nextWholeSecond(countedFrom: state.origin)
            },
            repaint: { state, _, now, canvas in
                canvas.write(String(repeating: " ", count: canvas.size.width), x: 0, y: 1)
                canvas.write(state.line(now), x: 0, y: 1)
            })
        return program
    }

    private let start = Date(timeIntervalSinceReferenceDate: 800_000_000)

    @Test func tenIdleSecondsTakeAboutTwoWakeUpsASecondAndNoneIsASpin() {
        let terminal = ClockedTerminal(start: start, idleFor: 10)
        let state = Clocked(origin: start.addingTimeInterval(0.3))
        let loop = ProgramLoop(
            state: state, program: Self.program(statusLine: true), terminal: terminal,
            clock: { terminal.now })
        loop.everySecond = { _, _ in }
        _ = loop.run()
        // The tick and the clock's second, each once a second: 20 waits, not the 200 a
        // 50 ms loop took.
        #expect(terminal.waits.count <= 22, "\(terminal.waits)")
        #expect(terminal.waits.allSatisfy { $0 > 0 }, "\(terminal.waits)")
        #expect(terminal.waits.allSatisfy { $0 <= 1000 })
    }

    @Test func eachSecondOfTheClockIsOnScreenWithinAMillisecondOfItsTurn() {
        let terminal = ClockedTerminal(start: start, idleFor: 10)
        let origin = start.addingTimeInterval(0.3)
        let loop = ProgramLoop(
            state: Clocked(origin: origin), program: Self.program(statusLine: true),
            terminal: terminal, clock: { terminal.now })
        loop.everySecond = { _, _ in }
        _ = loop.run()
        var firstShown: [String: Date] = [:]
        for frame in terminal.frames where firstShown[frame.text] == nil {
            firstShown[frame.text] = frame.at
        }
        for second in 0...9 {
            let shown = firstShown["\(second)s"]
            #expect(shown != nil, "\(second)s never drawn")
            guard let shown, second > 0 else { continue }
            let turn = origin.addingTimeInterval(Double(second))
            #expect(shown >= turn && shown.timeIntervalSince(turn) < 0.002, "\(second)s")
        }
    }

    @Test func aClockSetBackAnHourDoesNotHoldTheTickOff() {
        let terminal = ClockedTerminal(start: start, idleFor: 6)
        terminal.readsBeforeClockSetBack = 2
        let loop = ProgramLoop(
            state: Clocked(origin: start), program: Self.program(statusLine: false),
            terminal: terminal, clock: { terminal.now })
        var ticks = 0
        loop.everySecond = { _, _ in ticks += 1 }
        _ = loop.run()
        // One at the start and one a second after, for six seconds, jump or no jump.
        #expect(ticks >= 6, "\(ticks) ticks, waits \(terminal.waits)")
    }

    @Test func withNothingDueTheLoopSleepsItsLongestWait() {
        let terminal = ClockedTerminal(start: start, idleFor: 5)
        let loop = ProgramLoop(
            state: Clocked(origin: start), program: Self.program(statusLine: false),
            terminal: terminal, clock: { terminal.now })
        _ = loop.run()
        #expect(
            terminal.waits
                == Array(
                    repeating: ProgramLoop<Clocked, Bool, NoEffect>.longestWaitMilliseconds,
                    count: 5))
    }
}
