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
}
