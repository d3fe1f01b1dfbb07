-- 0003_security: audit log, login attempts, the console_app role, row-level security
-- (the second lock behind the Swift policy), invariant triggers and the SECURITY DEFINER
-- functions for pre-identity look-ups. Run by the migrator (a superuser, or at least the
-- owner of every table) inside one transaction: no BEGIN/COMMIT here.
--
-- ERRORS RAISED (the store maps them to typed errors; match the SQLSTATE or the message
-- prefix up to the first ':'):
--   SC001  last_owner: ...        a change would leave a workspace that had an active owner
--                                 without one active, live owner
--   SC002  seat_limit: ...        active + pending live rows would exceed
--                                 billing_config.team_members_limit (also raised when the
--                                 limit is lowered below current use)
--   SC003  integration_limit: ... integrations_config rows would exceed
--                                 custom_integrations_limit (also when lowered below use)
--   SC004  api_key_limit: ...     unrevoked api_keys would exceed api_keys_limit (also when
--                                 lowered below use)
--   SC005  immutable: ...         team_members.id / workspace_id changed (superuser only;
--                                 console_app has no UPDATE on those columns)
--   SC006  isolation: ...         a checked change at REPEATABLE READ (the counts could
--                                 miss concurrent commits); use READ COMMITTED or
--                                 SERIALIZABLE (which may fail with 40001: retry)
--   23505  already_member: ...    a live pending invitation for an email whose user already
--                                 has a live row in the workspace (unique_violation)
--   22023  weak_password: ...     console_accept_invitation: new user's password shorter
--                                 than 8 characters (invalid_parameter_value)
--   22023  invalid_name: ...      console_accept_invitation: full name longer than 256
--   42501  forbidden: ...         an admin changing or removing an owner's row
--   42501  (PostgreSQL's own)     other row-level security / privilege refusals
-- NULL limits mean unlimited. The triggers run at statement end (AFTER ... FOR EACH
-- STATEMENT with transition tables): order multi-step changes so that every statement
-- leaves a valid state (promote the new owner before demoting the old one).
--
-- CONCURRENCY: the checks take pg_advisory_xact_lock(hashtext(workspace_id::text)) - the
-- key console_lock_workspace(uuid) takes - and then count with a fresh snapshot, so they
-- are exact at READ COMMITTED (the default); under SERIALIZABLE a conflicting transaction
-- fails with 40001 instead; REPEATABLE READ is refused (SC006). Mutating transactions should call console_lock_workspace
-- first (before locking any row) so locks are always taken in the same order.

-- =====================================================================
-- audit_logs (seed 002's shape). workspace_id is NULL only for authentication events
-- whose user is unknown (auth.*); those rows are visible to no console_app session.
-- =====================================================================
CREATE TABLE audit_logs (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    workspace_id UUID REFERENCES workspaces(id) ON DELETE CASCADE,
    user_id UUID REFERENCES users(id) ON DELETE SET NULL,
    action VARCHAR(64) NOT NULL,
    resource_type VARCHAR(64) NOT NULL,
    resource_id UUID,
    changes JSONB,
    ip_address INET,
    user_agent TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    CONSTRAINT audit_logs_action_check CHECK (action ~ '^[a-z][a-z0-9_]*\.[a-z][a-z0-9_.]*$'),
    CONSTRAINT audit_logs_workspace_check CHECK (workspace_id IS NOT NULL OR action LIKE 'auth.%')
);

COMMENT ON TABLE audit_logs IS 'Append-only record of every settings change and authentication event';
COMMENT ON COLUMN audit_logs.user_id IS 'The actor (for auth.* events: the user who tried to log in, if known)';
COMMENT ON COLUMN audit_logs.changes IS 'before/after as JSON; never secrets';

CREATE INDEX idx_audit_logs_workspace_created
    ON audit_logs (workspace_id, created_at DESC, id);
CREATE INDEX idx_audit_logs_user ON audit_logs (user_id) WHERE user_id IS NOT NULL;

-- =====================================================================
-- login_attempts: every password login attempt, for the lockout. Only the SECURITY
-- DEFINER functions touch it.
-- =====================================================================
CREATE TABLE login_attempts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email VARCHAR(320) NOT NULL,
    user_id UUID REFERENCES users(id) ON DELETE SET NULL,
    succeeded BOOLEAN NOT NULL,
    outcome VARCHAR(16) NOT NULL,
    method VARCHAR(32) NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    CONSTRAINT login_attempts_outcome_check CHECK (outcome IN ('ok', 'invalid', 'locked')),
    CONSTRAINT login_attempts_succeeded_check CHECK (succeeded = (outcome = 'ok'))
);

CREATE INDEX idx_login_attempts_email ON login_attempts (email, attempted_at DESC);

-- =====================================================================
-- The role the console runs as. Cluster-wide, so created only when missing (many test
-- databases share one cluster) and never dropped by a down migration.
-- =====================================================================
DO $$
BEGIN
    IF current_user = 'console_app' THEN
        RAISE EXCEPTION 'run the migrations as the database owner, not as console_app';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'console_app') THEN
        BEGIN
            CREATE ROLE console_app LOGIN NOINHERIT NOSUPERUSER NOBYPASSRLS
                NOCREATEDB NOCREATEROLE NOREPLICATION;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL; -- created meanwhile by a migration of another database
        END;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles
               WHERE rolname = 'console_app' AND (rolsuper OR rolbypassrls)) THEN
        RAISE EXCEPTION 'role console_app must not be SUPERUSER or BYPASSRLS';
    END IF;
