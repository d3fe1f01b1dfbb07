import Postgres

/// Data at scale for benchmarks and plan checks: many workspaces, one very large one, every
/// role and status, integrations in every health state and audit history.
///
/// Built in bulk (`generate_series`, one statement per table) with the row triggers off
/// (`session_replication_role = replica`, so superuser only), then the trigger-kept tables
/// (sort keys, member counters) are rebuilt in one statement each. Team and audit rows get
/// ascending ids made from their sequence number rather than random ones: each insert then
/// appends to its primary key's index instead of splitting a random page (900,000 team rows:
/// 11.3 s -> 6.3 s on a loaded machine). Every row is valid by
/// construction: each workspace has an active owner and no plan limit is exceeded.
public struct ScaleSeed: Sendable {
    /// Workspaces besides the large one.
    public var workspaces: Int
    /// Members (users with a membership) of the large workspace.
    public var largeWorkspaceMembers: Int
    /// Team rows of each other workspace (an owner, then every role and status).
    public var rowsPerWorkspace: Int

    /// The large workspace's id and slug, for logging in and measuring.
    public static let largeWorkspaceID = "5ca1e000-0000-0000-0000-000000000001"
    public static let largeWorkspaceSlug = "scale"
    /// The large workspace's owner and an admin; every scale user's password is `demo-pass`.
    public static let ownerEmail = "owner@scale.example"
    public static let adminEmail = "admin@scale.example"

    /// `settings-console seed --scale`: 100,000 workspaces, 1,000,000 team rows, one workspace
    /// of 100,000 members.
    public static let full = ScaleSeed(
        workspaces: 99_999, largeWorkspaceMembers: 100_009, rowsPerWorkspace: 9)

    public init(workspaces: Int, largeWorkspaceMembers: Int, rowsPerWorkspace: Int) {
        self.workspaces = workspaces
        self.largeWorkspaceMembers = largeWorkspaceMembers
        self.rowsPerWorkspace = max(1, rowsPerWorkspace)
    }

    /// Team rows in all: the large workspace's members plus every other workspace's rows.
    public var teamRows: Int { largeWorkspaceMembers + workspaces * rowsPerWorkspace }

    /// Loads the data through `client` (a superuser on a migrated database, not yet seeded at
    /// scale), building the indexes on `client` and every client in `lanes` at once.
    ///
    /// The bulk tables' secondary indexes (trigram ones above all) are dropped for the load
    /// and built again from their own definitions afterwards: one build is many times faster
    /// than a million incremental inserts into them. The rows go in one transaction; the
    /// builds, which see only committed rows, follow on every lane at once (each build uses
    /// one core, and they are most of the time). Should a build fail, the definitions not yet
    /// built stay in `scale_seed_indexes`, and a second load stops at once on that table:
    /// drop the database and load again.
    public func load(into client: PostgresClient, lanes: [PostgresClient] = []) async throws {
        try await client.transaction { connection in
            try connection.query("SET LOCAL session_replication_role = replica")
            try connection.query(Self.setAsideSecondaryIndexes)
            try connection.query(Self.dropSecondaryIndexes)
            for statement in statements {
                try connection.query(statement.sql, statement.parameters)
            }
        }
        try await Self.buildSecondaryIndexes(on: [client] + lanes)
        try await client.query("ANALYZE")
    }

