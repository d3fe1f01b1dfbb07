import Domain
import Foundation

/// The same transaction the store runs (identity, then the statement), timed by pgbench on the
/// same data, so each console figure has a reference beside it: what PostgreSQL and libpq
/// cost without the console around them.
///
/// The statements are copies of the store's SQL (Sources/Domain/Team) with the parameters as
/// literals: keep them in step when the store's SQL changes.
struct PgbenchReference {
    let conninfo: String
    let workspaceID: UUID
    let userID: UUID

    /// The latency in ms of each of `transactions` runs of BEGIN; identity; `statements`;
    /// COMMIT.
    func measure(_ statements: [String], transactions: Int) throws -> [Double] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sc-pgbench-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("script.sql")
        try """
        BEGIN;
        SELECT set_config('role', 'console_app', true), set_config('app.current_workspace_id', '\(workspaceID.uuidString.lowercased())', true), set_config('app.current_user_id', '\(userID.uuidString.lowercased())', true), set_config('app.current_ssh_key', '', true);
        \(statements.map { $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") + ";" }.joined(separator: "\n"))
        COMMIT;

        """.write(to: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pgbench")
        process.currentDirectoryURL = directory
        process.arguments = [
            "-n", "-M", "extended", "-t", "\(transactions)", "-f", script.path, "--log",
            "--log-prefix=run", conninfo,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure("pgbench exited with \(process.terminationStatus)")
        }
        let logs = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix("run.") }
        var samples: [Double] = []
        for log in logs {
            let text = try String(
                contentsOf: directory.appendingPathComponent(log), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let fields = line.split(separator: " ")
                if fields.count > 2, let micros = Double(fields[2]) {
                    samples.append(micros / 1000)
                }
            }
        }
        guard !samples.isEmpty else { throw Failure("pgbench logged no transactions") }
        return samples
    }
}

enum Quantile {
    static func of(_ samples: [Double], _ q: Double) -> Double {
        let sorted = samples.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * q).rounded(.up)))]
    }
}

/// The store's statements, with literals for the bench's session.
enum StoreStatements {
    static let joinsAsNestedLoops =
        "SELECT set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true)"
    static let joinsAsUsual =
        "SELECT set_config('enable_hashjoin', 'on', true), set_config('enable_mergejoin', 'on', true)"

    static func counts(workspace: UUID) -> String {
        """
        SELECT COALESCE(c.active, 0) AS active, COALESCE(c.pending, 0) AS pending,
               COALESCE(c.inactive, 0) AS inactive, COALESCE(c.active_owners, 0) AS owners,
               (SELECT team_members_limit FROM console_plan_limits()) AS seat_limit
        FROM (SELECT '\(workspace.uuidString.lowercased())'::uuid AS id) ws
        LEFT JOIN team_member_counts c ON c.workspace_id = ws.id
        """
    }

    private static let columns = """
        SELECT tm.id, tm.user_id, COALESCE(u.email, tm.invitation_email) AS email,
               COALESCE(u.full_name, '') AS full_name, tm.role, tm.status,
               tm.invitation_expires_at, tm.accepted_at, tm.last_active_at, tm.created_at,
               tm.updated_at::text AS version, (tm.created_at)::text AS sort_key
        FROM team_members tm
        LEFT JOIN users u ON u.id = tm.user_id
        JOIN team_member_sort_keys k ON k.member_id = tm.id AND k.workspace_id = $1
        """

    /// A page in the default order (joined), no filters: the first, the one after `cursor`
    /// (a deep page), or descending (`G`, the last page); with `search`, a narrow search's
    /// page (what the store runs when `console_search_breadth` says narrow: the ids joined).
    static func page(
        workspace: UUID, ascending: Bool = true, after cursor: MemberCursor? = nil,
        search: String? = nil
    ) -> String {
        let direction = ascending ? "ASC" : "DESC"
        return literal(
            columns + """
                 WHERE tm.workspace_id = $1 AND tm.deleted_at IS NULL
                  AND ($2::text IS NULL OR tm.status = $2)
                  AND ($3::text IS NULL OR tm.role = $3)
                  AND \(search == nil ? "($4::text IS NULL OR tm.id IN (SELECT console_search_members($4)))" : "tm.id IN (SELECT console_search_members($4::text))")
                  AND ($5::text IS NULL OR (tm.created_at, tm.id) \(ascending ? ">" : "<") ($5::timestamptz, $6::uuid))
                ORDER BY tm.created_at \(direction), tm.id \(direction)
                LIMIT $7
                """, workspace: workspace, pattern: search.map { "%\($0)%" }, cursor: cursor)
    }

