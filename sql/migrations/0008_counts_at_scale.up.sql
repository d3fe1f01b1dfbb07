-- 0008_counts_at_scale: the Team header counts and the seat check in O(1) (issue 11).
--
-- Counting a workspace's members was an aggregate over its rows (~45 ms at 100,000 members)
-- on every header refresh and every seat check. These counters are kept by statement-level
-- triggers in the same transaction as the change, so they are exact whenever anyone can see
-- them; `sql/check.sh` and the domain tests compare them with count(*).
-- Run by the migrator inside one transaction: no BEGIN/COMMIT here.

CREATE TABLE team_member_counts (
    workspace_id UUID PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
    active INTEGER NOT NULL DEFAULT 0 CHECK (active >= 0),
    pending INTEGER NOT NULL DEFAULT 0 CHECK (pending >= 0),
    inactive INTEGER NOT NULL DEFAULT 0 CHECK (inactive >= 0),
    active_owners INTEGER NOT NULL DEFAULT 0 CHECK (active_owners >= 0)
);

COMMENT ON TABLE team_member_counts IS 'Live team_members rows per workspace and status, kept by triggers (exact)';

-- Applies one statement's change to the counters: +1 for each new live row, -1 for each old
-- one, by status. Each workspace whose counts move is locked first (in order), the lock every
-- membership change takes before its row locks, so counter rows never invert the lock order.
CREATE FUNCTION team_member_counts_sync()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    v_rows text;
    d record;
BEGIN
    v_rows := CASE TG_OP
        WHEN 'INSERT' THEN 'SELECT workspace_id, 1 AS sign, status, role FROM new_rows WHERE deleted_at IS NULL'
        WHEN 'DELETE' THEN 'SELECT workspace_id, -1 AS sign, status, role FROM old_rows WHERE deleted_at IS NULL'
        ELSE 'SELECT workspace_id, 1 AS sign, status, role FROM new_rows WHERE deleted_at IS NULL
              UNION ALL
              SELECT workspace_id, -1 AS sign, status, role FROM old_rows WHERE deleted_at IS NULL'
    END;
    -- Only workspaces whose counts move: an activity stamp changes nothing and locks nothing.
    FOR d IN EXECUTE format($sql$
        SELECT workspace_id,
               COALESCE(sum(sign) FILTER (WHERE status = 'active'), 0) AS active,
               COALESCE(sum(sign) FILTER (WHERE status = 'pending'), 0) AS pending,
               COALESCE(sum(sign) FILTER (WHERE status = 'inactive'), 0) AS inactive,
               COALESCE(sum(sign) FILTER (WHERE status = 'active' AND role = 'owner'), 0) AS owners
        FROM (%s) r
        GROUP BY workspace_id
        HAVING (COALESCE(sum(sign) FILTER (WHERE status = 'active'), 0),
                COALESCE(sum(sign) FILTER (WHERE status = 'pending'), 0),
                COALESCE(sum(sign) FILTER (WHERE status = 'inactive'), 0),
                COALESCE(sum(sign) FILTER (WHERE status = 'active' AND role = 'owner'), 0))
               <> (0, 0, 0, 0)
        ORDER BY workspace_id
        $sql$, v_rows) LOOP
        PERFORM console_lock_workspace(d.workspace_id);
        INSERT INTO team_member_counts (workspace_id)
        SELECT w.id FROM workspaces w WHERE w.id = d.workspace_id
        ON CONFLICT (workspace_id) DO NOTHING;
        UPDATE team_member_counts c SET
            active = c.active + d.active, pending = c.pending + d.pending,
            inactive = c.inactive + d.inactive, active_owners = c.active_owners + d.owners
        WHERE c.workspace_id = d.workspace_id;
    END LOOP;
    RETURN NULL;
END;
$$;

