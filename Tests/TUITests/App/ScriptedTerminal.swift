import Foundation
import TUI

/// A terminal in memory for driving the real program loop: it plays a script of keys and
/// waits (really sleeping, so effects can finish on other threads) until the screen shows a
/// text before going on. A script that stalls quits with Ctrl-C after `patience`, so a
/// failing test ends instead of hanging.
@MainActor
final class ScriptedTerminal: Terminal {
    enum Step {
        case key(Key)
        /// Wait until the last frame contains this text.
        case waitFor(String)
        /// Wait, reading no key, for the loop to end by itself (a login that succeeds).
        case waitForEnd
    }

    let size: Size
    private var steps: [Step]
    private(set) var frames: [Canvas] = []
    /// Texts a `waitFor` step gave up on.
    private(set) var missed: [String] = []
    private let patience: TimeInterval
    private var waitingSince: Date?

    init(size: Size, _ steps: [Step], patience: TimeInterval = 20) {
        self.size = size
        self.steps = steps
        self.patience = patience
    }

    var lastFrame: String { frames.last?.text() ?? "" }

    func draw(_ canvas: Canvas) { frames.append(canvas) }

    func readKey(timeoutMilliseconds: Int) -> Key? {
        guard let step = steps.first else {
            // Out of script: quit rather than spin.
            return .control("c")
        }
        switch step {
        case .key(let key):
            steps.removeFirst()
            waitingSince = nil
            return key
        case .waitForEnd:
            return wait(for: "the loop to end", timeoutMilliseconds)
        case .waitFor(let text):
            if lastFrame.contains(text) {
                steps.removeFirst()
                waitingSince = nil
                return nil
            }
            return wait(for: text, timeoutMilliseconds)
        }
    }

    /// Sleeps one key timeout, at most 50 ms (this terminal has no wake-up pipe, so an answer
    /// is seen only after the sleep); past `patience`, gives up on `what` and quits.
    private func wait(for what: String, _ timeoutMilliseconds: Int) -> Key? {
        let since = waitingSince ?? Date()
        waitingSince = since
        if Date().timeIntervalSince(since) > patience {
            missed.append(what)
            steps.removeAll()
            return .control("c")
        }
        Thread.sleep(forTimeInterval: Double(min(max(timeoutMilliseconds, 1), 50)) / 1000)
        return nil
    }

    func shutdown() {}

    /// Keys that type `text`.
    static func typing(_ text: String) -> [Step] { text.map { .key(.character($0)) } }
}
