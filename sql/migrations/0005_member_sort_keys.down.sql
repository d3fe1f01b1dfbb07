-- Reverses 0005_member_sort_keys.
DROP TRIGGER IF EXISTS users_sort_keys_update ON users;
DROP TRIGGER IF EXISTS team_members_sort_keys_update ON team_members;
DROP TRIGGER IF EXISTS team_members_sort_keys_insert ON team_members;
DROP FUNCTION IF EXISTS users_sort_keys_sync();
DROP FUNCTION IF EXISTS team_members_sort_keys_sync();
DROP FUNCTION IF EXISTS console_refresh_sort_keys(uuid[]);
DROP TABLE IF EXISTS team_member_sort_keys;
DROP INDEX IF EXISTS idx_team_members_sort_status;
DROP INDEX IF EXISTS idx_team_members_sort_role;
DROP INDEX IF EXISTS idx_team_members_sort_last_active;

-- 0003's definition of the member search.
CREATE OR REPLACE FUNCTION console_search_members(p_pattern text)
RETURNS SETOF uuid
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
ROWS 100
AS $$
    WITH ws AS (
        SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid AS id
        WHERE console_current_role() IS NOT NULL
    )
    SELECT tm.id FROM ws JOIN team_members tm ON tm.workspace_id = ws.id
    WHERE tm.invitation_email ILIKE p_pattern
    UNION
    SELECT tm.id
    FROM ws
    JOIN users u ON u.email ILIKE p_pattern OR u.full_name ILIKE p_pattern
    JOIN team_members tm ON tm.user_id = u.id AND tm.workspace_id = ws.id
$$;
