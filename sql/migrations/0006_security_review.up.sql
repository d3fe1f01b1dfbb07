-- 0006_security_review: closes the holes an adversarial review found (issue 8), in the
-- database layer, so a bug in the Swift layer cannot reopen them.
-- Run by the migrator inside one transaction: no BEGIN/COMMIT here.
--
--  1. Password hashing: one configured bcrypt cost for new hashes and for the dummy hash an
--     unknown email is checked against, so unknown, inactive and wrong-password logins do the
--     same work; a successful login re-hashes a weaker stored hash.
--  2. SSH keys added by someone else are vouched for at every use, per workspace, from
--     today's roles (app.current_ssh_key names the key a session logged in with).
--  3. Identity comes from the session only (console_user_workspaces takes no user id).
--  4. Accepting an invitation proves who accepts: a new email creates its account; an
--     existing account must be the session's user or give its own password, and accepting
--     never sets or changes a password. Names with control characters are refused.
--  5. console_app inserts only pending invitations; removal is final; only acceptance turns
--     an invitation into a membership.
--  6. A removed member leaves the sort keys and the member search.
--  7. No secrets inside integration URLs (userinfo or secret query parameters).
--  8. console_lock_workspace locks only the session's own workspace.
--
-- ERRORS RAISED (in addition to 0003's):
--   22023  invalid_name: ...     console_accept_invitation: control or bidi characters
--   22023  url_secret: ...       integrations_config: a secret inside a URL in config_data
--   42501  forbidden: ...        lifecycle changes only acceptance or an owner may make;
--                                locking another workspace

-- =====================================================================
-- 1. Password hashing
-- =====================================================================
CREATE TABLE console_auth_settings (
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    -- bcrypt cost of every new hash and of the dummy hash
    bcrypt_cost INTEGER NOT NULL DEFAULT 10 CHECK (bcrypt_cost BETWEEN 4 AND 15),
    -- a hash of a random password at bcrypt_cost, checked when the email has no usable hash
    dummy_hash TEXT NOT NULL
);

COMMENT ON TABLE console_auth_settings IS 'One row: the bcrypt cost of new password hashes and the dummy hash at that cost';

-- The dummy always has the configured cost: changing the cost makes a new one.
CREATE FUNCTION console_auth_settings_dummy()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = public, pg_temp
AS $$
BEGIN
    NEW.dummy_hash := crypt(gen_random_uuid()::text, gen_salt('bf', NEW.bcrypt_cost));
    RETURN NEW;
END;
$$;

CREATE TRIGGER console_auth_settings_dummy
BEFORE INSERT OR UPDATE OF bcrypt_cost ON console_auth_settings
FOR EACH ROW
EXECUTE FUNCTION console_auth_settings_dummy();

INSERT INTO console_auth_settings (bcrypt_cost, dummy_hash) VALUES (10, '');

ALTER TABLE console_auth_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE console_auth_settings FORCE ROW LEVEL SECURITY;
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_all ON console_auth_settings AS PERMISSIVE FOR ALL TO %I USING (true) WITH CHECK (true)',
                   current_user);
END
$$;
-- console_app: no policy, no grant (definer functions only).

-- The cost a bcrypt hash was made with ($2a$NN$...), or NULL for anything else.
CREATE FUNCTION console_bcrypt_cost_of(p_hash text)
RETURNS integer
LANGUAGE sql
IMMUTABLE
SET search_path = public, pg_temp
AS $$
    SELECT (substring(p_hash FROM '^\$2[aby]\$([0-9]{2})\$'))::integer
$$;

-- A new hash of p_password at the configured cost.
CREATE FUNCTION console_hash_password(p_password text)
RETURNS text
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    SELECT crypt(p_password, gen_salt('bf', s.bcrypt_cost)) FROM console_auth_settings s
$$;

-- Same contract as 0003's. Unknown emails and users without a password are checked against
-- the dummy hash at the configured cost; stored hashes made with a lower cost are re-hashed
-- on a successful login, so every path converges on the same work.
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
    v_cost integer;
    v_dummy text;
    v_ok boolean := false;
    v_outcome text;
    v_reason text;
