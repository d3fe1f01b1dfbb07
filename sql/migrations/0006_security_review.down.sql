-- Reverses 0006_security_review: back to 0003-0005's definitions.
DROP TRIGGER IF EXISTS integrations_config_refuse_url_secrets ON integrations_config;
DROP FUNCTION IF EXISTS integrations_config_refuse_url_secrets();
DROP FUNCTION IF EXISTS console_url_secret_in(jsonb);
DROP TRIGGER IF EXISTS team_members_guard_lifecycle ON team_members;
DROP FUNCTION IF EXISTS team_members_guard_lifecycle();

DROP POLICY console_insert ON team_members;
CREATE POLICY console_insert ON team_members FOR INSERT TO console_app
    WITH CHECK (workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
                AND ((SELECT console_current_role()) = 'owner'
                     OR ((SELECT console_current_role()) = 'admin' AND role <> 'owner')));

DROP FUNCTION console_accept_invitation(text, text, text);
DROP FUNCTION IF EXISTS console_is_clean_name(text);
DROP FUNCTION console_user_workspaces();
DROP FUNCTION IF EXISTS console_key_authority_elsewhere(uuid);
DROP FUNCTION IF EXISTS console_session_refusal();

-- 0003's definitions.
CREATE OR REPLACE FUNCTION console_current_role()
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

CREATE OR REPLACE FUNCTION console_lock_workspace(p_workspace_id uuid)
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

CREATE OR REPLACE FUNCTION console_authenticate(p_email text, p_password text, p_method text)
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

-- 0004's definition.
CREATE OR REPLACE FUNCTION console_user_by_ssh_fingerprint(p_fingerprint text)
RETURNS uuid
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    v_fingerprint text := left(btrim(COALESCE(p_fingerprint, '')), 128);
    v_key_id uuid;
    v_user_id uuid;
    v_reason text;
BEGIN
    SELECT k.id, k.user_id INTO v_key_id, v_user_id
    FROM user_ssh_keys k WHERE k.fingerprint = v_fingerprint;

    IF v_user_id IS NULL THEN
        v_reason := 'unknown_key';
    ELSIF NOT EXISTS (SELECT 1 FROM team_members t
                      WHERE t.user_id = v_user_id AND t.status = 'active'
                        AND t.deleted_at IS NULL) THEN
        v_reason := 'no_active_membership';
    END IF;

    IF v_reason IS NULL THEN
        UPDATE user_ssh_keys k SET last_used_at = NOW() WHERE k.id = v_key_id;
    END IF;

    PERFORM console_audit_auth(
        v_user_id,
        CASE WHEN v_reason IS NULL THEN 'auth.login' ELSE 'auth.failed' END,
        jsonb_strip_nulls(jsonb_build_object(
            'method', 'ssh-key', 'fingerprint', v_fingerprint,
            'outcome', CASE WHEN v_reason IS NULL THEN 'ok' ELSE 'invalid' END,
            'reason', v_reason)));

    RETURN CASE WHEN v_reason IS NULL THEN v_user_id END;
END;
$$;

DROP FUNCTION IF EXISTS console_ssh_key_refusal(uuid, uuid, text);

-- 0005's definitions.
CREATE OR REPLACE FUNCTION console_refresh_sort_keys(p_member_ids uuid[])
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

DROP FUNCTION IF EXISTS console_hash_password(text);
DROP FUNCTION IF EXISTS console_bcrypt_cost_of(text);
DROP TABLE IF EXISTS console_auth_settings;
DROP FUNCTION IF EXISTS console_auth_settings_dummy();

REVOKE ALL ON FUNCTION console_user_workspaces(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION console_accept_invitation(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION console_user_workspaces(uuid) TO console_app;
GRANT EXECUTE ON FUNCTION console_accept_invitation(text, text, text) TO console_app;
