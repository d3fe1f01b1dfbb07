/// The screen and keyboard, as the app loop sees them.
///
/// `NcursesTerminal` is the real one; `VirtualTerminal` replays keys and records frames for
/// tests of the loop. Everything else draws into a `Canvas` and never talks to a terminal.
@MainActor
public protocol Terminal: AnyObject {
    /// The current size in cells; render the next canvas at this size.
    var size: Size { get }
    /// Shows `canvas`, writing only what changed since the last frame.
    func draw(_ canvas: Canvas)
    /// The next key, waiting at most `timeoutMilliseconds` (negative: wait forever); `nil` on
    /// timeout. Returns `.resize` after the terminal changed size.
    func readKey(timeoutMilliseconds: Int) -> Key?
    /// As `readKey(timeoutMilliseconds:)`, but also returns (`nil`) as soon as `wakeUp` is
    /// signalled, so answers that arrive while the loop waits for a key are drawn at once.
    func readKey(timeoutMilliseconds: Int, wakeUp: WakeUpPipe) -> Key?
    /// Restores the terminal to how it was; safe to call more than once.
    func shutdown()
}

extension Terminal {
    /// Terminals in memory never block for long, so they need no wake-up.
    public func readKey(timeoutMilliseconds: Int, wakeUp: WakeUpPipe) -> Key? {
        readKey(timeoutMilliseconds: timeoutMilliseconds)
    }
}

/// Why the terminal could not be opened.
public enum TerminalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped, or run from cron).
    case notATerminal
    /// ncurses could not start, usually an unknown or missing `TERM`.
    case cannotInitialize(term: String?)

    public var description: String {
        switch self {
        case .notATerminal:
            return "standard input and output must be a terminal (use the command-line "
                + "subcommands for scripts)"
        case .cannotInitialize(let term):
            return "cannot start the terminal interface for TERM=\(term ?? "(unset)"); "
                + "try TERM=xterm-256color"
        }
    }
}
