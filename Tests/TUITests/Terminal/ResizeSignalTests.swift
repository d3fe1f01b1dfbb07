import Synchronization
import Testing

@testable import TUI

#if canImport(Glibc)
    import Glibc
#endif

/// Calls of the stand-in for ncurses' SIGWINCH handler.
private let earlierHandlerCalls = Atomic<Int>(0)

/// A resize ends the terminal's wait for a key: SIGWINCH reaches the main thread, not the one
/// waiting in `poll`, so the handler put in front of ncurses' writes into a pipe that wait
/// watches. ncurses' own handler must still run (or it would never report the resize), and
/// exactly once per signal.
@Suite("Waking the key loop on a resize")
struct ResizeSignalTests {
    private var isReadable: Bool {
        var wait = pollfd(fd: ResizeSignal.pipe.readEnd, events: Int16(POLLIN), revents: 0)
        return poll(&wait, 1, 0) == 1
    }

    /// Puts the stand-in in place as ncurses does when a screen starts.
    private func installEarlierHandler() {
        var earlier = sigaction()
        earlier.__sigaction_handler.sa_handler = { _ in
            earlierHandlerCalls.add(1, ordering: .relaxed)
        }
        sigemptyset(&earlier.sa_mask)
        sigaction(SIGWINCH, &earlier, nil)
    }

    /// Raises SIGWINCH on this thread; how many times the earlier handler ran for it, and
    /// whether the pipe woke (drained again after).
    private func resize() -> (earlierCalls: Int, woke: Bool) {
        let before = earlierHandlerCalls.load(ordering: .relaxed)
        raise(SIGWINCH)
        let woke = isReadable
        ResizeSignal.pipe.drain()
        return (earlierHandlerCalls.load(ordering: .relaxed) - before, woke)
    }

    @Test func aResizeRunsTheEarlierHandlerOnceThenWakesThePipe() {
        // Test threads are the runtime's, which block most signals: let this one take it, so
        // `raise` runs the handlers before it returns.
        var winch = sigset_t()
        sigemptyset(&winch)
        sigaddset(&winch, SIGWINCH)
        var mask = sigset_t()
        pthread_sigmask(SIG_UNBLOCK, &winch, &mask)
        defer { pthread_sigmask(SIG_SETMASK, &mask, nil) }

        installEarlierHandler()
        ResizeSignal.pipe.drain()
        #expect(!isReadable)
        ResizeSignal.install()
        let first = resize()
        #expect(first.earlierCalls == 1)
        #expect(first.woke)

        // Installed again (a second terminal): still once each, not chained to itself.
        ResizeSignal.install()
        let again = resize()
        #expect(again.earlierCalls == 1)
        #expect(again.woke)

        // ncurses put its own handler back (a new screen): installing goes in front again.
        installEarlierHandler()
        #expect(!resize().woke)
        ResizeSignal.install()
        let back = resize()
        #expect(back.earlierCalls == 1)
        #expect(back.woke)
    }
}