-- Named to fire before team_members_invariants_* (triggers of one event fire by name), so
-- the seat check reads counters that include this statement.
CREATE TRIGGER team_members_counts_insert
AFTER INSERT ON team_members REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION team_member_counts_sync();
CREATE TRIGGER team_members_counts_update
AFTER UPDATE ON team_members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION team_member_counts_sync();
CREATE TRIGGER team_members_counts_delete
AFTER DELETE ON team_members REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION team_member_counts_sync();

-- Recounts every workspace from its rows: the backfill below, and bulk loads that bypass the
-- triggers (ScaleSeed) call it once afterwards.
CREATE FUNCTION console_recount_members()
RETURNS void
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    INSERT INTO team_member_counts AS c (workspace_id, active, pending, inactive, active_owners)
    SELECT w.id,
           count(t.id) FILTER (WHERE t.status = 'active'),
           count(t.id) FILTER (WHERE t.status = 'pending'),
           count(t.id) FILTER (WHERE t.status = 'inactive'),
           count(t.id) FILTER (WHERE t.status = 'active' AND t.role = 'owner')
    FROM workspaces w
    LEFT JOIN team_members t ON t.workspace_id = w.id AND t.deleted_at IS NULL
    GROUP BY w.id
    ON CONFLICT (workspace_id) DO UPDATE SET
        active = EXCLUDED.active, pending = EXCLUDED.pending,
        inactive = EXCLUDED.inactive, active_owners = EXCLUDED.active_owners
$$;

SELECT console_recount_members();

