import Domain
import Foundation
import Postgres
import TestSupport

/// Raw SQL as `console_app`, bypassing the domain: what a bug in the Swift policy would leave
/// to row-level security alone.
struct ConsoleAppSQL: Sendable {
    let client: PostgresClient

    init(_ world: TeamWorld) {
        client = world.app
    }

    /// Runs `body` in one transaction with the identity bound the way the store binds it (or
    /// none at all when both are nil). Always rolls back, so a probe never leaves a change.
    func probe<T: Sendable>(
        workspace: WorkspaceID?, user: UserID?,
        _ body: @escaping @Sendable (PostgresConnection) throws -> T
    ) async throws -> T {
        try await client.transaction { connection in
            if workspace != nil || user != nil {
                try connection.query(
                    """
                    SELECT set_config('app.current_workspace_id', $1, true),
                           set_config('app.current_user_id', $2, true)
                    """,
                    [
                        workspace?.rawValue.uuidString.lowercased() ?? "",
                        user?.rawValue.uuidString.lowercased() ?? "",
                    ])
            }
            let value = try body(connection)
            // Undo the probe, then leave an empty transaction for the wrapper's COMMIT.
            try connection.query("ROLLBACK")
            try connection.query("BEGIN")
            return value
        }
    }

    /// What a statement did as `console_app`: rows affected, or the SQLSTATE that refused it.
    enum Outcome: Equatable, CustomStringConvertible {
        case affected(Int)
        case refused(String)

        var description: String {
            switch self {
            case .affected(let n): return "affected \(n)"
            case .refused(let state): return "refused \(state)"
            }
        }

        /// Nothing was changed: 0 rows, or refused with insufficient_privilege (42501).
        var changedNothing: Bool { self == .affected(0) || self == .refused("42501") }
    }

    /// Runs one statement inside a probe transaction and reports what happened.
    func attempt(
        workspace: WorkspaceID?, user: UserID?, _ sql: SQL,
        _ parameters: [any PostgresEncodable] = []
    ) async throws -> Outcome {
        try await probe(workspace: workspace, user: user) { connection in
            do throws(PostgresError) {
                return .affected(try connection.query(sql, parameters).affectedRows)
            } catch {
                return .refused(error.sqlState ?? "?")
            }
        }
    }
}
