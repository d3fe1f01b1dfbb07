import Postgres

/// What must hold in every workspace after any run, asked of the database as a superuser:
/// each non-empty workspace has an active owner, no workspace holds more active members and
/// pending invitations than its seat limit, and none more integrations than its limit.
public enum DatabaseInvariants {
    /// One line per violation; empty when everything holds.
    public static let violationsSQL: SQL = """
        WITH ws AS (SELECT w.id, w.slug FROM workspaces w
                    WHERE EXISTS (SELECT 1 FROM team_members t WHERE t.workspace_id = w.id
                                  AND t.deleted_at IS NULL AND t.status = 'active'))
        SELECT ws.slug || ': no active owner' AS violation FROM ws
        WHERE NOT EXISTS (SELECT 1 FROM team_members t WHERE t.workspace_id = ws.id
                          AND t.deleted_at IS NULL AND t.status = 'active' AND t.role = 'owner')
        UNION ALL
        SELECT w.slug || ': ' || used || ' seats used of ' || b.team_members_limit
        FROM workspaces w JOIN billing_config b ON b.workspace_id = w.id
        CROSS JOIN LATERAL (SELECT count(*) AS used FROM team_members t
                            WHERE t.workspace_id = w.id AND t.deleted_at IS NULL
                              AND t.status IN ('active', 'pending')) s
        WHERE b.team_members_limit IS NOT NULL AND used > b.team_members_limit
        UNION ALL
        SELECT w.slug || ': ' || used || ' integrations of ' || b.custom_integrations_limit
        FROM workspaces w JOIN billing_config b ON b.workspace_id = w.id
        CROSS JOIN LATERAL (SELECT count(*) AS used FROM integrations_config i
                            WHERE i.workspace_id = w.id) s
        WHERE b.custom_integrations_limit IS NOT NULL AND used > b.custom_integrations_limit
        """

    public static func violations(on connection: PostgresConnection) throws -> [String] {
        try connection.query(violationsSQL).rows.map { try $0.string("violation") }
    }

    public static func violations(on client: PostgresClient) async throws -> [String] {
        try await client.query(violationsSQL).rows.map { try $0.string("violation") }
    }
}
