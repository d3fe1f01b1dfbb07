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
        let identity = IdentityStatement(session)
        do {
            return try await client.transaction(opening: identity.sql, identity.parameters) {
                connection in
                try body(WorkspaceTransaction(connection: connection, session: session))
            }
        } catch {
            throw DomainError.from(error)
        }
    }

    /// Runs one read in a transaction of its own, scoped like `transaction`, all in one round
    /// trip to the server (`BEGIN`, the identity, `statement`, `COMMIT`): the header counts
    /// and list pages are one statement each, and their fixed cost is most of what they cost.
    func read(_ statement: SQL, _ parameters: [any PostgresEncodable]) async throws(DomainError)
        -> PostgresResult
    {
        let identity = IdentityStatement(session)
        do {
            return try await client.readTransaction(
                opening: identity.sql, identity.parameters, statement: statement, parameters)
        } catch {
            throw DomainError.from(error)
        }
    }
}