    /// The store's test of whether a search is worth walking (MemberSearchWalk.isBroad).
    static func isBroad(term: String) -> String {
        "SELECT console_search_breadth('%\(term)%') >= 0.1 AS broad"
    }

    /// The broad-search walk (MemberSearchWalk) for `%term%` in the default order.
    static func broadSearch(workspace: UUID, term: String) -> String {
        literal(
            columns + """
                 WHERE tm.workspace_id = $1 AND tm.deleted_at IS NULL
                  AND tm.id IN (
                    SELECT walk.id FROM (
                        SELECT tm.id, tm.created_at AS ord, tm.id AS tie, k.search_text
                        FROM team_members tm
                        JOIN team_member_sort_keys k ON k.member_id = tm.id AND k.workspace_id = $1
                        WHERE tm.workspace_id = $1 AND tm.deleted_at IS NULL
                          AND ($2::text IS NULL OR tm.status = $2)
                          AND ($3::text IS NULL OR tm.role = $3)
                          AND ($5::text IS NULL OR (tm.created_at, tm.id) > ($5::timestamptz, $6::uuid))
                        ORDER BY tm.created_at ASC, tm.id ASC
                        LIMIT $8
                    ) walk
                    WHERE walk.search_text ILIKE $4
                    ORDER BY walk.ord ASC, walk.tie ASC
                    LIMIT $7)
                ORDER BY tm.created_at ASC, tm.id ASC
                """, workspace: workspace, pattern: "%\(term)%", cursor: nil)
    }

    /// `SettingsStore.changeRole`: the workspace lock, the actor's role, the locked target,
    /// the owner count, the update and its audit row. The role flips between member and
    /// viewer, as the console's runs do.
    static func changeRole(workspace: UUID, member: UUID, actor: UUID) -> [String] {
        let ws = "'\(workspace.uuidString.lowercased())'"
        let id = "'\(member.uuidString.lowercased())'"
        return [
            "SELECT console_lock_workspace(\(ws))",
            "SELECT console_current_role() AS role",
            """
            SELECT tm.id, tm.user_id, COALESCE(u.email, tm.invitation_email) AS email,
                   COALESCE(u.full_name, '') AS full_name, tm.role, tm.status,
                   tm.invitation_expires_at, tm.accepted_at, tm.last_active_at, tm.created_at,
                   tm.updated_at::text AS version
            FROM team_members tm LEFT JOIN users u ON u.id = tm.user_id
            WHERE tm.workspace_id = \(ws) AND tm.id = \(id) AND tm.deleted_at IS NULL FOR UPDATE OF tm
            """,
            """
            SELECT count(*) AS owners FROM team_members
            WHERE workspace_id = \(ws) AND role = 'owner' AND status = 'active' AND deleted_at IS NULL
            """,
            """
            UPDATE team_members SET role = CASE role WHEN 'viewer' THEN 'member' ELSE 'viewer' END,
                   updated_by = '\(actor.uuidString.lowercased())'
            WHERE workspace_id = \(ws) AND id = \(id)
            """,
            """
            INSERT INTO audit_logs (workspace_id, user_id, action, resource_type, resource_id, changes)
            VALUES (\(ws), '\(actor.uuidString.lowercased())', 'team.change_role', 'team_member', \(id),
                    '{"after":{"email":"bench@scale.example","role":"member"},"before":{"email":"bench@scale.example","role":"viewer"},"method":"password"}'::jsonb)
            """,
        ]
    }

    private static func literal(
        _ sql: String, workspace: UUID, pattern: String?, cursor: MemberCursor?
    ) -> String {
        let values: [String] = [
            "'\(workspace.uuidString.lowercased())'", "NULL", "NULL",
            pattern.map { "'\($0)'" } ?? "NULL", cursor.map { "'\($0.sortKey)'" } ?? "NULL",
            cursor.map { "'\($0.id.rawValue.uuidString.lowercased())'" } ?? "NULL", "201",
            "\(MemberSearchWalkLimit.rows)",
        ]
        var text = sql
        for (index, value) in values.enumerated().reversed() {
            text = text.replacingOccurrences(of: "$\(index + 1)", with: value)
        }
        return text
    }
}

/// The walk's scan limit (`MemberSearchWalk.scanLimit`, internal to Domain): keep in step.
enum MemberSearchWalkLimit {
    static let rows = 3_000
}
