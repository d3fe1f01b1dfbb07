import Testing

@testable import TUI

#if canImport(Glibc)
    import Glibc
#endif

/// An answer posted to the inbox ends the terminal's wait for a key: the pipe the terminal
/// polls beside the keyboard becomes readable, and is quiet again once drained.
@Suite("Waking the key loop")
struct WakeUpPipeTests {
    /// Whether `pipe`'s read end has something to read within `milliseconds`.
    private func isReadable(_ pipe: WakeUpPipe, within milliseconds: Int32 = 0) -> Bool {
        var wait = pollfd(fd: pipe.readEnd, events: Int16(POLLIN), revents: 0)
        return poll(&wait, 1, milliseconds) == 1
    }

    @Test func aPostWakesTheWaitAndDrainingQuietsIt() {
        let inbox = Inbox<Int>()
        #expect(inbox.wakeUp.readEnd >= 0)
        #expect(!isReadable(inbox.wakeUp))
        inbox.post(1)
        #expect(isReadable(inbox.wakeUp))
        inbox.wakeUp.drain()
        #expect(!isReadable(inbox.wakeUp))
        #expect(inbox.drain() == [1])
    }

    @Test func manyPostsNeverBlockThePoster() {
        let inbox = Inbox<Int>()
        // Far more than a pipe holds: a full pipe is already awake, so posting goes on.
        for value in 0..<100_000 { inbox.post(value) }
        #expect(inbox.drain().count == 100_000)
        #expect(isReadable(inbox.wakeUp))
    }
}
