-- 0010_narrow_search: a narrow search reads its own workspace's matches only.
--
-- console_search_members looked through trigram indexes over every user of the database
-- (users.email, users.full_name) and kept the session's workspace afterwards: a pattern that
-- is rare in one workspace but common in the database ("user1234" at 1,000,000 rows) read
-- thousands of other workspaces' rows first. The sort-key side table already keeps each row's
-- searchable text (0009); one GIN index over (workspace_id, search_text) lets the search ask
-- for "this workspace AND these trigrams" in the index itself (btree_gin supplies the GIN
-- operator class for uuid), so it costs the workspace's matches, not the database's.
--
-- The store walks the list's own order for a broad pattern (0009) and goes to the trigram
-- search only when the walk finds too few rows; for a narrow pattern that walk was wasted
-- (up to 1,000 index probes before the trigram search answered). console_search_breadth
-- gives the planner's estimate of how common a pattern is, from the statistics it keeps on
-- search_text, so the store can skip the walk for a pattern it expects to be rare.

CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE INDEX idx_member_sort_keys_search
    ON team_member_sort_keys USING GIN (workspace_id, search_text gin_trgm_ops);

-- Same contract as 0008's version: the ids of the session workspace's live rows whose user's
-- email or name, or pending invitation email, matches the ILIKE pattern. search_text holds
-- exactly those parts, joined by a newline (0009); the store escapes `%` and `_` and refuses
-- control characters, so a pattern it sends cannot match across two parts.
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
        'SELECT k.member_id FROM team_member_sort_keys k
          WHERE k.workspace_id = $1 AND k.search_text ILIKE $2'
        USING v_workspace, p_pattern;
END;
$$;

-- The share of members' searchable text the planner expects the ILIKE pattern to match
-- (0 to 1), from the statistics ANALYZE keeps on search_text (its histogram and most common
-- values): planning a query costs a fraction of a millisecond, running it may cost the whole
-- match set. 0 when the table has no statistics yet (a new or small database, where every
-- search is cheap) and for a session without a role. An estimate over every workspace, not
-- only the session's: the store uses it to choose a strategy, never to show a number.
-- VOLATILE because PostgreSQL runs EXPLAIN only in volatile functions; it changes nothing.
CREATE FUNCTION console_search_breadth(p_pattern text)
RETURNS double precision
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    v_rows double precision;
    v_plan json;
BEGIN
    IF console_current_role() IS NULL THEN
        RETURN 0;
    END IF;
    SELECT c.reltuples INTO v_rows FROM pg_class c
    WHERE c.oid = 'public.team_member_sort_keys'::regclass;
    IF v_rows IS NULL OR v_rows <= 0 THEN
        RETURN 0;
    END IF;
    EXECUTE 'EXPLAIN (FORMAT JSON) SELECT 1 FROM team_member_sort_keys WHERE search_text ILIKE $1'
        INTO v_plan USING p_pattern;
    RETURN least(1.0, (v_plan -> 0 -> 'Plan' ->> 'Plan Rows')::double precision / v_rows);
END;
$$;

REVOKE ALL ON FUNCTION console_search_breadth(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION console_search_breadth(text) TO console_app;
