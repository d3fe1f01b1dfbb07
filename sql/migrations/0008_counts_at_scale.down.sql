-- Reverses 0008_counts_at_scale: back to counting rows.
DROP TRIGGER IF EXISTS team_members_counts_delete ON team_members;
DROP TRIGGER IF EXISTS team_members_counts_update ON team_members;
DROP TRIGGER IF EXISTS team_members_counts_insert ON team_members;
DROP FUNCTION IF EXISTS team_member_counts_sync();
DROP FUNCTION IF EXISTS console_recount_members();
DROP TABLE IF EXISTS team_member_counts;
DROP INDEX IF EXISTS idx_team_members_workspace_user_all;
DROP INDEX IF EXISTS idx_team_members_pending_email_trgm;

-- 0006's member search.
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
          WHERE tm.workspace_id = $1 AND tm.deleted_at IS NULL AND tm.invitation_email ILIKE $2
         UNION
         SELECT tm.id FROM users u
           JOIN team_members tm ON tm.user_id = u.id AND tm.workspace_id = $1
                               AND tm.deleted_at IS NULL
          WHERE u.email ILIKE $2 OR u.full_name ILIKE $2'
        USING v_workspace, p_pattern;
END;
$$;


-- 0003's users policy.
DROP POLICY console_select ON users;
CREATE POLICY console_select ON users FOR SELECT TO console_app
    USING ((SELECT console_current_role()) IS NOT NULL
           AND EXISTS (
               SELECT 1 FROM team_members tm
               WHERE tm.user_id = users.id
                 AND tm.workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
                 AND tm.deleted_at IS NULL));

-- 0003's definitions.
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
    SELECT count(*) INTO v_used FROM team_members t
    WHERE t.workspace_id = p_workspace_id AND t.deleted_at IS NULL
      AND t.status IN ('active', 'pending');
    IF v_used > v_limit THEN
        RAISE EXCEPTION USING
            ERRCODE = 'SC002',
            MESSAGE = format('seat_limit: %s seats in use (active members and pending invitations), the plan allows %s',
                             v_used, v_limit),
            DETAIL = format('workspace %s', p_workspace_id);
    END IF;
END;
$$;

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
           (SELECT count(*)::int FROM team_members t
             WHERE t.workspace_id = ws.id AND t.deleted_at IS NULL
               AND t.status IN ('active', 'pending')),
           (SELECT count(*)::int FROM integrations_config i WHERE i.workspace_id = ws.id),
           (SELECT count(*)::int FROM api_keys k
             WHERE k.workspace_id = ws.id AND k.revoked_at IS NULL)
    FROM ws
    LEFT JOIN billing_config b ON b.workspace_id = ws.id
$$;

-- 0004's user_ssh_keys policies.
DROP POLICY console_select ON user_ssh_keys;
DROP POLICY console_insert ON user_ssh_keys;
DROP POLICY console_delete ON user_ssh_keys;
CREATE POLICY console_select ON user_ssh_keys FOR SELECT TO console_app
    USING ((SELECT console_current_role()) IN ('owner', 'admin')
           AND EXISTS (
               SELECT 1 FROM team_members tm
               WHERE tm.user_id = user_ssh_keys.user_id
                 AND tm.workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
                 AND tm.deleted_at IS NULL));
CREATE POLICY console_insert ON user_ssh_keys FOR INSERT TO console_app
    WITH CHECK ((SELECT console_current_role()) IN ('owner', 'admin')
                AND created_by = (SELECT NULLIF(current_setting('app.current_user_id', true), '')::uuid)
                AND EXISTS (
                    SELECT 1 FROM team_members tm
                    WHERE tm.user_id = user_ssh_keys.user_id
                      AND tm.workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
                      AND tm.deleted_at IS NULL));
CREATE POLICY console_delete ON user_ssh_keys FOR DELETE TO console_app
    USING ((SELECT console_current_role()) IN ('owner', 'admin')
           AND EXISTS (
               SELECT 1 FROM team_members tm
               WHERE tm.user_id = user_ssh_keys.user_id
                 AND tm.workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
                 AND tm.deleted_at IS NULL));