END
$$;

-- =====================================================================
-- Helpers
-- =====================================================================

-- Role of app.current_user_id in app.current_workspace_id, if an active, live member;
-- else NULL. SECURITY DEFINER: policies call it without recursing into RLS.
CREATE FUNCTION console_current_role()
RETURNS text
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    SELECT tm.role::text
    FROM team_members tm
    WHERE tm.workspace_id = NULLIF(current_setting('app.current_workspace_id', true), '')::uuid
      AND tm.user_id = NULLIF(current_setting('app.current_user_id', true), '')::uuid
      AND tm.status = 'active'
      AND tm.deleted_at IS NULL
$$;

-- Does app.current_user_id have any team_members row (any status, even removed) in
-- app.current_workspace_id? Lets a member who just deactivated or removed themselves
-- still write the audit row of that change.
CREATE FUNCTION console_current_user_has_membership()
RETURNS boolean
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    SELECT EXISTS (
        SELECT 1 FROM team_members tm
        WHERE tm.workspace_id = NULLIF(current_setting('app.current_workspace_id', true), '')::uuid
          AND tm.user_id = NULLIF(current_setting('app.current_user_id', true), '')::uuid)
$$;

-- The per-workspace lock every membership / limit check takes. Same key as
-- SELECT pg_advisory_xact_lock(hashtext('<lower-case uuid>')). The checks count after
-- taking it, which is exact only when the count sees what committed meanwhile (READ
-- COMMITTED) or conflicts are detected (SERIALIZABLE, 40001); at REPEATABLE READ neither
-- holds, so it is refused.
CREATE FUNCTION console_lock_workspace(p_workspace_id uuid)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SET search_path = public, pg_temp
AS $$
BEGIN
    IF current_setting('transaction_isolation') = 'repeatable read' THEN
        RAISE EXCEPTION USING
            ERRCODE = 'SC006',
            MESSAGE = 'isolation: membership and limit changes need READ COMMITTED or SERIALIZABLE, not REPEATABLE READ';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext(p_workspace_id::text));
END;
$$;

-- Client address and agent for audit rows written by the definer functions, taken from
-- the optional transaction settings app.client_ip / app.user_agent; bad values are ignored.
CREATE FUNCTION console_client_ip()
RETURNS inet
LANGUAGE plpgsql
STABLE
SET search_path = public, pg_temp
AS $$
BEGIN
    RETURN NULLIF(current_setting('app.client_ip', true), '')::inet;
EXCEPTION WHEN others THEN
    RETURN NULL;
END;
$$;

CREATE FUNCTION console_client_agent()
RETURNS text
LANGUAGE sql
STABLE
SET search_path = public, pg_temp
AS $$
    SELECT left(NULLIF(current_setting('app.user_agent', true), ''), 512)
$$;

-- Plan limits and live usage of the current workspace, for any active member (admins
-- cannot read billing_config but must know the seat limit). One row, or none when the
-- caller is not an active member. NULL limit = unlimited (or no billing row).
CREATE FUNCTION console_plan_limits()
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

-- Sealed credentials of one integration of the current workspace, for owners and admins
-- only (console_app cannot SELECT integrations_config.credentials_encrypted).
CREATE FUNCTION console_integration_credentials(p_integration_id uuid)
RETURNS TABLE (credentials_encrypted text, encryption_key_id text)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    SELECT i.credentials_encrypted, i.encryption_key_id::text
    FROM integrations_config i
    WHERE i.id = p_integration_id
      AND i.workspace_id = NULLIF(current_setting('app.current_workspace_id', true), '')::uuid
      AND console_current_role() IN ('owner', 'admin')
$$;

-- Ids of the current workspace's team_members rows (any status, deleted too: filter in
-- the caller) whose invitation_email, user email or user full name matches the ILIKE
-- pattern (escape % _ \ in user text). For active members only. Why a function: under
-- RLS, non-leakproof operators such as ILIKE cannot use the trigram indexes, so a
-- search over a 100,000-member workspace would scan; as the owner it uses them.
-- Use: ... AND tm.id IN (SELECT console_search_members($pattern)).
CREATE FUNCTION console_search_members(p_pattern text)
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

-- Marks the current user active now in the current workspace (does not move updated_at).
CREATE FUNCTION console_touch_last_active()
RETURNS void
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    UPDATE team_members tm SET last_active_at = NOW()
    WHERE tm.workspace_id = NULLIF(current_setting('app.current_workspace_id', true), '')::uuid
      AND tm.user_id = NULLIF(current_setting('app.current_user_id', true), '')::uuid
      AND tm.status = 'active' AND tm.deleted_at IS NULL
$$;

