import Foundation
import Testing

@testable import TUI

/// What the inbox says is running: the spinner only for work someone waits for, the
/// "not answering" age for every request.
@Suite struct InboxTests {
    @Test func workFetchedAheadCountsForTheAgeButShowsNoSpinner() {
        let inbox = Inbox<Int>()
        let started = Date(timeIntervalSince1970: 1_000)
        let ahead = inbox.begin(at: started, showsBusy: false)
        #expect(!inbox.isBusy)
        #expect(inbox.oldestStart == started)

        let waited = inbox.begin(at: started.addingTimeInterval(1))
        #expect(inbox.isBusy)
        inbox.finish(waited, posting: 1)
        #expect(!inbox.isBusy)
        #expect(inbox.oldestStart == started)

        inbox.finish(ahead, posting: 2)
        #expect(inbox.oldestStart == nil)
        #expect(inbox.drain() == [1, 2])
    }
}
