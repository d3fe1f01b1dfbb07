import CLibpq
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Statements go through libpq's asynchronous API: `PQsendQueryParams` (or `PQsendQuery` for
/// scripts), then `PQconsumeInput` / `PQisBusy` / `PQgetResult` while the calling thread waits
/// in `poll` on `PQsocket`. The caller is `PostgresClient`'s own thread (never a thread of
/// Swift's cooperative pool), and because the wait is ours rather than libpq's, another
/// thread can cancel the statement (`QueryCanceller`) while it runs.
extension PostgresConnection {
    /// The error a statement refused or stopped by a cancel request reports.
    static let cancelledError = PostgresError(
        kind: .server, sqlState: PostgresError.queryCanceledState,
        serverMessage: "canceling statement due to user request")

    /// Sends one statement with text parameters and returns its result.
    func runStatement(
        _ sql: String, parameters pointers: [UnsafePointer<CChar>?], handle: OpaquePointer
    ) throws(PostgresError) -> PostgresResult {
        try whileInFlight(handle) { () throws(PostgresError) in
            let sent = PQsendQueryParams(
                handle, sql, Int32(pointers.count), nil, pointers, nil, nil, 0)
            return try collectResult(sent: sent == 1, handle: handle)
        }
    }

    /// Sends a script of several statements; like `PQexec`, the first error wins, otherwise
    /// the last statement's result.
    func runScript(_ sql: String, handle: OpaquePointer) throws(PostgresError) -> PostgresResult {
        try whileInFlight(handle) { () throws(PostgresError) in
            try collectResult(sent: PQsendQuery(handle, sql) == 1, handle: handle)
        }
    }

    private func whileInFlight(
        _ handle: OpaquePointer, _ body: () throws(PostgresError) -> PostgresResult
    ) throws(PostgresError) -> PostgresResult {
        guard canceller.beginStatement() else { throw Self.cancelledError }
        defer { canceller.endStatement() }
        return try body()
    }

    /// Reads every result of the statement just sent (so the connection is idle again, even
    /// after an error or a cancel) and returns the one that counts.
    private func collectResult(sent: Bool, handle: OpaquePointer) throws(PostgresError)
        -> PostgresResult
    {
        guard sent else { return try read(nil, handle: handle) }
        var kept: OpaquePointer?
        defer { if let kept { PQclear(kept) } }
        while true {
            while PQisBusy(handle) == 1 {
                guard waitUntilReadable(handle), PQconsumeInput(handle) == 1 else {
                    return try read(nil, handle: handle)
                }
            }
            guard let next = PQgetResult(handle) else { break }
            if let current = kept, Self.isError(current), !Self.isError(next) {
                PQclear(next)
            } else {
                if let kept { PQclear(kept) }
                kept = next
            }
        }
        return try read(kept, handle: handle)
    }

    private static func isError(_ result: OpaquePointer) -> Bool {
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY: return false
        default: return true
        }
    }

    /// Blocks this thread until the socket has something to read (false if it is gone).
    func waitUntilReadable(_ handle: OpaquePointer) -> Bool {
        let socket = PQsocket(handle)
        guard socket >= 0 else { return false }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&descriptor, 1, -1)
            if ready > 0 { return true }
            if ready < 0, errno != EINTR { return false }
        }
    }
}