-- =====================================================================
-- Invariant checks (used by the triggers below). Each takes the workspace lock first
-- and counts with a fresh snapshot.
-- =====================================================================
CREATE FUNCTION console_check_owner(p_workspace_id uuid)
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM console_lock_workspace(p_workspace_id);
    -- A workspace being deleted (cascade) needs no owner.
    IF NOT EXISTS (SELECT 1 FROM workspaces w WHERE w.id = p_workspace_id) THEN
        RETURN;
    END IF;
    IF NOT EXISTS (
        SELECT 1 FROM team_members t
        WHERE t.workspace_id = p_workspace_id AND t.role = 'owner'
          AND t.status = 'active' AND t.deleted_at IS NULL
    ) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'SC001',
            MESSAGE = 'last_owner: the workspace must keep at least one active owner',
            DETAIL = format('workspace %s', p_workspace_id),
            HINT = 'Make someone else an owner first.';
    END IF;
END;
$$;

CREATE FUNCTION console_check_seats(p_workspace_id uuid)
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

CREATE FUNCTION console_check_integrations(p_workspace_id uuid)
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
    SELECT b.custom_integrations_limit INTO v_limit
    FROM billing_config b WHERE b.workspace_id = p_workspace_id;
    IF v_limit IS NULL THEN
        RETURN;
    END IF;
    SELECT count(*) INTO v_used FROM integrations_config i WHERE i.workspace_id = p_workspace_id;
    IF v_used > v_limit THEN
        RAISE EXCEPTION USING
            ERRCODE = 'SC003',
            MESSAGE = format('integration_limit: %s integrations configured, the plan allows %s',
                             v_used, v_limit),
            DETAIL = format('workspace %s', p_workspace_id);
    END IF;
END;
$$;

CREATE FUNCTION console_check_api_keys(p_workspace_id uuid)
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
    SELECT b.api_keys_limit INTO v_limit
    FROM billing_config b WHERE b.workspace_id = p_workspace_id;
    IF v_limit IS NULL THEN
        RETURN;
    END IF;
    SELECT count(*) INTO v_used FROM api_keys k
    WHERE k.workspace_id = p_workspace_id AND k.revoked_at IS NULL;
    IF v_used > v_limit THEN
        RAISE EXCEPTION USING
            ERRCODE = 'SC004',
            MESSAGE = format('api_key_limit: %s API keys active, the plan allows %s', v_used, v_limit),
            DETAIL = format('workspace %s', p_workspace_id);
    END IF;
END;
$$;

-- =====================================================================
-- An admin may not change or remove an owner's row (seed 000: only owners manage owners).
-- Policies cannot see the old row, so this is a row trigger; it applies to console_app.
-- =====================================================================
CREATE FUNCTION team_members_guard_owner_rows()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = public, pg_temp
AS $$
BEGIN
    IF OLD.role = 'owner' AND current_user = 'console_app'
       AND console_current_role() IS DISTINCT FROM 'owner' THEN
        RAISE EXCEPTION USING
            ERRCODE = 'insufficient_privilege',
            MESSAGE = 'forbidden: only an owner can change or remove an owner';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER team_members_guard_owner_rows
BEFORE UPDATE OR DELETE ON team_members
FOR EACH ROW
EXECUTE FUNCTION team_members_guard_owner_rows();

-- =====================================================================
-- team_members invariants (statement level, so bulk loads cost one count per workspace)
-- =====================================================================
CREATE FUNCTION team_members_enforce_invariants()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    v_owner_ws uuid[] := '{}';  -- workspaces where an active owner row stopped being one
    v_seat_ws uuid[] := '{}';   -- workspaces where a row started to take a seat
    v_pending boolean := false; -- a live pending invitation was written
    v_ws uuid;
    v_email text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT COALESCE(array_agg(DISTINCT n.workspace_id), '{}') INTO v_seat_ws
        FROM new_rows n
        WHERE n.deleted_at IS NULL AND n.status IN ('active', 'pending');
        v_pending := EXISTS (SELECT 1 FROM new_rows n
                             WHERE n.status = 'pending' AND n.deleted_at IS NULL);
    ELSIF TG_OP = 'UPDATE' THEN
        IF (SELECT count(*) FROM old_rows) <> (SELECT count(*) FROM old_rows o JOIN new_rows n ON n.id = o.id)
           OR EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                      WHERE n.workspace_id <> o.workspace_id) THEN
            RAISE EXCEPTION USING
                ERRCODE = 'SC005',
                MESSAGE = 'immutable: team_members.id and workspace_id cannot change';
        END IF;
        SELECT COALESCE(array_agg(DISTINCT o.workspace_id), '{}') INTO v_owner_ws
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE o.role = 'owner' AND o.status = 'active' AND o.deleted_at IS NULL
          AND NOT (n.role = 'owner' AND n.status = 'active' AND n.deleted_at IS NULL);
        -- Newly seated rows, and status changes of seated rows (pending -> active on
        -- acceptance re-checks the limit).
        SELECT COALESCE(array_agg(DISTINCT n.workspace_id), '{}') INTO v_seat_ws
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE n.deleted_at IS NULL AND n.status IN ('active', 'pending')
          AND (o.deleted_at IS NOT NULL OR o.status NOT IN ('active', 'pending')
               OR o.status <> n.status);
        v_pending := EXISTS (
            SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE n.status = 'pending' AND n.deleted_at IS NULL
              AND (o.status <> 'pending' OR o.deleted_at IS NOT NULL
                   OR o.invitation_email IS DISTINCT FROM n.invitation_email));
    ELSE -- DELETE
        SELECT COALESCE(array_agg(DISTINCT o.workspace_id), '{}') INTO v_owner_ws
        FROM old_rows o
        WHERE o.role = 'owner' AND o.status = 'active' AND o.deleted_at IS NULL;
    END IF;

    -- Lock every workspace concerned, in a fixed order, before any check.
    FOR v_ws IN SELECT DISTINCT x FROM unnest(v_owner_ws || v_seat_ws) AS x ORDER BY x LOOP
        PERFORM console_lock_workspace(v_ws);
    END LOOP;

    IF v_pending THEN
        SELECT n.invitation_email INTO v_email
        FROM new_rows n
        JOIN users u ON u.email = n.invitation_email
        JOIN team_members t ON t.workspace_id = n.workspace_id AND t.user_id = u.id
                           AND t.deleted_at IS NULL AND t.id <> n.id
        WHERE n.status = 'pending' AND n.deleted_at IS NULL
        LIMIT 1;
        IF v_email IS NOT NULL THEN
            RAISE EXCEPTION USING
                ERRCODE = 'unique_violation',
                MESSAGE = format('already_member: %s is already a member of this workspace', v_email);
        END IF;
    END IF;

    FOREACH v_ws IN ARRAY v_owner_ws LOOP
        PERFORM console_check_owner(v_ws);
    END LOOP;
    FOREACH v_ws IN ARRAY v_seat_ws LOOP
        PERFORM console_check_seats(v_ws);
    END LOOP;
    RETURN NULL;
