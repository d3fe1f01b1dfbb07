import Foundation
import Postgres
import Synchronization

/// Closing the database connection on the way out, without making a quitting user wait for
/// a database that does not answer.
///
/// `PostgresClient.close()` waits its turn on the client's connection thread, behind any
/// query still in flight; with the server frozen (`kill -STOP`, a hung host) that query never returns. Past
/// the grace period the process leaves anyway and the kernel closes the socket.
enum QuitWithoutWaiting {
    static let grace: Duration = .seconds(1)

    static func close(_ client: PostgresClient) async {
        let resumed = Mutex(false)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeOnce: @Sendable () -> Void = {
                let first = resumed.withLock { done in
                    defer { done = true }
                    return !done
                }
                if first { continuation.resume() }
            }
            Task.detached {
                await client.close()
                resumeOnce()
            }
            Task.detached {
                try? await Task.sleep(for: grace)
                resumeOnce()
            }
        }
    }
}
