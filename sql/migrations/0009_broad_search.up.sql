-- 0009_broad_search: a search that matches much of the workspace costs one short walk.
--
-- console_search_members answers with every matching member, which for a broad pattern
-- ("u", "user", a common domain) is most of the workspace: ~725 ms at 1,000,000 rows to find
-- the first 200 of them. The side table of sort keys now also keeps each row's searchable
-- text, exactly what console_search_members compares: the user's email and name, and the
-- invitation email while the row is pending. The list can then walk its own order (an index
-- on workspace and sort key) and keep the rows whose text matches, stopping at the page's
-- LIMIT: for a broad pattern that is a few hundred rows. The parts are joined by a newline,
-- which a search cannot contain (the store refuses control characters), so a pattern never
-- matches across two of them. Narrow patterns still go through console_search_members and
-- its trigram indexes (the store samples the workspace to choose, see SettingsStore.members).

ALTER TABLE team_member_sort_keys ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

-- 0006's function (a removed member leaves the keys), with the searchable text.
CREATE OR REPLACE FUNCTION console_refresh_sort_keys(p_member_ids uuid[])
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    DELETE FROM team_member_sort_keys s
    USING team_members tm
    WHERE s.member_id = tm.id AND tm.id = ANY (p_member_ids) AND tm.deleted_at IS NOT NULL;
    INSERT INTO team_member_sort_keys (member_id, workspace_id, sort_name, sort_email, search_text)
    SELECT tm.id, tm.workspace_id,
           lower(COALESCE(NULLIF(u.full_name, ''), u.email, tm.invitation_email, '')),
           lower(COALESCE(u.email, tm.invitation_email, '')),
           concat_ws(E'\n', u.email, u.full_name,
                     CASE WHEN tm.status = 'pending' THEN tm.invitation_email END)
    FROM team_members tm LEFT JOIN users u ON u.id = tm.user_id
    WHERE tm.id = ANY (p_member_ids) AND tm.deleted_at IS NULL
    ON CONFLICT (member_id) DO UPDATE
        SET sort_name = EXCLUDED.sort_name, sort_email = EXCLUDED.sort_email,
            search_text = EXCLUDED.search_text;
END;
$$;

SELECT console_refresh_sort_keys(ARRAY(SELECT id FROM team_members WHERE deleted_at IS NULL));