BEGIN
    -- Serialise attempts for one email so the failure count is exact.
    PERFORM pg_advisory_xact_lock(21316, hashtext(v_email));

    SELECT s.bcrypt_cost, s.dummy_hash INTO v_cost, v_dummy FROM console_auth_settings s;

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
            PERFORM crypt(COALESCE(p_password, ''), v_dummy);
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
            IF COALESCE(console_bcrypt_cost_of(v_hash), 0) < v_cost THEN
                UPDATE users u SET password_hash = console_hash_password(p_password)
                WHERE u.id = v_user_id;
            END IF;
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

-- =====================================================================
-- 2. SSH keys vouched for at every use
-- =====================================================================

-- Why the session's SSH key (app.current_ssh_key, a fingerprint) may not act as p_user with
-- p_role in p_workspace, or NULL when it may (or the session did not log in with a key).
-- A user's own key is not limited. A key someone else added gives no more power than that
-- person has over the user *today* in that workspace: an active owner vouches for anyone,
-- an active admin for members and viewers (the rules for managing keys, seed 000).
CREATE FUNCTION console_ssh_key_refusal(p_workspace uuid, p_user uuid, p_role text)
RETURNS text
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    v_fingerprint text := NULLIF(current_setting('app.current_ssh_key', true), '');
    v_key_user uuid;
    v_adder uuid;
    v_adder_role text;
    v_adder_email text;
BEGIN
    IF v_fingerprint IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT k.user_id, k.created_by INTO v_key_user, v_adder
    FROM user_ssh_keys k WHERE k.fingerprint = v_fingerprint;
    IF v_key_user IS NULL OR v_key_user IS DISTINCT FROM p_user THEN
        RETURN 'this SSH key is no longer registered to you; ask an owner or admin to add your key';
    END IF;
    IF v_adder = p_user THEN
        RETURN NULL;
    END IF;
    IF v_adder IS NULL THEN
        RETURN 'this SSH key was added by someone who is no longer known; add your own key or ask an owner';
    END IF;
    SELECT t.role::text INTO v_adder_role
    FROM team_members t
    WHERE t.workspace_id = p_workspace AND t.user_id = v_adder
      AND t.status = 'active' AND t.deleted_at IS NULL;
    IF v_adder_role = 'owner' OR (v_adder_role = 'admin' AND p_role IN ('member', 'viewer')) THEN
        RETURN NULL;
    END IF;
    SELECT u.email INTO v_adder_email FROM users u WHERE u.id = v_adder;
    RETURN format('this SSH key was added by %s, who %s; add your own key or ask an owner',
                  COALESCE(v_adder_email, 'another user'),
                  CASE WHEN v_adder_role IS NULL
                       THEN 'is not an active member of this workspace'
                       ELSE format('as %s cannot vouch for your %s role here', v_adder_role, p_role)
                  END);
END;
$$;

-- Same contract as 0003's, and the role is withheld when the session's SSH key is not
-- vouched for here: every policy asks this, so an unvouched key reads and writes nothing.
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
      AND console_ssh_key_refusal(tm.workspace_id, tm.user_id, tm.role::text) IS NULL
$$;

-- Why the session's SSH key may not act in its workspace, or NULL (also when the session has
-- no membership there at all), for the message the console shows.
CREATE FUNCTION console_session_refusal()
RETURNS text
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    SELECT console_ssh_key_refusal(tm.workspace_id, tm.user_id, tm.role::text)
    FROM team_members tm
    WHERE tm.workspace_id = NULLIF(current_setting('app.current_workspace_id', true), '')::uuid
      AND tm.user_id = NULLIF(current_setting('app.current_user_id', true), '')::uuid
      AND tm.status = 'active' AND tm.deleted_at IS NULL
$$;

-- The session's user's key may be registered by someone else; whether they may act is
-- decided per workspace above. A login with a key nobody vouches for anywhere is refused
-- here and audited (reason key_not_vouched).
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
    ELSE
        PERFORM set_config('app.current_ssh_key', v_fingerprint, true);
        IF NOT EXISTS (SELECT 1 FROM team_members t
                       WHERE t.user_id = v_user_id AND t.status = 'active'
                         AND t.deleted_at IS NULL
                         AND console_ssh_key_refusal(t.workspace_id, t.user_id, t.role::text) IS NULL) THEN
            v_reason := 'key_not_vouched';
        END IF;
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

    -- An unvouched key still names its user, so the console can say why it is refused.
    RETURN CASE WHEN v_reason IS NULL OR v_reason = 'key_not_vouched' THEN v_user_id END;
