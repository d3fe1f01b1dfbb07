import Postgres

/// The one way anything reads or writes settings: every operation is one transaction that
/// first tells PostgreSQL who is acting (so row-level security applies), then checks the
/// policy against the actor's role as it is *now*, then works, then writes its audit row.
public struct SettingsStore: Sendable {
    public let client: PostgresClient
    public let session: Session

    public init(client: PostgresClient, session: Session) {
        self.client = client
        self.session = session
    }

    /// Runs `body` in a transaction scoped to the session's user and workspace.
    func transaction<T: Sendable>(
        _ body: @escaping @Sendable (WorkspaceTransaction) throws -> T
    ) async throws(DomainError) -> T {
        let session = self.session
        do {
            return try await client.transaction { connection in
                let transaction = WorkspaceTransaction(connection: connection, session: session)
                try transaction.bindIdentity()
                return try body(transaction)
            }
        } catch {
            throw DomainError.from(error)
        }
    }
}