END;
$$;

CREATE TRIGGER team_members_invariants_insert
AFTER INSERT ON team_members
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT
EXECUTE FUNCTION team_members_enforce_invariants();

CREATE TRIGGER team_members_invariants_update
AFTER UPDATE ON team_members
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT
EXECUTE FUNCTION team_members_enforce_invariants();

CREATE TRIGGER team_members_invariants_delete
AFTER DELETE ON team_members
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT
EXECUTE FUNCTION team_members_enforce_invariants();

-- =====================================================================
-- integrations_config and api_keys limits
-- =====================================================================
-- Inserting integrations (or API keys, or un-revoking one) is refused beyond the plan's
-- limit; editing existing rows never is, even in a workspace over its limit.
CREATE FUNCTION integrations_config_enforce_limit()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    v_ws uuid;
BEGIN
    FOR v_ws IN SELECT DISTINCT n.workspace_id FROM new_rows n ORDER BY 1 LOOP
        PERFORM console_check_integrations(v_ws);
    END LOOP;
    RETURN NULL;
END;
$$;

CREATE TRIGGER integrations_config_limit_insert
AFTER INSERT ON integrations_config
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT
EXECUTE FUNCTION integrations_config_enforce_limit();

CREATE FUNCTION api_keys_enforce_limit()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    v_ws uuid;
BEGIN
    IF TG_OP = 'INSERT' THEN
        FOR v_ws IN SELECT DISTINCT n.workspace_id FROM new_rows n
                    WHERE n.revoked_at IS NULL ORDER BY 1 LOOP
            PERFORM console_check_api_keys(v_ws);
        END LOOP;
    ELSE
        FOR v_ws IN SELECT DISTINCT n.workspace_id
                    FROM old_rows o JOIN new_rows n ON n.id = o.id
                    WHERE n.revoked_at IS NULL
                      AND (o.revoked_at IS NOT NULL OR o.workspace_id <> n.workspace_id)
                    ORDER BY 1 LOOP
            PERFORM console_check_api_keys(v_ws);
        END LOOP;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER api_keys_limit_insert
AFTER INSERT ON api_keys
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT
EXECUTE FUNCTION api_keys_enforce_limit();

CREATE TRIGGER api_keys_limit_update
AFTER UPDATE ON api_keys
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT
EXECUTE FUNCTION api_keys_enforce_limit();

-- Lowering a limit below what is in use is refused, like a plan change the seats do
-- not fit.
CREATE FUNCTION billing_config_enforce_limits()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    IF NEW.team_members_limit IS DISTINCT FROM OLD.team_members_limit
       AND NEW.team_members_limit IS NOT NULL THEN
        PERFORM console_check_seats(NEW.workspace_id);
    END IF;
    IF NEW.custom_integrations_limit IS DISTINCT FROM OLD.custom_integrations_limit
       AND NEW.custom_integrations_limit IS NOT NULL THEN
        PERFORM console_check_integrations(NEW.workspace_id);
    END IF;
    IF NEW.api_keys_limit IS DISTINCT FROM OLD.api_keys_limit
       AND NEW.api_keys_limit IS NOT NULL THEN
        PERFORM console_check_api_keys(NEW.workspace_id);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER billing_config_limits_update
AFTER UPDATE OF team_members_limit, custom_integrations_limit, api_keys_limit ON billing_config
FOR EACH ROW
EXECUTE FUNCTION billing_config_enforce_limits();

-- =====================================================================
-- Authentication and invitations (SECURITY DEFINER: they run before any identity is set)
-- =====================================================================

