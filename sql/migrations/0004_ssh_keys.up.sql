-- 0004_ssh_keys: users' SSH public keys, for logging in over SSH (issue 5).
-- Run by the migrator inside one transaction: no BEGIN/COMMIT here.

CREATE TABLE user_ssh_keys (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    -- e.g. ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256, sk-ssh-ed25519@openssh.com
    key_type VARCHAR(64) NOT NULL,
    -- the base64 blob of the authorized_keys line
    public_key TEXT NOT NULL,
    -- 'SHA256:' + unpadded base64 of the blob's SHA-256, as `ssh-keygen -lf` prints it
    fingerprint TEXT NOT NULL,
    comment VARCHAR(256),
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID REFERENCES users(id) ON DELETE SET NULL
        DEFAULT NULLIF(current_setting('app.current_user_id', true), '')::uuid,
    last_used_at TIMESTAMPTZ,

    CONSTRAINT user_ssh_keys_fingerprint_key UNIQUE (fingerprint),
    CONSTRAINT user_ssh_keys_key_type_check CHECK (key_type ~ '^[a-z0-9][a-z0-9@.-]{2,63}$'),
    CONSTRAINT user_ssh_keys_public_key_check
        CHECK (length(public_key) BETWEEN 16 AND 16384
               AND public_key ~ '^[A-Za-z0-9+/]+={0,2}$'
               AND length(public_key) % 4 = 0),
    -- The fingerprint is the blob's: a client cannot register a key under another's.
    CONSTRAINT user_ssh_keys_fingerprint_check
        CHECK (CASE WHEN public_key ~ '^[A-Za-z0-9+/]+={0,2}$' AND length(public_key) % 4 = 0
                    THEN fingerprint = 'SHA256:' || rtrim(encode(digest(decode(public_key, 'base64'), 'sha256'), 'base64'), '=')
                    ELSE false END),
    CONSTRAINT user_ssh_keys_comment_check CHECK (comment !~ '[[:cntrl:]]')
);

COMMENT ON TABLE user_ssh_keys IS 'SSH public keys that identify users logging in through sshd (ExposeAuthInfo)';
COMMENT ON COLUMN user_ssh_keys.fingerprint IS 'SHA256:<unpadded base64>, as ssh-keygen -lf prints it; checked against public_key';

CREATE INDEX idx_user_ssh_keys_user ON user_ssh_keys (user_id, created_at, id);

ALTER TABLE user_ssh_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_ssh_keys FORCE ROW LEVEL SECURITY;

DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_all ON user_ssh_keys AS PERMISSIVE FOR ALL TO %I USING (true) WITH CHECK (true)',
                   current_user);
END
$$;

-- Owners and admins of the current workspace manage the keys of its live members.
CREATE POLICY console_select ON user_ssh_keys FOR SELECT TO console_app
    USING ((SELECT console_current_role()) IN ('owner', 'admin')
           AND EXISTS (
               SELECT 1 FROM team_members tm
               WHERE tm.user_id = user_ssh_keys.user_id
                 AND tm.workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
                 AND tm.deleted_at IS NULL));
CREATE POLICY console_insert ON user_ssh_keys FOR INSERT TO console_app
    WITH CHECK ((SELECT console_current_role()) IN ('owner', 'admin')
                AND created_by = (SELECT NULLIF(current_setting('app.current_user_id', true), '')::uuid)
                AND EXISTS (
                    SELECT 1 FROM team_members tm
                    WHERE tm.user_id = user_ssh_keys.user_id
                      AND tm.workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
                      AND tm.deleted_at IS NULL));
CREATE POLICY console_delete ON user_ssh_keys FOR DELETE TO console_app
    USING ((SELECT console_current_role()) IN ('owner', 'admin')
           AND EXISTS (
               SELECT 1 FROM team_members tm
               WHERE tm.user_id = user_ssh_keys.user_id
                 AND tm.workspace_id = (SELECT NULLIF(current_setting('app.current_workspace_id', true), '')::uuid)
                 AND tm.deleted_at IS NULL));

GRANT SELECT, DELETE ON user_ssh_keys TO console_app;
GRANT INSERT (user_id, key_type, public_key, fingerprint, comment, created_by)
    ON user_ssh_keys TO console_app;

-- The user a key belongs to, if that user has an active, live membership somewhere;
-- else NULL. Marks the key used and audits the attempt (auth.login / auth.failed with
-- changes = {method: 'ssh-key', fingerprint, outcome[, reason]}).
CREATE FUNCTION console_user_by_ssh_fingerprint(p_fingerprint text)
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

REVOKE ALL ON FUNCTION console_user_by_ssh_fingerprint(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION console_user_by_ssh_fingerprint(text) TO console_app;
