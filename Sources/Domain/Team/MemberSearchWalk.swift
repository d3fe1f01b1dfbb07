import Postgres

/// A search that matches much of the workspace, answered by walking the list in its own
/// order and keeping the rows whose searchable text matches (sql/migrations/0009).
///
/// `console_search_members` finds every match through a trigram index, which costs the whole
/// match set: most of the workspace for "u" or a common domain (~725 ms at 1,000,000 rows).
/// The walk reads at most `scanLimit` rows of the order's index and stops as soon as the page
/// is full, so a broad pattern costs a few hundred rows. A narrow pattern would pay for the
/// whole walk in vain (each row an index probe) before the trigram search answered in a few
/// milliseconds, so the store walks only when the planner expects the pattern to be common
/// (`isBroad`, sql/migrations/0010), and asks `console_search_members` when the walk does
/// not fill the page.
enum MemberSearchWalk {
    /// Rows of the list's order read before giving up on the walk. It is tried only for a
    /// pattern expected to match one row in ten or more, so a page of 201 is expected within
    /// about 2,000 rows; the slack is for matches that are not spread evenly (sorted by name,
    /// the 1,000 pending invitations of the scale data come first and none contains "u").
    static let scanLimit = 3_000

    /// Whether the planner expects `$1` (an ILIKE pattern) to match at least one row in ten
    /// (`console_search_breadth`): below that, the walk would rarely fill a page.
    static let isBroad: SQL = "SELECT console_search_breadth($1) >= 0.1 AS broad"

    /// Run before the walk, in its transaction: only nested loops. Expecting to read all
    /// `scanLimit` rows, the planner otherwise joins the whole workspace by hash and sorts it
    /// (0.9 s at 100,000 members) instead of walking the order's index and probing per row.
    static let nestedLoopsOnly: SQL =
        "SELECT set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true)"

    /// Run after the walk: the transaction's other statements plan as usual.
    static let everyJoinAgain: SQL =
        "SELECT set_config('enable_hashjoin', 'on', true), set_config('enable_mergejoin', 'on', true)"

    /// The page query: parameters as in `SettingsStore.members` (`$1` workspace, `$2` status,
    /// `$3` role, `$4` pattern, `$5`/`$6` cursor, `$7` limit) and `$8` the scan limit. The
    /// inner `LIMIT $8` is pulled lazily, so the walk stops when the outer `LIMIT $7` is met.
    static func sql(
        key: (sql: SQL, type: SQL, id: SQL), direction: SQL, comparison: SQL
    ) -> SQL {
        """
        \(MemberRows.select(extraColumns: ", (\(key.sql))::text AS sort_key"))
        JOIN team_member_sort_keys k ON k.member_id = tm.id AND k.workspace_id = $1
        WHERE tm.workspace_id = $1 AND tm.deleted_at IS NULL
          AND tm.id IN (
            SELECT walk.id FROM (
                SELECT tm.id, \(key.sql) AS ord, \(key.id) AS tie, k.search_text
                FROM team_members tm
                JOIN team_member_sort_keys k ON k.member_id = tm.id AND k.workspace_id = $1
                WHERE tm.workspace_id = $1 AND tm.deleted_at IS NULL
                  AND ($2::text IS NULL OR tm.status = $2)
                  AND ($3::text IS NULL OR tm.role = $3)
                  AND ($5::text IS NULL OR (\(key.sql), \(key.id)) \(comparison) ($5::\(key.type), $6::uuid))
                ORDER BY \(key.sql) \(direction), \(key.id) \(direction)
                LIMIT $8
            ) walk
            WHERE walk.search_text ILIKE $4
            ORDER BY walk.ord \(direction), walk.tie \(direction)
            LIMIT $7)
        ORDER BY \(key.sql) \(direction), \(key.id) \(direction)
        """
    }
}