-- Is this email locked out? 5 failures within 15 minutes (after the last success) lock it
-- for 15 minutes from the fifth. Attempts refused as 'locked' do not extend the lock.
CREATE FUNCTION console_login_locked(p_email text)
RETURNS boolean
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    WITH last_ok AS (
        SELECT COALESCE(max(s.attempted_at), '-infinity'::timestamptz) AS at
        FROM login_attempts s
        WHERE s.email = p_email AND s.outcome = 'ok'
    ), failures AS (
        SELECT a.attempted_at
        FROM login_attempts a, last_ok
        WHERE a.email = p_email AND a.outcome = 'invalid'
          AND a.attempted_at > last_ok.at
          AND a.attempted_at > NOW() - interval '30 minutes'
    )
    SELECT EXISTS (
        SELECT 1 FROM failures f
        WHERE f.attempted_at > NOW() - interval '15 minutes'
          AND (SELECT count(*) FROM failures g
               WHERE g.attempted_at > f.attempted_at - interval '15 minutes'
                 AND g.attempted_at <= f.attempted_at) >= 5)
$$;

-- Writes auth.* audit rows: one per workspace where the user has a live membership row,
-- or one with NULL workspace when the user is unknown or has none.
CREATE FUNCTION console_audit_auth(p_user_id uuid, p_action text, p_changes jsonb)
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    INSERT INTO audit_logs (workspace_id, user_id, action, resource_type, resource_id,
                            changes, ip_address, user_agent)
    SELECT ws.workspace_id, p_user_id, p_action, 'user', p_user_id, p_changes,
           console_client_ip(), console_client_agent()
    FROM (SELECT DISTINCT t.workspace_id FROM team_members t
          WHERE p_user_id IS NOT NULL AND t.user_id = p_user_id AND t.deleted_at IS NULL) ws;
    IF NOT FOUND THEN
        INSERT INTO audit_logs (workspace_id, user_id, action, resource_type, resource_id,
                                changes, ip_address, user_agent)
        VALUES (NULL, p_user_id, p_action, 'user', p_user_id, p_changes,
                console_client_ip(), console_client_agent());
    END IF;
END;
$$;

-- Password login. outcome: 'ok' (user_id set) | 'invalid' | 'locked' (user_id NULL).
-- Unknown email, wrong password, no password, and a user without an active, live
-- membership in any workspace are all 'invalid'. The lockout is checked before the
-- password. Every attempt is recorded in login_attempts and audited (auth.login /
-- auth.failed, changes = {method, outcome[, reason][, email]}).
CREATE FUNCTION console_authenticate(p_email text, p_password text, p_method text)
RETURNS TABLE (user_id uuid, outcome text)
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    v_email text := left(lower(btrim(COALESCE(p_email, ''))), 320);
    v_method text := left(COALESCE(NULLIF(btrim(p_method), ''), 'password'), 32);
    v_user_id uuid;
    v_hash text;
    v_ok boolean := false;
    v_outcome text;
    v_reason text;
BEGIN
    -- Serialise attempts for one email so the failure count is exact.
    PERFORM pg_advisory_xact_lock(21316, hashtext(v_email));

    SELECT u.id, regexp_replace(u.password_hash, '^\$2[by]\$', '$2a$')
    INTO v_user_id, v_hash
    FROM users u WHERE u.email = v_email;

    IF console_login_locked(v_email) THEN
        v_outcome := 'locked';
        v_reason := 'locked';
    ELSE
        IF v_hash LIKE '$2a$%' THEN
            v_ok := crypt(COALESCE(p_password, ''), v_hash) = v_hash;
        ELSE
            -- Same work for an unknown email, so timing does not tell which emails exist.
            PERFORM crypt(COALESCE(p_password, ''),
                          '$2a$10$nqLetyWz9RUSXEJTwdZM7u5SWRBWHQGeyzhanxjsopmCAi.Jt9i3i');
        END IF;
        IF v_user_id IS NULL THEN
            v_outcome := 'invalid'; v_reason := 'unknown_user';
        ELSIF NOT v_ok THEN
            v_outcome := 'invalid'; v_reason := 'bad_password';
        ELSIF NOT EXISTS (SELECT 1 FROM team_members t
                          WHERE t.user_id = v_user_id AND t.status = 'active'
                            AND t.deleted_at IS NULL) THEN
            v_outcome := 'invalid'; v_reason := 'no_active_membership';
        ELSE
            v_outcome := 'ok';
        END IF;
    END IF;

    INSERT INTO login_attempts (email, user_id, succeeded, outcome, method)
    VALUES (v_email, v_user_id, v_outcome = 'ok', v_outcome, v_method);

    PERFORM console_audit_auth(
        v_user_id,
        CASE WHEN v_outcome = 'ok' THEN 'auth.login' ELSE 'auth.failed' END,
        jsonb_strip_nulls(jsonb_build_object(
            'method', v_method, 'outcome', v_outcome, 'reason', v_reason,
            'email', CASE WHEN v_user_id IS NULL THEN v_email END)));

    RETURN QUERY SELECT CASE WHEN v_outcome = 'ok' THEN v_user_id END, v_outcome;
END;
$$;

