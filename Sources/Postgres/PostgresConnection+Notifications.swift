import CLibpq
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A `NOTIFY` received on a channel this connection listens to.
public struct PostgresNotification: Sendable, Equatable {
    public let channel: String
    public let payload: String
}

extension PostgresConnection {
    /// Waits up to `timeout` for notifications and returns those that arrived (often none).
    ///
    /// Blocks the calling thread in `poll` on the connection's socket, so call it from a
    /// thread of its own, never the key loop; libpq then reads them with `PQconsumeInput`
    /// and hands them out with `PQnotifies`. Throws `connectionLost` when the server went away.
    public func notifications(waitingUpTo timeout: TimeInterval) throws(PostgresError)
        -> [PostgresNotification]
    {
        guard let handle, isOpen else {
            throw PostgresError(kind: .connectionLost, serverMessage: "connection was closed")
        }
        var received = drainNotifications(handle)
        if !received.isEmpty { return received }
        var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(max(0, timeout * 1000)))
        guard ready > 0 else { return [] }
        guard PQconsumeInput(handle) == 1, PQstatus(handle) == CONNECTION_OK else {
            throw PostgresError(
                kind: .connectionLost, serverMessage: "the server closed the connection")
        }
        received = drainNotifications(handle)
        return received
    }

    private func drainNotifications(_ handle: OpaquePointer) -> [PostgresNotification] {
        var found: [PostgresNotification] = []
        while let notice = PQnotifies(handle) {
            found.append(
                PostgresNotification(
                    channel: String(cString: notice.pointee.relname),
                    payload: String(cString: notice.pointee.extra)))
            PQfreemem(notice)
        }
        return found
    }
}
