import Domain
import Foundation
import Postgres

/// Where live refresh listens (a connection of its own, opened from this client's
/// parameters) and how often the console polls as the fallback (0: never).
///
/// `listens` is false behind a transaction pooler with no direct conninfo to listen on:
/// `LISTEN` needs a session of its own, so the console only polls (docs/scaling.md).
public struct LiveRefresh: Sendable {
    public let client: PostgresClient
    public let pollInterval: TimeInterval
    public let listens: Bool

    public init(client: PostgresClient, pollInterval: TimeInterval, listens: Bool = true) {
        self.client = client
        self.pollInterval = pollInterval
        self.listens = listens
    }

    /// Starts following `session`'s workspace; each notice arrives through `post` as the
    /// action the console applies.
    public func follow(_ session: Session, post: @escaping @Sendable (AppAction) -> Void)
        -> LiveFeed
    {
        let feed = WorkspaceChangeFeed(client: client, session: session) { event in
            switch event {
            case .listening: post(.liveUpdatesChanged(.listening))
            case .lost: post(.liveUpdatesChanged(.polling))
            case .changed(let payloads):
                post(.settingsChanged(Set(payloads.compactMap(LiveView.init(rawValue:)))))
            }
        }
        feed.start()
        return LiveFeed(feed)
    }
}

/// One workspace being followed; `stop` ends it.
public final class LiveFeed: Sendable {
    private let feed: WorkspaceChangeFeed

    init(_ feed: WorkspaceChangeFeed) { self.feed = feed }

    /// The workspace followed.
    public var workspaceID: WorkspaceID { feed.session.workspaceID }

    public func stop() { feed.stop() }
}