    private var statements: [(sql: SQL, parameters: [any PostgresEncodable])] {
        let users = largeWorkspaceMembers + workspaces * rowsPerWorkspace
        return [
            (
                // One bcrypt hash of demo-pass for every user: logins work, seeding stays fast.
                """
                INSERT INTO users (id, email, password_hash, full_name, is_verified, created_at)
                SELECT ('5ca1e000-0000-0000-0001-' || lpad(to_hex(g), 12, '0'))::uuid,
                       CASE g WHEN 1 THEN $2 WHEN 2 THEN $3 ELSE 'user' || g || '@scale.example' END,
                       h.hash, 'Scale User ' || g, true, now() - (g % 700) * interval '1 hour'
                FROM generate_series(1, $1::int) g,
                     (SELECT console_hash_password('demo-pass') AS hash) h
                """, [users, Self.ownerEmail, Self.adminEmail]
            ),
            (
                """
                INSERT INTO workspaces (id, name, slug)
                SELECT CASE w WHEN 0 THEN $2::uuid
                              ELSE ('5ca1e000-0000-0000-0002-' || lpad(to_hex(w), 12, '0'))::uuid END,
                       CASE w WHEN 0 THEN 'Scale Corp' ELSE 'Workspace ' || w END,
                       CASE w WHEN 0 THEN $3 ELSE 'ws-' || w END
                FROM generate_series(0, $1::int) w
                """, [workspaces, Self.largeWorkspaceID, Self.largeWorkspaceSlug]
            ),
            (
                // No plan limits on the large workspace; the others on plans that fit them.
                """
                INSERT INTO billing_config (workspace_id, plan_type, plan_status,
                    traces_per_month_limit, traces_current_month, team_members_limit)
                SELECT w.id,
                       CASE WHEN w.id = $1::uuid THEN 'enterprise'
                            ELSE (ARRAY['free','starter','professional','enterprise'])[1 + (hashtext(w.slug) & 2147483647) % 4] END,
                       (ARRAY['active','active','trialing','past_due','canceled'])[1 + (hashtext(w.name) & 2147483647) % 5],
                       1000000, (hashtext(w.slug) & 2147483647) % 1000000, NULL
                FROM workspaces w WHERE w.slug = $2 OR w.slug LIKE 'ws-%'
                """, [Self.largeWorkspaceID, Self.largeWorkspaceSlug]
            ),
            (
                // The large workspace: user 1 owns it, user 2 is an admin, then every role and
                // status; a hundredth of the rows are pending invitations.
                """
                INSERT INTO team_members (id, workspace_id, user_id, role, status, invitation_email,
                    invitation_expires_at, last_active_at, created_at, accepted_at)
                SELECT ('5ca1e000-0000-0000-0003-' || lpad(to_hex(g), 12, '0'))::uuid, $2::uuid,
                       CASE WHEN g > 2 AND g % 100 = 0 THEN NULL
                            ELSE ('5ca1e000-0000-0000-0001-' || lpad(to_hex(g), 12, '0'))::uuid END,
                       CASE g WHEN 1 THEN 'owner' WHEN 2 THEN 'admin'
                            ELSE (ARRAY['owner','admin','member','member','viewer'])[1 + g % 5] END,
                       CASE WHEN g <= 2 THEN 'active' WHEN g % 100 = 0 THEN 'pending'
                            ELSE (ARRAY['active','active','active','inactive'])[1 + g % 4] END,
                       CASE WHEN g > 2 AND g % 100 = 0 THEN 'invitee' || g || '@scale.example' END,
                       CASE WHEN g > 2 AND g % 100 = 0 THEN now() + interval '7 days' END,
                       now() - (g % 2000) * interval '1 hour', now() - (g % 900) * interval '1 day',
                       CASE WHEN g <= 2 OR g % 100 <> 0 THEN now() - (g % 900) * interval '1 day' END
                FROM generate_series(1, $1::int) g
                """, [largeWorkspaceMembers, Self.largeWorkspaceID]
            ),
            (
                // Every other workspace: an active owner first, then every role and status.
                """
                INSERT INTO team_members (id, workspace_id, user_id, role, status, invitation_email,
                    invitation_expires_at, last_active_at, created_at, accepted_at)
                SELECT ('5ca1e000-0000-0000-0003-' || lpad(to_hex($2::int + (w - 1) * $3::int + k + 1), 12, '0'))::uuid,
                       ('5ca1e000-0000-0000-0002-' || lpad(to_hex(w), 12, '0'))::uuid,
                       CASE WHEN k % 3 = 2 THEN NULL
                            ELSE ('5ca1e000-0000-0000-0001-'
                                  || lpad(to_hex($2::int + (w - 1) * $3::int + k + 1), 12, '0'))::uuid END,
                       CASE k WHEN 0 THEN 'owner'
                            ELSE (ARRAY['admin','member','viewer','owner'])[1 + k % 4] END,
                       CASE WHEN k = 0 THEN 'active'
                            ELSE (ARRAY['active','inactive','pending'])[1 + k % 3] END,
                       CASE WHEN k % 3 = 2 THEN 'invitee' || w || '-' || k || '@scale.example' END,
                       CASE WHEN k % 3 = 2 THEN now() + interval '5 days' END,
                       now() - ((w + k) % 500) * interval '1 hour', now() - (w % 365) * interval '1 day',
                       CASE WHEN k % 3 <> 2 THEN now() - (w % 365) * interval '1 day' END
                FROM generate_series(1, $1::int) w, generate_series(0, $3::int - 1) k
                """, [workspaces, largeWorkspaceMembers, rowsPerWorkspace]
            ),
            (
                // Integrations in every health state: six in the large workspace, one elsewhere.
                """
                INSERT INTO integrations_config (workspace_id, integration_type, integration_name,
                    config_data, is_enabled, health_status, last_health_check_at,
                    last_error_message, last_error_at, total_errors)
                SELECT w.id, t.type, initcap(t.type) || ' alerts',
                       jsonb_build_object('url', 'https://hooks.example.com/' || w.slug || '/' || t.type),
                       ((hashtext(w.slug || t.type) & 2147483647) % 7) <> 0,
                       (ARRAY['healthy','healthy','degraded','unhealthy','unknown'])[1 + (hashtext(w.slug || t.type) & 2147483647) % 5],
                       now() - ((hashtext(w.name) & 2147483647) % 600) * interval '1 minute',
                       CASE WHEN (hashtext(w.slug || t.type) & 2147483647) % 5 IN (2, 3)
                            THEN 'Request timeout after 5000ms' END,
                       CASE WHEN (hashtext(w.slug || t.type) & 2147483647) % 5 IN (2, 3)
                            THEN now() - interval '10 minutes' END,
                       (hashtext(w.slug || t.type) & 2147483647) % 20
                FROM workspaces w
                CROSS JOIN LATERAL (
                    SELECT unnest(ARRAY['slack','pagerduty','webhook','sentry','datadog','custom']) AS type
                ) t
                WHERE w.id = $1::uuid
                   OR (w.slug LIKE 'ws-%' AND t.type = (ARRAY['slack','pagerduty','webhook','sentry','datadog','custom'])[1 + (hashtext(w.slug) & 2147483647) % 6])
                """, [Self.largeWorkspaceID]
            ),
            (
                // Audit history: 5 rows per workspace by its first owner, more in the large one.
                """
                INSERT INTO audit_logs (id, workspace_id, user_id, action, resource_type, resource_id,
                    changes, created_at)
                SELECT ('5ca1e000-0000-0000-0004-' || lpad(to_hex(o.n * 5 + g), 12, '0'))::uuid,
                       o.workspace_id, o.user_id,
                       (ARRAY['team.invite','team.role','team.deactivate','integration.test','billing.plan'])[1 + g % 5],
                       'team_member', o.id, jsonb_build_object('seq', g),
                       now() - g * interval '1 hour'
                FROM (SELECT row_number() OVER (ORDER BY workspace_id) AS n, *
                      FROM (SELECT DISTINCT ON (workspace_id) workspace_id, user_id, id
                            FROM team_members WHERE role = 'owner' AND status = 'active'
                            ORDER BY workspace_id, user_id) owners) o,
                     generate_series(1, 5) g
                """, []
            ),
            (
                """
                INSERT INTO audit_logs (id, workspace_id, user_id, action, resource_type, resource_id, created_at)
                SELECT ('5ca1e000-0000-0000-0005-' || lpad(to_hex(g), 12, '0'))::uuid,
                       $1::uuid, '5ca1e000-0000-0000-0001-000000000002', 'team.role', 'team_member', NULL,
                       now() - g * interval '1 minute'
                FROM generate_series(1, 50000) g
                """, [Self.largeWorkspaceID]
            ),
            (
                // Every row this load made, from the one definition of the keys (migration
                // 0011); through console_refresh_sort_keys that meant an array of 1,000,000
                // ids and an upsert per row (19 s against 8.5 s on a loaded machine).
                """
                INSERT INTO team_member_sort_keys (member_id, workspace_id, sort_name, sort_email,
                    search_text)
                SELECT member_id, workspace_id, sort_name, sort_email, search_text
                FROM team_member_sort_key_source
                WHERE member_id BETWEEN '5ca1e000-0000-0000-0003-000000000000'
                                    AND '5ca1e000-0000-0000-0003-ffffffffffff'
                """, []
            ),
            (
                "SELECT console_recount_members()", []
            ),
        ]
    }
}
