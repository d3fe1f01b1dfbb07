import Foundation
import Postgres
import TUI
import ViewModels

/// Where live refresh listens: the console's own database, a direct conninfo of its own, or
/// nowhere (poll only).
///
/// `LISTEN` belongs to a server session. Behind PgBouncer in transaction pooling the console's
/// connection has no session of its own between transactions, so a notice would reach
/// whichever client the pooler hands that server connection to next, or no one; the operator
/// names the server directly (`--listen-database`, `SC_LISTEN_DATABASE`) or `none`.
enum ListenTarget: Equatable {
    case consoleDatabase
    case direct(String)
    case none

    static let environmentKey = "SC_LISTEN_DATABASE"

    /// The flag, else `SC_LISTEN_DATABASE`, else the console's own database.
    static func resolve(
        flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> ListenTarget {
        let value = flag ?? environment[environmentKey] ?? ""
        switch value.trimmingCharacters(in: .whitespaces) {
        case "": return .consoleDatabase
        case "none": return .none
        default: return .direct(value)
        }
    }

    func liveRefresh(console client: PostgresClient, pollInterval: TimeInterval) -> LiveRefresh {
        switch self {
        case .consoleDatabase:
            LiveRefresh(client: client, pollInterval: pollInterval)
        case .direct(let conninfo):
            LiveRefresh(client: PostgresClient(conninfo: conninfo), pollInterval: pollInterval)
        case .none:
            LiveRefresh(client: client, pollInterval: pollInterval, listens: false)
        }
    }
}