END;
$$;

-- Does the session's user have, in every *other* workspace where p_target is an active
-- member, the authority to manage p_target's keys? (A key opens every workspace of its
-- user.) Answers yes or no without listing the target's workspaces.
CREATE FUNCTION console_key_authority_elsewhere(p_target uuid)
RETURNS boolean
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    SELECT NOT EXISTS (
        SELECT 1
        FROM team_members theirs
        LEFT JOIN team_members mine
          ON mine.workspace_id = theirs.workspace_id
         AND mine.user_id = NULLIF(current_setting('app.current_user_id', true), '')::uuid
         AND mine.status = 'active' AND mine.deleted_at IS NULL
        WHERE theirs.user_id = p_target
          AND theirs.status = 'active' AND theirs.deleted_at IS NULL
          AND theirs.workspace_id IS DISTINCT FROM
              NULLIF(current_setting('app.current_workspace_id', true), '')::uuid
          AND NOT COALESCE(mine.role = 'owner'
                           OR (mine.role = 'admin' AND theirs.role IN ('member', 'viewer')),
                           false))
$$;

-- =====================================================================
-- 3. Identity from the session only
-- =====================================================================
DROP FUNCTION console_user_workspaces(uuid);

-- The session user's active, live memberships, ordered by workspace name; refusal says why
-- the session's SSH key may not act in one (NULL when it may).
CREATE FUNCTION console_user_workspaces()
RETURNS TABLE (workspace_id uuid, name text, slug text, role text, refusal text)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    SELECT w.id, w.name::text, w.slug::text, t.role::text,
           console_ssh_key_refusal(t.workspace_id, t.user_id, t.role::text)
    FROM team_members t
    JOIN workspaces w ON w.id = t.workspace_id
    WHERE t.user_id = NULLIF(current_setting('app.current_user_id', true), '')::uuid
      AND t.status = 'active' AND t.deleted_at IS NULL
    ORDER BY w.name, w.id
$$;

-- =====================================================================
-- 4. Accepting an invitation proves who accepts
-- =====================================================================
DROP FUNCTION console_accept_invitation(text, text, text);

-- Names people see in every terminal: no C0/C1 controls, no bidi or invisible formatting.
CREATE FUNCTION console_is_clean_name(p_name text)
RETURNS boolean
LANGUAGE sql
IMMUTABLE
SET search_path = public, pg_temp
AS $$
    SELECT p_name !~ '[\u0001-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]'
$$;

-- Accepts an invitation by the SHA-256 hex of its token (single use).
--
-- Who accepts must be proven:
--   - an email with no account yet: the token holder creates it (p_full_name, p_password);
--   - an existing account: the session's user (app.current_user_id, set by the console after
--     a password or SSH key login) must be that account, or p_password must be its password
--     (lockout and login_attempts apply). An SSH key session's key must be vouched for in the
--     invitation's workspace at the invited role. Accepting never sets or changes a password.
-- outcome: 'accepted' | 'invalid' (unknown, used, revoked, removed, already a member) |
--   'expired' | 'login_required' (an existing account and no proof) | 'wrong_account'
--   (logged in as someone else) | 'bad_password' | 'locked' | 'key_not_vouched';
-- reason carries the key refusal. Raises 22023 weak_password / invalid_name for a new
-- account, SC002 seat_limit when the workspace is full.
CREATE FUNCTION console_accept_invitation(p_token_hash text, p_full_name text, p_password text)
RETURNS TABLE (outcome text, member_id uuid, workspace_id uuid, user_id uuid, email text,
               reason text)
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
    v_email text;
    v_stored text;
    v_session_user uuid := NULLIF(current_setting('app.current_user_id', true), '')::uuid;
    v_name text := btrim(COALESCE(p_full_name, ''));
    v_refusal text;
