-- Reverses 0010_narrow_search: 0008's member search over the users' trigram indexes, and no
-- breadth estimate. The btree_gin extension stays, as 0001's extensions do.
DROP FUNCTION console_search_breadth(text);

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

DROP INDEX idx_member_sort_keys_search;
