-- Reverses 0011_sort_key_source: 0009's function, computing the keys itself.
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

DROP VIEW team_member_sort_key_source;
