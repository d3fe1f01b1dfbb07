import Foundation
import Postgres
import Synchronization

/// Follows one workspace's changes as PostgreSQL pushes them (`LISTEN` on the channel the
/// triggers of migration 0007 notify), so open consoles refresh within a second.
///
/// It waits on a connection and a thread of its own: waiting for a notice blocks, and the
/// key loop must never wait for the database. A lost connection is reported and retried
/// every few seconds; meanwhile the console polls.
public final class WorkspaceChangeFeed: Sendable {
    public enum Event: Sendable, Equatable {
        case listening
        case lost
        /// The views named by the notices (`team`, `billing`, `integrations`).
        case changed(Set<String>)
    }

    public let session: Session
    private let client: PostgresClient
    private let onEvent: @Sendable (Event) -> Void
    private let stopped = Atomic<Bool>(false)
    /// How long a wait lasts before the thread looks at `stopped` again.
    static let waitSlice: TimeInterval = 0.25
    static let retryDelay: TimeInterval = 3

    public init(
        client: PostgresClient, session: Session, onEvent: @escaping @Sendable (Event) -> Void
    ) {
        self.client = client
        self.session = session
        self.onEvent = onEvent
    }

    public func start() {
        Thread.detachNewThread { [self] in follow() }
    }

    /// Ends the thread within one wait slice; its connection closes with it.
    public func stop() {
        stopped.store(true, ordering: .relaxed)
    }

    private var isStopped: Bool { stopped.load(ordering: .relaxed) }

    private func follow() {
        while !isStopped {
            do {
                let connection = try client.dedicatedConnection()
                defer { connection.close() }
                let session = self.session
                try connection.transaction { connection in
                    try connection.bindIdentity(
                        user: session.userID, workspace: session.workspaceID,
                        sshKeyFingerprint: session.sshKeyFingerprint)
                    try connection.query("SELECT console_listen_workspace()")
                }
                onEvent(.listening)
                while !isStopped {
                    let notices = try connection.notifications(waitingUpTo: Self.waitSlice)
                    if !notices.isEmpty { onEvent(.changed(Set(notices.map(\.payload)))) }
                }
            } catch {
                if isStopped { return }
                onEvent(.lost)
                let until = Date().addingTimeInterval(Self.retryDelay)
                while !isStopped, Date() < until { Thread.sleep(forTimeInterval: Self.waitSlice) }
            }
        }
    }
}
