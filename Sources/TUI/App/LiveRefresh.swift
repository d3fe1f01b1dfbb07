import Foundation
import Postgres

/// Where live refresh listens (a connection of its own, opened from this client's
/// parameters) and how often the console polls as the fallback (0: never).
public struct LiveRefresh: Sendable {
    public let client: PostgresClient
    public let pollInterval: TimeInterval

    public init(client: PostgresClient, pollInterval: TimeInterval) {
        self.client = client
        self.pollInterval = pollInterval
    }
}
