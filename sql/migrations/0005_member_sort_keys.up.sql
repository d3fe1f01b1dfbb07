-- 0005_member_sort_keys: keep the Team list instant at 100,000 members in every sort order.
--
-- The list sorts by a member's name or email, which live in users (or, for a pending
-- invitation, in team_members.invitation_email). Sorting across that join reads and sorts
-- every member of the workspace for each page (~0.6 s at 100,000). This side table holds the
-- two sort keys per live row, maintained by triggers, so a keyset page is an index range
-- scan of a few hundred rows. It lives beside team_members rather than inside it so the
-- seeds' own table shape (17 columns, SEED-ERRATA #3) is unchanged.
-- Also: expression indexes for the other sort orders (last active, role, status), and member
-- search planned for its actual pattern (a SQL function's generic plan ignored the trigram
-- indexes: ~100 ms at 100,000 members instead of ~5 ms).

CREATE TABLE team_member_sort_keys (
    member_id UUID PRIMARY KEY REFERENCES team_members(id) ON DELETE CASCADE,
    workspace_id UUID NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    sort_name TEXT NOT NULL,
    sort_email TEXT NOT NULL
);

CREATE INDEX idx_member_sort_keys_name ON team_member_sort_keys (workspace_id, sort_name, member_id);
CREATE INDEX idx_member_sort_keys_email ON team_member_sort_keys (workspace_id, sort_email, member_id);

CREATE INDEX idx_team_members_sort_last_active
    ON team_members (workspace_id, (COALESCE(last_active_at, '-infinity'::timestamptz)), id)
    WHERE deleted_at IS NULL;
CREATE INDEX idx_team_members_sort_role
    ON team_members (workspace_id,
        (CASE role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 WHEN 'member' THEN 2 ELSE 3 END), id)
    WHERE deleted_at IS NULL;
CREATE INDEX idx_team_members_sort_status
    ON team_members (workspace_id,
        (CASE status WHEN 'active' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END), id)
    WHERE deleted_at IS NULL;

-- The keys of one member row, computed as the list query computes them.
CREATE FUNCTION console_refresh_sort_keys(p_member_ids uuid[])
RETURNS void
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    INSERT INTO team_member_sort_keys (member_id, workspace_id, sort_name, sort_email)
    SELECT tm.id, tm.workspace_id,
           lower(COALESCE(NULLIF(u.full_name, ''), u.email, tm.invitation_email, '')),
           lower(COALESCE(u.email, tm.invitation_email, ''))
    FROM team_members tm LEFT JOIN users u ON u.id = tm.user_id
    WHERE tm.id = ANY (p_member_ids)
    ON CONFLICT (member_id) DO UPDATE
        SET sort_name = EXCLUDED.sort_name, sort_email = EXCLUDED.sort_email
$$;

CREATE FUNCTION team_members_sort_keys_sync()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM console_refresh_sort_keys(ARRAY(SELECT id FROM changed_rows));
    RETURN NULL;
END;
$$;

CREATE TRIGGER team_members_sort_keys_insert
    AFTER INSERT ON team_members REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION team_members_sort_keys_sync();
CREATE TRIGGER team_members_sort_keys_update
    AFTER UPDATE ON team_members REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION team_members_sort_keys_sync();

-- A user renamed or re-addressed moves in every workspace's list.
CREATE FUNCTION users_sort_keys_sync()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM console_refresh_sort_keys(ARRAY(
        SELECT tm.id FROM team_members tm JOIN changed_rows c ON c.id = tm.user_id));
    RETURN NULL;
END;
$$;

CREATE TRIGGER users_sort_keys_update
    AFTER UPDATE ON users REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION users_sort_keys_sync();

SELECT console_refresh_sort_keys(ARRAY(SELECT id FROM team_members));

ALTER TABLE team_member_sort_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE team_member_sort_keys FORCE ROW LEVEL SECURITY;
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_all ON team_member_sort_keys AS PERMISSIVE FOR ALL TO %I USING (true) WITH CHECK (true)',
                   current_user);
END
$$;
CREATE POLICY console_select ON team_member_sort_keys FOR SELECT TO console_app
    USING (workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
           AND (SELECT console_current_role()) IS NOT NULL);
GRANT SELECT ON team_member_sort_keys TO console_app;

-- Same contract as 0003's version; EXECUTE plans each search for its own pattern, so the
-- trigram indexes on users and invitation emails are used.
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
          WHERE tm.workspace_id = $1 AND tm.invitation_email ILIKE $2
         UNION
         SELECT tm.id FROM users u JOIN team_members tm ON tm.user_id = u.id AND tm.workspace_id = $1
          WHERE u.email ILIKE $2 OR u.full_name ILIKE $2'
        USING v_workspace, p_pattern;
END;
$$;

REVOKE ALL ON FUNCTION console_refresh_sort_keys(uuid[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION team_members_sort_keys_sync() FROM PUBLIC;
REVOKE ALL ON FUNCTION users_sort_keys_sync() FROM PUBLIC;