-- Active, live memberships of a user, ordered by workspace name.
CREATE FUNCTION console_user_workspaces(p_user_id uuid)
RETURNS TABLE (workspace_id uuid, name text, slug text, role text)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    SELECT w.id, w.name::text, w.slug::text, t.role::text
    FROM team_members t
    JOIN workspaces w ON w.id = t.workspace_id
    WHERE t.user_id = p_user_id AND t.status = 'active' AND t.deleted_at IS NULL
    ORDER BY w.name, w.id
$$;

-- Accepts an invitation by the SHA-256 hex of its token (single use).
-- outcome: 'accepted' | 'invalid' (unknown, used, revoked, removed, or the invitee is
-- already a member) | 'expired'; member_id/workspace_id/user_id are set on 'accepted'.
-- A user with the invitation's email is created (bcrypt cost 10) unless one exists; an
-- existing user keeps their name and password (p_password only sets a password when
-- they have none). Raises SC002 seat_limit if the workspace is over its seat limit and
-- 22023 weak_password for a new user's password under 8 characters.
CREATE FUNCTION console_accept_invitation(p_token_hash text, p_full_name text, p_password text)
RETURNS TABLE (outcome text, member_id uuid, workspace_id uuid, user_id uuid)
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    v_hash text := lower(btrim(COALESCE(p_token_hash, '')));
    v_member team_members%ROWTYPE;
    v_ws uuid;
    v_user_id uuid;
    v_name text := btrim(COALESCE(p_full_name, ''));
BEGIN
    IF v_hash !~ '^[0-9a-f]{64}$' THEN
        RETURN QUERY SELECT 'invalid'::text, NULL::uuid, NULL::uuid, NULL::uuid;
        RETURN;
    END IF;

    -- Workspace lock first, then the row: the same order as every other team change.
    SELECT t.workspace_id INTO v_ws FROM team_members t WHERE t.invitation_token = v_hash;
    IF v_ws IS NULL THEN
        RETURN QUERY SELECT 'invalid'::text, NULL::uuid, NULL::uuid, NULL::uuid;
        RETURN;
    END IF;
    PERFORM console_lock_workspace(v_ws);

    SELECT * INTO v_member FROM team_members t
    WHERE t.invitation_token = v_hash AND t.status = 'pending' AND t.deleted_at IS NULL
    FOR UPDATE;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'invalid'::text, NULL::uuid, NULL::uuid, NULL::uuid;
        RETURN;
    END IF;
    IF v_member.invitation_expires_at IS NOT NULL AND v_member.invitation_expires_at <= NOW() THEN
        RETURN QUERY SELECT 'expired'::text, NULL::uuid, NULL::uuid, NULL::uuid;
        RETURN;
    END IF;

    v_user_id := v_member.user_id;
    IF v_user_id IS NULL THEN
        SELECT u.id INTO v_user_id FROM users u WHERE u.email = lower(v_member.invitation_email);
    END IF;

    IF v_user_id IS NULL THEN
        IF p_password IS NULL OR length(p_password) < 8 THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                MESSAGE = 'weak_password: the password must have at least 8 characters';
        END IF;
        IF length(v_name) > 256 THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                MESSAGE = 'invalid_name: the full name must have at most 256 characters';
        END IF;
        INSERT INTO users (email, password_hash, full_name, is_verified)
        VALUES (lower(v_member.invitation_email), crypt(p_password, gen_salt('bf', 10)),
                v_name, TRUE)
        RETURNING id INTO v_user_id;
    ELSE
        IF EXISTS (SELECT 1 FROM team_members t
                   WHERE t.workspace_id = v_member.workspace_id AND t.user_id = v_user_id
                     AND t.deleted_at IS NULL AND t.id <> v_member.id) THEN
            RETURN QUERY SELECT 'invalid'::text, NULL::uuid, NULL::uuid, NULL::uuid;
            RETURN;
        END IF;
        IF p_password IS NOT NULL AND length(p_password) >= 8 THEN
            UPDATE users u SET password_hash = crypt(p_password, gen_salt('bf', 10))
            WHERE u.id = v_user_id AND u.password_hash IS NULL;
        END IF;
    END IF;

    -- The team_members triggers re-check the seat limit (pending -> active).
    UPDATE team_members t
    SET user_id = v_user_id, status = 'active', accepted_at = NOW(),
        invitation_token = NULL, updated_by = v_user_id
    WHERE t.id = v_member.id;

    INSERT INTO audit_logs (workspace_id, user_id, action, resource_type, resource_id,
                            changes, ip_address, user_agent)
    VALUES (v_member.workspace_id, v_user_id, 'team.accept', 'team_member', v_member.id,
            jsonb_build_object(
                'before', jsonb_build_object('status', 'pending',
                                            'email', v_member.invitation_email),
                'after', jsonb_build_object('status', 'active', 'role', v_member.role,
                                           'user_id', v_user_id)),
            console_client_ip(), console_client_agent());

    RETURN QUERY SELECT 'accepted'::text, v_member.id, v_member.workspace_id, v_user_id;
END;
$$;

