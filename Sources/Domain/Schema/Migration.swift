import Postgres

/// One numbered schema change and its exact reverse.
public struct Migration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let up: SQL
    public let down: SQL

    public init(version: Int, name: String, up: SQL, down: SQL) {
        self.version = version
        self.name = name
        self.up = up
        self.down = down
    }

    /// The migrations shipped in `sql/migrations`, in order (compiled in by the EmbedSQL
    /// build-tool plugin).
    public static var shipped: [Migration] { EmbeddedSQL.migrations }
}

/// A query from the seeds' verification section and the output it must give after seeding.
public struct Verification: Sendable, Equatable {
    public let name: String
    public let sql: SQL
    /// psql's unaligned form: a header of column names joined by `|`, then one line per row.
    public let expected: String

    public static var shipped: [Verification] { EmbeddedSQL.verifications }
}

/// The demo workspace's data (`sql/seed/demo.sql`).
public enum DemoSeed {
    public static var sql: SQL { EmbeddedSQL.seeds["demo", default: ""] }
}
