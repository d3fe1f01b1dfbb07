import ArgumentParser
import Foundation
import Postgres

/// Where the database is: `--database`, else `DATABASE_URL`, else libpq's own `PG*` variables.
struct ConnectionOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "libpq connection string or postgres:// URI.",
            discussion:
                "Defaults to DATABASE_URL, then libpq's PGHOST, PGPORT, PGUSER, PGDATABASE ...",
            valueName: "conninfo"))
    var database: String?

    /// The conninfo to hand to libpq; empty lets libpq read `PG*` variables alone.
    var conninfo: String {
        if let database { return database }
        if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty {
            return url
        }
        return ""
    }

    func client() -> PostgresClient { PostgresClient(conninfo: conninfo) }
}
