import Synchronization
import Testing

@testable import TUI

#if canImport(Glibc)
    import Glibc
#endif

/// Calls of the stand-in for ncurses' SIGWINCH handler.
private let earlierHandlerCalls = Atomic<Int>(0)

/// A resize ends the terminal's wait for a key: SIGWINCH reaches the main thread, not the one
/// waiting in `poll`, so the handler chained after ncurses' writes into a pipe that wait
/// watches. ncurses' own handler must still run, or it would never report the resize.
@Suite("Waking the key loop on a resize")
struct ResizeSignalTests {
    private func isReadable(_ pipe: WakeUpPipe) -> Bool {
        var wait = pollfd(fd: pipe.readEnd, events: Int16(POLLIN), revents: 0)
        return poll(&wait, 1, 0) == 1
    }

    @Test func aResizeRunsTheEarlierHandlerThenWakesOnlyThePipeStillWatched() {
        // The stand-in for ncurses' handler, in place before ours as ncurses' is.
        var earlier = sigaction()
        earlier.__sigaction_handler.sa_handler = { _ in
            earlierHandlerCalls.add(1, ordering: .relaxed)
        }
        sigemptyset(&earlier.sa_mask)
        sigaction(SIGWINCH, &earlier, nil)
        // Test threads are the runtime's, which block most signals: let this one take it, so
        // `raise` runs the handlers before it returns.
        var winch = sigset_t()
        sigemptyset(&winch)
        sigaddset(&winch, SIGWINCH)
        var mask = sigset_t()
        pthread_sigmask(SIG_UNBLOCK, &winch, &mask)
        defer { pthread_sigmask(SIG_SETMASK, &mask, nil) }

        let first = WakeUpPipe()
        ResizeSignal.wake(first)
        #expect(!isReadable(first))
        raise(SIGWINCH)
        #expect(isReadable(first))
        #expect(earlierHandlerCalls.load(ordering: .relaxed) == 1)
        first.drain()

        // A second terminal's pipe takes over; the first one stopping does not silence it.
        let second = WakeUpPipe()
        ResizeSignal.wake(second)
        ResizeSignal.stopWaking(first)
        raise(SIGWINCH)
        #expect(isReadable(second))
        #expect(!isReadable(first))
        #expect(earlierHandlerCalls.load(ordering: .relaxed) == 2)
        second.drain()

        ResizeSignal.stopWaking(second)
        raise(SIGWINCH)
        #expect(!isReadable(second))
        #expect(earlierHandlerCalls.load(ordering: .relaxed) == 3)
    }
}
