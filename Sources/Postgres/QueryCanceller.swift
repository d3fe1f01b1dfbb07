import CLibpq
import Foundation
import Synchronization

/// Cancels the statement a connection is running, from any thread, without making the caller
/// wait.
///
/// libpq's cancel request (`PQcancel`) travels on a short connection of its own, so it can be
/// sent while the connection's own thread waits for the statement's result; the server then
/// ends that statement with SQLSTATE 57014 and the connection stays usable. The server ignores
/// a cancel that arrives while it is idle, so a request made between two statements is kept
/// and refuses the next statement instead: a transaction body stops at its next query.
///
/// `PQcancel` waits until the server has taken the request, which is forever while the server
/// is frozen (`kill -STOP`): the caller is often the key loop cancelling a superseded search,
/// so the request is sent from a thread of its own and the caller returns at once.
final class QueryCanceller: Sendable {
    private struct State {
        /// libpq's `PGcancel` for the current backend (its address: a plain value the lock
        /// can hold); replaced after every (re)connect.
        var cancelAddress: Int?
        var cancel: OpaquePointer? { cancelAddress.flatMap(OpaquePointer.init(bitPattern:)) }
        /// The worker's job using the connection now; a cancel for any other job is stale.
        var job: UInt64?
        /// A statement has been sent and its results are not all read yet.
        var inFlight = false
        /// A cancel arrived while nothing was in flight: the next statement is refused.
        var pending = false
    }

    private let state = Mutex(State())

    deinit { detach() }

    /// Takes the cancel key of the backend `handle` is connected to.
    func attach(to handle: OpaquePointer) {
        // A new PGcancel of its own, which only this object uses from here on.
        let fresh = PQgetCancel(handle).map { Int(bitPattern: $0) }
        state.withLock { state in
            if let old = state.cancel { PQfreeCancel(old) }
            state.cancelAddress = fresh
        }
    }

    /// Forgets the backend (the connection was closed).
    func detach() {
        state.withLock { state in
            if let old = state.cancel { PQfreeCancel(old) }
            state.cancelAddress = nil
            state.inFlight = false
        }
    }

    /// The worker's job `job` starts using the connection; cancels name the job they are for.
    func beginJob(_ job: UInt64) {
        state.withLock { state in
            state.job = job
            state.pending = false
        }
    }

    /// The job is over: a request that no statement took up is dropped with it.
    func endJob() {
        state.withLock { state in
            state.job = nil
            state.pending = false
        }
    }

    /// Called just before a statement is sent: false when a cancel is waiting for it (the
    /// request is used up, so a `ROLLBACK` after the refused statement still runs).
    func beginStatement() -> Bool {
        state.withLock { state in
            if state.pending {
                state.pending = false
                return false
            }
            state.inFlight = true
            return true
        }
    }

    /// Called once every result of the statement has been read.
    func endStatement() {
        state.withLock { $0.inFlight = false }
    }

    /// Cancels job `job`'s statement in flight, or its next one when none is. Returns at once:
    /// the request to the server goes from a thread of its own, and so does the whole check
    /// when another request holds the lock (waiting for a frozen server).
    func requestCancel(job: UInt64) {
        let settled =
            state.withLockIfAvailable { state -> Bool in
                guard state.job == job else { return true }
                guard state.inFlight, state.cancel != nil else {
                    state.pending = true
                    return true
                }
                return false
            } ?? false
        guard !settled else { return }
        let thread = Thread { self.sendCancel(job: job) }
        thread.name = "postgres-cancel"
        thread.start()
    }

    /// Sends the cancel request if `job` is still running a statement. The lock is held until
    /// the server has taken the request (one round trip; as long as the server is frozen), so
    /// the connection's thread cannot send the next statement meanwhile and a late cancel can
    /// never stop the statement after the one it was meant for.
    private func sendCancel(job: UInt64) {
        state.withLock { state in
            guard state.job == job else { return }
            guard state.inFlight, let cancel = state.cancel else {
                state.pending = true
                return
            }
            var errorBuffer = [CChar](repeating: 0, count: 256)
            _ = PQcancel(cancel, &errorBuffer, Int32(errorBuffer.count))
        }
    }
}