BEGIN
    IF v_hash !~ '^[0-9a-f]{64}$' THEN
        RETURN QUERY SELECT 'invalid'::text, NULL::uuid, NULL::uuid, NULL::uuid, NULL::text, NULL::text;
        RETURN;
    END IF;

    -- Workspace lock first, then the row: the same order as every other team change.
    SELECT t.workspace_id INTO v_ws FROM team_members t WHERE t.invitation_token = v_hash;
    IF v_ws IS NULL THEN
        RETURN QUERY SELECT 'invalid'::text, NULL::uuid, NULL::uuid, NULL::uuid, NULL::text, NULL::text;
        RETURN;
    END IF;
    PERFORM console_lock_workspace(v_ws);

    SELECT * INTO v_member FROM team_members t
    WHERE t.invitation_token = v_hash AND t.status = 'pending' AND t.deleted_at IS NULL
    FOR UPDATE;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'invalid'::text, NULL::uuid, NULL::uuid, NULL::uuid, NULL::text, NULL::text;
        RETURN;
    END IF;
    v_email := lower(v_member.invitation_email);
    IF v_member.invitation_expires_at IS NOT NULL AND v_member.invitation_expires_at <= NOW() THEN
        RETURN QUERY SELECT 'expired'::text, NULL::uuid, NULL::uuid, NULL::uuid, v_email, NULL::text;
        RETURN;
    END IF;

    v_user_id := v_member.user_id;
    IF v_user_id IS NULL THEN
        SELECT u.id INTO v_user_id FROM users u WHERE u.email = v_email;
    END IF;

    IF v_user_id IS NULL THEN
        -- A new account: whoever holds the token names it and sets its password.
        IF v_session_user IS NOT NULL THEN
            RETURN QUERY SELECT 'wrong_account'::text, NULL::uuid, NULL::uuid, NULL::uuid, v_email, NULL::text;
            RETURN;
        END IF;
        IF p_password IS NULL OR length(p_password) < 8 THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                MESSAGE = 'weak_password: the password must have at least 8 characters';
        END IF;
        IF length(v_name) > 256 THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                MESSAGE = 'invalid_name: the full name must have at most 256 characters';
        END IF;
        IF NOT console_is_clean_name(v_name) THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                MESSAGE = 'invalid_name: the full name must not contain control characters';
        END IF;
        INSERT INTO users (email, password_hash, full_name, is_verified)
        VALUES (v_email, console_hash_password(p_password), v_name, TRUE)
        RETURNING id INTO v_user_id;
    ELSE
        -- An existing account: only that account, proven, may accept.
        IF v_session_user IS NOT NULL THEN
            IF v_session_user <> v_user_id THEN
                RETURN QUERY SELECT 'wrong_account'::text, NULL::uuid, NULL::uuid, NULL::uuid, v_email, NULL::text;
                RETURN;
            END IF;
            v_refusal := console_ssh_key_refusal(v_member.workspace_id, v_user_id, v_member.role::text);
            IF v_refusal IS NOT NULL THEN
                RETURN QUERY SELECT 'key_not_vouched'::text, NULL::uuid, NULL::uuid, NULL::uuid, v_email, v_refusal;
                RETURN;
            END IF;
        ELSIF p_password IS NOT NULL AND p_password <> '' THEN
            PERFORM pg_advisory_xact_lock(21316, hashtext(v_email));
            IF console_login_locked(v_email) THEN
                INSERT INTO login_attempts (email, user_id, succeeded, outcome, method)
                VALUES (v_email, v_user_id, false, 'locked', 'invitation');
                RETURN QUERY SELECT 'locked'::text, NULL::uuid, NULL::uuid, NULL::uuid, v_email, NULL::text;
                RETURN;
            END IF;
            SELECT regexp_replace(u.password_hash, '^\$2[by]\$', '$2a$') INTO v_stored
            FROM users u WHERE u.id = v_user_id;
            IF v_stored IS NULL OR v_stored NOT LIKE '$2a$%'
               OR crypt(p_password, v_stored) <> v_stored THEN
                IF v_stored IS NULL OR v_stored NOT LIKE '$2a$%' THEN
                    PERFORM crypt(p_password, (SELECT s.dummy_hash FROM console_auth_settings s));
                END IF;
                INSERT INTO login_attempts (email, user_id, succeeded, outcome, method)
                VALUES (v_email, v_user_id, false, 'invalid', 'invitation');
                PERFORM console_audit_auth(v_user_id, 'auth.failed',
                    jsonb_build_object('method', 'invitation', 'outcome', 'invalid',
                                       'reason', 'bad_password'));
                RETURN QUERY SELECT 'bad_password'::text, NULL::uuid, NULL::uuid, NULL::uuid, v_email, NULL::text;
                RETURN;
            END IF;
            INSERT INTO login_attempts (email, user_id, succeeded, outcome, method)
            VALUES (v_email, v_user_id, true, 'ok', 'invitation');
        ELSE
            RETURN QUERY SELECT 'login_required'::text, NULL::uuid, NULL::uuid, NULL::uuid, v_email, NULL::text;
            RETURN;
        END IF;
        IF EXISTS (SELECT 1 FROM team_members t
                   WHERE t.workspace_id = v_member.workspace_id AND t.user_id = v_user_id
                     AND t.deleted_at IS NULL AND t.id <> v_member.id) THEN
            RETURN QUERY SELECT 'invalid'::text, NULL::uuid, NULL::uuid, NULL::uuid, v_email, NULL::text;
            RETURN;
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

    RETURN QUERY SELECT 'accepted'::text, v_member.id, v_member.workspace_id, v_user_id, v_email, NULL::text;