-- The seat check reads the counter (same contract as 0003's version).
CREATE OR REPLACE FUNCTION console_check_seats(p_workspace_id uuid)
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    v_limit integer;
    v_used integer;
BEGIN
    PERFORM console_lock_workspace(p_workspace_id);
    SELECT b.team_members_limit INTO v_limit
    FROM billing_config b WHERE b.workspace_id = p_workspace_id;
    IF v_limit IS NULL THEN
        RETURN;
    END IF;
    SELECT c.active + c.pending INTO v_used
    FROM team_member_counts c WHERE c.workspace_id = p_workspace_id;
    IF COALESCE(v_used, 0) > v_limit THEN
        RAISE EXCEPTION USING
            ERRCODE = 'SC002',
            MESSAGE = format('seat_limit: %s seats in use (active members and pending invitations), the plan allows %s',
                             v_used, v_limit),
            DETAIL = format('workspace %s', p_workspace_id);
    END IF;
END;
$$;

-- Same contract as 0003's; seats from the counter.
CREATE OR REPLACE FUNCTION console_plan_limits()
RETURNS TABLE (
    plan_type text,
    plan_status text,
    traces_per_month_limit integer,
    team_members_limit integer,
    api_keys_limit integer,
    data_retention_days integer,
    custom_integrations_limit integer,
    seats_used integer,
    integrations_used integer,
    api_keys_used integer
)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    WITH ws AS (
        SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid AS id
        WHERE console_current_role() IS NOT NULL
    )
    SELECT b.plan_type::text, b.plan_status::text, b.traces_per_month_limit,
           b.team_members_limit, b.api_keys_limit, b.data_retention_days,
           b.custom_integrations_limit,
           COALESCE((SELECT c.active + c.pending FROM team_member_counts c
                     WHERE c.workspace_id = ws.id), 0),
           (SELECT count(*)::int FROM integrations_config i WHERE i.workspace_id = ws.id),
           (SELECT count(*)::int FROM api_keys k
             WHERE k.workspace_id = ws.id AND k.revoked_at IS NULL)
    FROM ws
    LEFT JOIN billing_config b ON b.workspace_id = ws.id
$$;

-- "Has this user any row here, removed ones included?" (the audit policy asks it on every
-- audited change) needs an index that does not skip removed rows.
CREATE INDEX idx_team_members_workspace_user_all ON team_members (workspace_id, user_id);

-- users: the same rule as 0003's policy, asked per user row. Written as a plain EXISTS, the
-- planner hashed every member of the workspace for each query that reads one user (64 ms
-- for one member at 100,000 members); OFFSET 0 keeps it an index probe per row (3 ms).
DROP POLICY console_select ON users;
CREATE POLICY console_select ON users FOR SELECT TO console_app
    USING ((SELECT console_current_role()) IS NOT NULL
           AND EXISTS (
               SELECT 1 FROM team_members tm
               WHERE tm.user_id = users.id
                 AND tm.workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
                 AND tm.deleted_at IS NULL
               OFFSET 0));

-- user_ssh_keys: 0004's rules, with the same per-row probe.
DROP POLICY console_select ON user_ssh_keys;
DROP POLICY console_insert ON user_ssh_keys;
DROP POLICY console_delete ON user_ssh_keys;
CREATE POLICY console_select ON user_ssh_keys FOR SELECT TO console_app
    USING ((SELECT console_current_role()) IN ('owner', 'admin')
           AND EXISTS (
               SELECT 1 FROM team_members tm
               WHERE tm.user_id = user_ssh_keys.user_id
                 AND tm.workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
                 AND tm.deleted_at IS NULL
               OFFSET 0));
CREATE POLICY console_insert ON user_ssh_keys FOR INSERT TO console_app
    WITH CHECK ((SELECT console_current_role()) IN ('owner', 'admin')
                AND created_by = (SELECT NULLIF(current_setting('app.current_user_id', true), '')::uuid)
                AND EXISTS (
                    SELECT 1 FROM team_members tm
                    WHERE tm.user_id = user_ssh_keys.user_id
                      AND tm.workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
                      AND tm.deleted_at IS NULL
                    OFFSET 0));
CREATE POLICY console_delete ON user_ssh_keys FOR DELETE TO console_app
    USING ((SELECT console_current_role()) IN ('owner', 'admin')
           AND EXISTS (
               SELECT 1 FROM team_members tm
               WHERE tm.user_id = user_ssh_keys.user_id
                 AND tm.workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
                 AND tm.deleted_at IS NULL
               OFFSET 0));

-- Member search: an invitation is found by its email while it is pending (a member by their
-- user's email and name). The pending rows are a small part of a workspace, and a trigram
-- index over them alone is one the planner always takes; over every row's historical
-- invitation email it sometimes preferred reading the whole table.
CREATE INDEX idx_team_members_pending_email_trgm
    ON team_members USING GIN (invitation_email gin_trgm_ops)
    WHERE status = 'pending' AND deleted_at IS NULL;

CREATE OR REPLACE FUNCTION console_search_members(p_pattern text)
RETURNS SETOF uuid
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
ROWS 100
AS $$
DECLARE
    v_workspace uuid := NULLIF(current_setting('app.current_workspace_id', true), '')::uuid;
BEGIN
    IF v_workspace IS NULL OR console_current_role() IS NULL THEN
        RETURN;
    END IF;
    RETURN QUERY EXECUTE
        'SELECT tm.id FROM team_members tm
          WHERE tm.workspace_id = $1 AND tm.status = ''pending'' AND tm.deleted_at IS NULL
            AND tm.invitation_email ILIKE $2
         UNION
         SELECT tm.id FROM users u
           JOIN team_members tm ON tm.user_id = u.id AND tm.workspace_id = $1
                               AND tm.deleted_at IS NULL
          WHERE u.email ILIKE $2 OR u.full_name ILIKE $2'
        USING v_workspace, p_pattern;
END;
$$;

ALTER TABLE team_member_counts ENABLE ROW LEVEL SECURITY;
ALTER TABLE team_member_counts FORCE ROW LEVEL SECURITY;
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_all ON team_member_counts AS PERMISSIVE FOR ALL TO %I USING (true) WITH CHECK (true)',
                   current_user);
END
$$;
CREATE POLICY console_select ON team_member_counts FOR SELECT TO console_app
    USING (workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
           AND (SELECT console_current_role()) IS NOT NULL);
GRANT SELECT ON team_member_counts TO console_app;

REVOKE ALL ON FUNCTION team_member_counts_sync() FROM PUBLIC;
REVOKE ALL ON FUNCTION console_recount_members() FROM PUBLIC;
