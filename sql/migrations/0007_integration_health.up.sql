-- 0007_integration_health: every delivery attempt of an integration is kept (the check
-- history behind "unhealthy since 02:14", the recent attempts and the circuit breaker), and
-- changes to the settings tables NOTIFY a per-workspace channel so open consoles refresh
-- within a second. Run by the migrator inside one transaction: no BEGIN/COMMIT here.
--
-- Channel: 'sc_ws_' || the workspace id without dashes (38 characters, below the 63 limit).
-- Payload: 'team', 'billing' or 'integrations' - which view to reload, nothing else.

-- A check row must name an integration of the same workspace; this key lets the foreign key
-- say so instead of trusting the writer.
ALTER TABLE integrations_config
    ADD CONSTRAINT integrations_config_id_workspace_key UNIQUE (id, workspace_id);

CREATE TABLE integration_checks (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id UUID NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    integration_id UUID NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    duration_ms INTEGER NOT NULL,
    outcome VARCHAR(16) NOT NULL,
    http_status INTEGER,
    error_message TEXT,
    source VARCHAR(16) NOT NULL,
    triggered_by UUID REFERENCES users(id) ON DELETE SET NULL,

    CONSTRAINT integration_checks_integration_fkey FOREIGN KEY (integration_id, workspace_id)
        REFERENCES integrations_config (id, workspace_id) ON DELETE CASCADE,
    CONSTRAINT integration_checks_outcome_check CHECK (outcome IN (
        'delivered', 'rejected', 'server_error', 'timed_out', 'unreachable', 'blocked')),
    CONSTRAINT integration_checks_source_check CHECK (source IN ('manual', 'checker')),
    CONSTRAINT integration_checks_duration_check CHECK (duration_ms >= 0),
    CONSTRAINT integration_checks_status_check CHECK (http_status IS NULL OR http_status BETWEEN 100 AND 599),
    CONSTRAINT integration_checks_error_check CHECK (length(error_message) <= 1024)
);

COMMENT ON TABLE integration_checks IS 'Every test delivery of an integration: when, how long, outcome, HTTP status, sanitised error';
COMMENT ON COLUMN integration_checks.error_message IS 'Sanitised and capped by the application; never credentials';

CREATE INDEX idx_integration_checks_recent
    ON integration_checks (workspace_id, integration_id, attempted_at DESC, id DESC);

-- History is bounded: the newest 500 attempts per integration are kept. SECURITY DEFINER
-- because console_app may not delete (the history is append-only for it).
CREATE FUNCTION integration_checks_trim()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    DELETE FROM integration_checks
    WHERE id IN (SELECT id FROM integration_checks
                 WHERE integration_id = NEW.integration_id
                 ORDER BY id DESC OFFSET 500);
    RETURN NULL;
END;
$$;

CREATE TRIGGER integration_checks_trim
AFTER INSERT ON integration_checks
FOR EACH ROW
EXECUTE FUNCTION integration_checks_trim();

ALTER TABLE integration_checks ENABLE ROW LEVEL SECURITY;
ALTER TABLE integration_checks FORCE ROW LEVEL SECURITY;

DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_all ON integration_checks AS PERMISSIVE FOR ALL TO %I USING (true) WITH CHECK (true)',
                   current_user);
END
$$;

-- Every active member reads the history (on-call engineers are often plain members);
-- owners and admins, who may test, append attempts as themselves.
CREATE POLICY console_select ON integration_checks FOR SELECT TO console_app
    USING (workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
           AND (SELECT console_current_role()) IS NOT NULL);
CREATE POLICY console_insert ON integration_checks FOR INSERT TO console_app
    WITH CHECK (workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
                AND triggered_by = (SELECT NULLIF(current_setting('app.current_user_id', true), '')::uuid)
                AND (SELECT console_current_role()) IN ('owner', 'admin'));

GRANT SELECT ON integration_checks TO console_app;
GRANT INSERT (workspace_id, integration_id, attempted_at, duration_ms, outcome, http_status,
              error_message, source, triggered_by)
    ON integration_checks TO console_app;

-- =====================================================================
-- Live refresh: NOTIFY sc_ws_<workspace> with the view to reload. NOTIFY is delivered at
-- commit and identical notifications of one transaction are folded into one, so a row
-- trigger costs a bulk change one message per view.
-- =====================================================================
CREATE FUNCTION console_workspace_channel(p_workspace_id uuid)
RETURNS text
LANGUAGE sql
IMMUTABLE
SET search_path = public, pg_temp
AS $$
    SELECT 'sc_ws_' || replace(p_workspace_id::text, '-', '')
$$;

CREATE FUNCTION console_notify_change()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = public, pg_temp
AS $$
DECLARE
    v_row record;
BEGIN
    IF TG_OP = 'DELETE' THEN v_row := OLD; ELSE v_row := NEW; END IF;
    PERFORM pg_notify(console_workspace_channel(v_row.workspace_id), TG_ARGV[0]);
    RETURN NULL;
END;
$$;

CREATE TRIGGER team_members_notify
AFTER INSERT OR UPDATE OR DELETE ON team_members
FOR EACH ROW EXECUTE FUNCTION console_notify_change('team');
CREATE TRIGGER billing_config_notify
AFTER INSERT OR UPDATE OR DELETE ON billing_config
FOR EACH ROW EXECUTE FUNCTION console_notify_change('billing');
CREATE TRIGGER integrations_config_notify
AFTER INSERT OR UPDATE OR DELETE ON integrations_config
FOR EACH ROW EXECUTE FUNCTION console_notify_change('integrations');
CREATE TRIGGER integration_checks_notify
AFTER INSERT ON integration_checks
FOR EACH ROW EXECUTE FUNCTION console_notify_change('integrations');

-- Subscribes the calling connection to the session's workspace channel (takes effect at
-- commit). A function, so the console sends no SQL text built from values, and refuses
-- anyone who is not an active member of that workspace.
CREATE FUNCTION console_listen_workspace()
RETURNS text
LANGUAGE plpgsql
VOLATILE
SET search_path = public, pg_temp
AS $$
DECLARE
    v_workspace uuid := NULLIF(current_setting('app.current_workspace_id', true), '')::uuid;
    v_channel text;
BEGIN
    IF v_workspace IS NULL OR console_current_role() IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = 'forbidden: only active members follow a workspace''s changes';
    END IF;
    v_channel := console_workspace_channel(v_workspace);
    EXECUTE format('LISTEN %I', v_channel);
    RETURN v_channel;
END;
$$;

REVOKE ALL ON FUNCTION integration_checks_trim() FROM PUBLIC;
REVOKE ALL ON FUNCTION console_notify_change() FROM PUBLIC;
REVOKE ALL ON FUNCTION console_workspace_channel(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION console_listen_workspace() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION console_workspace_channel(uuid) TO console_app;
GRANT EXECUTE ON FUNCTION console_listen_workspace() TO console_app;