-- =====================================================================
-- Row-level security. Policies are for console_app; the table owner (the migrating role)
-- gets an all-rows policy so the SECURITY DEFINER functions work even when it is not a
-- superuser (superusers bypass RLS anyway).
-- =====================================================================
ALTER TABLE workspaces ENABLE ROW LEVEL SECURITY;
ALTER TABLE workspaces FORCE ROW LEVEL SECURITY;
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;
ALTER TABLE team_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE team_members FORCE ROW LEVEL SECURITY;
ALTER TABLE billing_config ENABLE ROW LEVEL SECURITY;
ALTER TABLE billing_config FORCE ROW LEVEL SECURITY;
ALTER TABLE integrations_config ENABLE ROW LEVEL SECURITY;
ALTER TABLE integrations_config FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_logs ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_logs FORCE ROW LEVEL SECURITY;
ALTER TABLE login_attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE login_attempts FORCE ROW LEVEL SECURITY;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['workspaces', 'users', 'api_keys', 'team_members',
                             'billing_config', 'integrations_config', 'audit_logs',
                             'login_attempts'] LOOP
        EXECUTE format('CREATE POLICY owner_all ON %I AS PERMISSIVE FOR ALL TO %I USING (true) WITH CHECK (true)',
                       t, current_user);
    END LOOP;
END
$$;

-- workspaces: only the current one, for its active members.
CREATE POLICY console_select ON workspaces FOR SELECT TO console_app
    USING (id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
           AND (SELECT console_current_role()) IS NOT NULL);

-- users: people with a live team_members row in the current workspace.
CREATE POLICY console_select ON users FOR SELECT TO console_app
    USING ((SELECT console_current_role()) IS NOT NULL
           AND EXISTS (
               SELECT 1 FROM team_members tm
               WHERE tm.user_id = users.id
                 AND tm.workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
                 AND tm.deleted_at IS NULL));

-- api_keys: owners, admins and members (viewers cannot view API keys).
CREATE POLICY console_select ON api_keys FOR SELECT TO console_app
    USING (workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
           AND (SELECT console_current_role()) IN ('owner', 'admin', 'member'));

-- team_members: any active member reads; owners and admins write; an admin can neither
-- make anyone an owner (WITH CHECK) nor change or remove an owner's row (trigger
-- team_members_guard_owner_rows). UPDATE's USING is the read rule, so SELECT ... FOR
-- UPDATE returns the row to every active member and the store can explain a refusal;
-- the write itself is refused by WITH CHECK (42501) for members and viewers.
CREATE POLICY console_select ON team_members FOR SELECT TO console_app
    USING (workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
           AND (SELECT console_current_role()) IS NOT NULL);
CREATE POLICY console_insert ON team_members FOR INSERT TO console_app
    WITH CHECK (workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
                AND ((SELECT console_current_role()) = 'owner'
                     OR ((SELECT console_current_role()) = 'admin' AND role <> 'owner')));
CREATE POLICY console_update ON team_members FOR UPDATE TO console_app
    USING (workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
           AND (SELECT console_current_role()) IS NOT NULL)
    WITH CHECK (workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
                AND ((SELECT console_current_role()) = 'owner'
                     OR ((SELECT console_current_role()) = 'admin' AND role <> 'owner')));
CREATE POLICY console_delete ON team_members FOR DELETE TO console_app
    USING (workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
           AND (SELECT console_current_role()) IN ('owner', 'admin'));

-- billing_config: owners only.
CREATE POLICY console_select ON billing_config FOR SELECT TO console_app
    USING (workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
           AND (SELECT console_current_role()) = 'owner');
CREATE POLICY console_update ON billing_config FOR UPDATE TO console_app
    USING (workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
           AND (SELECT console_current_role()) = 'owner')
    WITH CHECK (workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
                AND (SELECT console_current_role()) = 'owner');

