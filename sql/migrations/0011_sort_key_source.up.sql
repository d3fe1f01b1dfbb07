-- 0011_sort_key_source: the sort keys and searchable text of a member, defined once.
--
-- console_refresh_sort_keys computed each row's keys in its own SELECT, which suits the
-- triggers (a few ids at a time) but not a bulk load: loading 1,000,000 rows through it meant
-- an array of every id and an upsert per row (19 s on a loaded machine, against 8.5 s for a
-- plain INSERT ... SELECT). The computation is now a view, read by the function for its ids
-- and by a bulk load for every row, so the two can never compute different keys.
-- security_invoker: reading the view checks the reader's own rights on the tables (and their
-- row-level security), and it is granted to no one but its owner.

CREATE VIEW team_member_sort_key_source WITH (security_invoker = true) AS
SELECT tm.id AS member_id, tm.workspace_id,
       lower(COALESCE(NULLIF(u.full_name, ''), u.email, tm.invitation_email, '')) AS sort_name,
       lower(COALESCE(u.email, tm.invitation_email, '')) AS sort_email,
       concat_ws(E'\n', u.email, u.full_name,
                 CASE WHEN tm.status = 'pending' THEN tm.invitation_email END) AS search_text
FROM team_members tm LEFT JOIN users u ON u.id = tm.user_id
WHERE tm.deleted_at IS NULL;

REVOKE ALL ON team_member_sort_key_source FROM PUBLIC;

-- 0009's function, reading the view.
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
    SELECT k.member_id, k.workspace_id, k.sort_name, k.sort_email, k.search_text
    FROM team_member_sort_key_source k
    WHERE k.member_id = ANY (p_member_ids)
    ON CONFLICT (member_id) DO UPDATE
        SET sort_name = EXCLUDED.sort_name, sort_email = EXCLUDED.sort_email,
            search_text = EXCLUDED.search_text;
END;
$$;
