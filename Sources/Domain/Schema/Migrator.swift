import Postgres

/// Applies and reverts the numbered migrations, recording them in `schema_migrations`.
///
/// Each migration runs in its own transaction; a session advisory lock makes a second migrator
/// wait instead of racing, and re-running `migrate` applies nothing new.
public struct Migrator: Sendable {
    /// Arbitrary constant naming this program's migration lock.
    static let advisoryLockKey = 7_310_442_019

    private let client: PostgresClient
    private let migrations: [Migration]

    public init(client: PostgresClient, migrations: [Migration] = Migration.shipped) {
        self.client = client
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// Applies every migration not yet recorded; returns the versions it applied.
    @discardableResult
    public func migrate() async throws -> [Int] {
        try await withLock {
            let applied = try await appliedVersionsUnlocked()
            var done: [Int] = []
            for migration in migrations where !applied.contains(migration.version) {
                try await client.transaction { connection in
                    try connection.execute(script: migration.up)
                    try connection.query(
                        "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                        [migration.version, migration.name])
                }
                done.append(migration.version)
            }
            return done
        }
    }

    /// Reverts the newest `steps` applied migrations; returns the versions it reverted.
    @discardableResult
    public func rollback(steps: Int = Int.max) async throws -> [Int] {
        try await withLock {
            let applied = try await appliedVersionsUnlocked()
            var done: [Int] = []
            for migration in migrations.reversed() where applied.contains(migration.version) {
                guard done.count < steps else { break }
                try await client.transaction { connection in
                    try connection.execute(script: migration.down)
                    try connection.query(
                        "DELETE FROM schema_migrations WHERE version = $1", [migration.version])
                }
                done.append(migration.version)
            }
            return done
        }
    }

    /// Versions recorded as applied.
    public func appliedVersions() async throws -> Set<Int> {
        try await withLock { try await appliedVersionsUnlocked() }
    }

    private func appliedVersionsUnlocked() async throws -> Set<Int> {
        let result = try await client.query("SELECT version FROM schema_migrations")
        return Set(try result.rows.map { try $0.int("version") })
    }

    private func withLock<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await client.query("SELECT pg_advisory_lock($1)", [Self.advisoryLockKey])
        do {
            try await client.execute(
                script: """
                    SET client_min_messages = warning;
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        version integer PRIMARY KEY,
                        name text NOT NULL,
                        applied_at timestamptz NOT NULL DEFAULT now()
                    );
                    RESET client_min_messages;
                    """)
            let value = try await body()
            try await client.query("SELECT pg_advisory_unlock($1)", [Self.advisoryLockKey])
            return value
        } catch {
            _ = try? await client.query("SELECT pg_advisory_unlock($1)", [Self.advisoryLockKey])
            throw error
        }
    }
}