-- integrations_config: any active member reads; owners and admins write (as for
-- team_members, UPDATE's USING is the read rule and WITH CHECK refuses the write).
CREATE POLICY console_select ON integrations_config FOR SELECT TO console_app
    USING (workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
           AND (SELECT console_current_role()) IS NOT NULL);
CREATE POLICY console_insert ON integrations_config FOR INSERT TO console_app
    WITH CHECK (workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
                AND (SELECT console_current_role()) IN ('owner', 'admin'));
CREATE POLICY console_update ON integrations_config FOR UPDATE TO console_app
    USING (workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
           AND (SELECT console_current_role()) IS NOT NULL)
    WITH CHECK (workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
                AND (SELECT console_current_role()) IN ('owner', 'admin'));
CREATE POLICY console_delete ON integrations_config FOR DELETE TO console_app
    USING (workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
           AND (SELECT console_current_role()) IN ('owner', 'admin'));

-- audit_logs: owners and admins read; anyone with a membership row writes as themselves
-- (append-only: no UPDATE or DELETE is granted).
CREATE POLICY console_select ON audit_logs FOR SELECT TO console_app
    USING (workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
           AND (SELECT console_current_role()) IN ('owner', 'admin'));
CREATE POLICY console_insert ON audit_logs FOR INSERT TO console_app
    WITH CHECK (workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
                AND user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')::uuid)
                AND (SELECT console_current_user_has_membership()));

-- login_attempts: no console_app policy at all (definer functions only).

-- =====================================================================
-- Privileges of console_app: only what the console needs.
-- =====================================================================
GRANT USAGE ON SCHEMA public TO console_app;

GRANT SELECT ON workspaces TO console_app;

-- users: never password_hash.
GRANT SELECT (id, email, full_name, is_verified, created_at, updated_at) ON users TO console_app;

-- api_keys: never key_hash.
GRANT SELECT (id, workspace_id, user_id, name, key_prefix, created_at, last_used_at, revoked_at)
    ON api_keys TO console_app;

-- team_members: every column but invitation_token can be read; the token hash can be
-- written (invite, resend, revoke) but not read back.
GRANT SELECT (id, workspace_id, user_id, role, status, invitation_email,
              invitation_expires_at, invited_by, created_by, updated_by, created_at,
              updated_at, accepted_at, last_active_at, deleted_at, deleted_by)
    ON team_members TO console_app;
GRANT INSERT ON team_members TO console_app;
GRANT UPDATE (role, status, invitation_email, invitation_token, invitation_expires_at,
              invited_by, updated_by, updated_at, accepted_at, last_active_at,
              deleted_at, deleted_by)
    ON team_members TO console_app;

-- billing_config: owners read everything and change the plan, cycle and cancellation;
-- usage counters and Stripe ids are written by other services.
GRANT SELECT ON billing_config TO console_app;
GRANT UPDATE (plan_type, plan_status, traces_per_month_limit, team_members_limit,
              api_keys_limit, data_retention_days, custom_integrations_limit,
              overage_allowed, billing_cycle_start, billing_cycle_end, trial_ends_at,
              payment_method_last4, payment_method_brand, monthly_price_usd,
              annual_price_usd, billing_interval, next_billing_date, auto_renew,
              cancellation_requested, cancellation_effective_date, updated_at, updated_by)
    ON billing_config TO console_app;

-- integrations_config: the sealed credentials are written but read only through
-- console_integration_credentials() (owners and admins).
GRANT SELECT (id, workspace_id, integration_type, integration_name, config_data,
              encryption_key_id, is_enabled, health_status, last_health_check_at,
              health_check_message, last_sync_at, last_error_at, last_error_message,
              total_events_sent, total_errors, event_filters, rate_limit_per_minute,
              retry_config, created_at, updated_at, created_by, updated_by)
    ON integrations_config TO console_app;
GRANT INSERT, DELETE ON integrations_config TO console_app;
GRANT UPDATE (integration_type, integration_name, config_data, credentials_encrypted,
              encryption_key_id, is_enabled, health_status, last_health_check_at,
              health_check_message, last_sync_at, last_error_at, last_error_message,
              total_events_sent, total_errors, event_filters, rate_limit_per_minute,
              retry_config, updated_at, updated_by)
    ON integrations_config TO console_app;

-- audit_logs: append-only; id and created_at always come from their defaults.
GRANT SELECT ON audit_logs TO console_app;
GRANT INSERT (workspace_id, user_id, action, resource_type, resource_id, changes,
              ip_address, user_agent)
    ON audit_logs TO console_app;

-- Functions: nothing for PUBLIC; console_app gets the ones it calls.
REVOKE ALL ON FUNCTION console_current_role() FROM PUBLIC;
REVOKE ALL ON FUNCTION console_current_user_has_membership() FROM PUBLIC;
REVOKE ALL ON FUNCTION console_lock_workspace(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION console_client_ip() FROM PUBLIC;
REVOKE ALL ON FUNCTION console_client_agent() FROM PUBLIC;
REVOKE ALL ON FUNCTION console_plan_limits() FROM PUBLIC;
REVOKE ALL ON FUNCTION console_integration_credentials(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION console_search_members(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION console_touch_last_active() FROM PUBLIC;
REVOKE ALL ON FUNCTION console_check_owner(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION console_check_seats(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION console_check_integrations(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION console_check_api_keys(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION team_members_guard_owner_rows() FROM PUBLIC;
REVOKE ALL ON FUNCTION team_members_enforce_invariants() FROM PUBLIC;
REVOKE ALL ON FUNCTION integrations_config_enforce_limit() FROM PUBLIC;
REVOKE ALL ON FUNCTION api_keys_enforce_limit() FROM PUBLIC;
REVOKE ALL ON FUNCTION billing_config_enforce_limits() FROM PUBLIC;
REVOKE ALL ON FUNCTION console_login_locked(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION console_audit_auth(uuid, text, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION console_authenticate(text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION console_user_workspaces(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION console_accept_invitation(text, text, text) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION console_current_role() TO console_app;
GRANT EXECUTE ON FUNCTION console_current_user_has_membership() TO console_app;
GRANT EXECUTE ON FUNCTION console_lock_workspace(uuid) TO console_app;
GRANT EXECUTE ON FUNCTION console_plan_limits() TO console_app;
GRANT EXECUTE ON FUNCTION console_integration_credentials(uuid) TO console_app;
GRANT EXECUTE ON FUNCTION console_search_members(text) TO console_app;
GRANT EXECUTE ON FUNCTION console_touch_last_active() TO console_app;
GRANT EXECUTE ON FUNCTION console_authenticate(text, text, text) TO console_app;
GRANT EXECUTE ON FUNCTION console_user_workspaces(uuid) TO console_app;
GRANT EXECUTE ON FUNCTION console_accept_invitation(text, text, text) TO console_app;