END;
$$;

-- =====================================================================
-- 5. Membership lifecycle: console_app invites; acceptance activates; removal is final
-- =====================================================================
DROP POLICY console_insert ON team_members;
CREATE POLICY console_insert ON team_members FOR INSERT TO console_app
    WITH CHECK (workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
                AND status = 'pending' AND user_id IS NULL AND invitation_email IS NOT NULL
                AND deleted_at IS NULL AND accepted_at IS NULL
                AND ((SELECT console_current_role()) = 'owner'
                     OR ((SELECT console_current_role()) = 'admin' AND role <> 'owner')));

-- Policies cannot see the old row, so these are a row trigger (for console_app only; the
-- acceptance function runs as the owner).
CREATE FUNCTION team_members_guard_lifecycle()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = public, pg_temp
AS $$
BEGIN
    IF current_user <> 'console_app' THEN
        RETURN NEW;
    END IF;
    IF OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = 'insufficient_privilege',
            MESSAGE = 'forbidden: a removed membership cannot be restored; invite the person again';
    END IF;
    IF OLD.status = 'pending' AND NEW.status <> 'pending' THEN
        RAISE EXCEPTION USING
            ERRCODE = 'insufficient_privilege',
            MESSAGE = 'forbidden: only the invitee, by accepting, turns an invitation into a membership';
    END IF;
    IF OLD.status <> 'pending' AND NEW.status = 'pending' THEN
        RAISE EXCEPTION USING
            ERRCODE = 'insufficient_privilege',
            MESSAGE = 'forbidden: a membership cannot become an invitation again';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER team_members_guard_lifecycle
BEFORE UPDATE ON team_members
FOR EACH ROW
EXECUTE FUNCTION team_members_guard_lifecycle();

-- =====================================================================
-- 6. A removed member leaves the sort keys and the search
-- =====================================================================
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
    INSERT INTO team_member_sort_keys (member_id, workspace_id, sort_name, sort_email)
    SELECT tm.id, tm.workspace_id,
           lower(COALESCE(NULLIF(u.full_name, ''), u.email, tm.invitation_email, '')),
           lower(COALESCE(u.email, tm.invitation_email, ''))
    FROM team_members tm LEFT JOIN users u ON u.id = tm.user_id
    WHERE tm.id = ANY (p_member_ids) AND tm.deleted_at IS NULL
    ON CONFLICT (member_id) DO UPDATE
        SET sort_name = EXCLUDED.sort_name, sort_email = EXCLUDED.sort_email;
END;
$$;

DELETE FROM team_member_sort_keys s
USING team_members tm
WHERE s.member_id = tm.id AND tm.deleted_at IS NOT NULL;

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
          WHERE tm.workspace_id = $1 AND tm.deleted_at IS NULL AND tm.invitation_email ILIKE $2
         UNION
         SELECT tm.id FROM users u
           JOIN team_members tm ON tm.user_id = u.id AND tm.workspace_id = $1
                               AND tm.deleted_at IS NULL
          WHERE u.email ILIKE $2 OR u.full_name ILIKE $2'
        USING v_workspace, p_pattern;
