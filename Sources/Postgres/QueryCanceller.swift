import CLibpq
import Synchronization

/// Cancels the statement a connection is running, from any thread.
///
/// libpq's cancel request (`PQcancel`) travels on a short connection of its own, so it can be
/// sent while the connection's own thread waits for the statement's result; the server then
/// ends that statement with SQLSTATE 57014 and the connection stays usable. The server ignores
/// a cancel that arrives while it is idle, so a request made between two statements is kept
/// and refuses the next statement instead: a transaction body stops at its next query.
final class QueryCanceller: Sendable {
    private struct State {
        /// libpq's `PGcancel` for the current backend (its address: a plain value the lock
        /// can hold); replaced after every (re)connect.
        var cancelAddress: Int?
        var cancel: OpaquePointer? { cancelAddress.flatMap(OpaquePointer.init(bitPattern:)) }
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

    /// Drops a request that no statement took up (the work it was meant for has finished).
    func clearPending() {
        state.withLock { $0.pending = false }
    }

    /// Cancels the statement in flight, or the next one when none is. Blocks for one round
    /// trip to the server (libpq waits until the server has taken the request), under the
    /// lock, so the next statement cannot be sent before the signal has been delivered.
    func requestCancel() {
        state.withLock { state in
            guard state.inFlight, let cancel = state.cancel else {
                state.pending = true
                return
            }
            var errorBuffer = [CChar](repeating: 0, count: 256)
            _ = PQcancel(cancel, &errorBuffer, Int32(errorBuffer.count))
        }
    }
}