END;
$$;

-- =====================================================================
-- 7. No secrets inside integration URLs
-- =====================================================================

-- The first string in p_config that carries a secret inside a URL: userinfo
-- (scheme://user:pass@host) or a secret-looking query parameter; NULL when there is none.
CREATE FUNCTION console_url_secret_in(p_config jsonb)
RETURNS text
LANGUAGE sql
IMMUTABLE
SET search_path = public, pg_temp
AS $$
    SELECT v.value #>> '{}'
    FROM jsonb_path_query(p_config, 'strict $.** ? (@.type() == "string")') AS v(value)
    WHERE (v.value #>> '{}') ~* '^[a-z][a-z0-9+.-]*://[^/?#]*@'
       OR (v.value #>> '{}') ~* '^[a-z][a-z0-9+.-]*://[^?#]*\?([^#]*&)?(sig|signature|token|access_token|auth|key|api_key|apikey|secret|client_secret|password|passwd|pwd)='
    LIMIT 1
$$;

CREATE FUNCTION integrations_config_refuse_url_secrets()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = public, pg_temp
AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.config_data IS NOT DISTINCT FROM OLD.config_data THEN
        RETURN NEW;
    END IF;
    IF console_url_secret_in(NEW.config_data) IS NOT NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = 'invalid_parameter_value',
            MESSAGE = 'url_secret: a URL in the settings carries a secret (a password or a token parameter); put it in the encrypted credentials instead';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER integrations_config_refuse_url_secrets
BEFORE INSERT OR UPDATE OF config_data ON integrations_config
FOR EACH ROW
EXECUTE FUNCTION integrations_config_refuse_url_secrets();

-- =====================================================================
-- 8. console_lock_workspace locks only the session's own workspace
-- =====================================================================
CREATE OR REPLACE FUNCTION console_lock_workspace(p_workspace_id uuid)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SET search_path = public, pg_temp
AS $$
BEGIN
    -- The definer functions and triggers (running as the owner) lock the workspace of the
    -- row they check; console_app itself only its own session's.
    IF current_user = 'console_app'
       AND p_workspace_id IS DISTINCT FROM
           NULLIF(current_setting('app.current_workspace_id', true), '')::uuid THEN
        RAISE EXCEPTION USING
            ERRCODE = 'insufficient_privilege',
            MESSAGE = 'forbidden: a session can only lock its own workspace';
    END IF;
    IF current_setting('transaction_isolation') = 'repeatable read' THEN
        RAISE EXCEPTION USING
            ERRCODE = 'SC006',
            MESSAGE = 'isolation: membership and limit changes need READ COMMITTED or SERIALIZABLE, not REPEATABLE READ';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext(p_workspace_id::text));
END;
$$;

-- =====================================================================
-- Privileges
-- =====================================================================
REVOKE ALL ON FUNCTION console_auth_settings_dummy() FROM PUBLIC;
REVOKE ALL ON FUNCTION console_bcrypt_cost_of(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION console_hash_password(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION console_ssh_key_refusal(uuid, uuid, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION console_session_refusal() FROM PUBLIC;
REVOKE ALL ON FUNCTION console_key_authority_elsewhere(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION console_user_workspaces() FROM PUBLIC;
REVOKE ALL ON FUNCTION console_is_clean_name(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION console_accept_invitation(text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION team_members_guard_lifecycle() FROM PUBLIC;
REVOKE ALL ON FUNCTION console_url_secret_in(jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION integrations_config_refuse_url_secrets() FROM PUBLIC;

GRANT EXECUTE ON FUNCTION console_session_refusal() TO console_app;
GRANT EXECUTE ON FUNCTION console_key_authority_elsewhere(uuid) TO console_app;
GRANT EXECUTE ON FUNCTION console_user_workspaces() TO console_app;
GRANT EXECUTE ON FUNCTION console_accept_invitation(text, text, text) TO console_app;
-- Triggers running as console_app call these:
GRANT EXECUTE ON FUNCTION console_url_secret_in(jsonb) TO console_app;
GRANT EXECUTE ON FUNCTION console_is_clean_name(text) TO console_app;
