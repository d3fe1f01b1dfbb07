-- 0001_base: what the seeds assume already exists (SEED-ERRATA #4).
-- Extensions, workspaces, users, api_keys and update_updated_at_column().
-- Run by the migrator inside one transaction: no BEGIN/COMMIT here.

CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Sets updated_at on every UPDATE. Optional trigger arguments name columns whose changes
-- alone do not count as an edit (usage counters, activity timestamps): when only those
-- change, updated_at keeps its value, so optimistic "changed since read" checks on
-- updated_at are not tripped by telemetry.
CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_NARGS > 0
       AND (to_jsonb(NEW) - TG_ARGV::text[] - 'updated_at'::text)
           = (to_jsonb(OLD) - TG_ARGV::text[] - 'updated_at'::text) THEN
        NEW.updated_at := OLD.updated_at;
        RETURN NEW;
    END IF;
    NEW.updated_at := NOW();
    RETURN NEW;
END;
$$;

CREATE TABLE workspaces (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    name VARCHAR(256) NOT NULL,
    slug VARCHAR(64) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    CONSTRAINT workspaces_slug_key UNIQUE (slug),
    CONSTRAINT workspaces_name_check CHECK (length(btrim(name)) > 0),
    CONSTRAINT workspaces_slug_check CHECK (slug ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?$')
);

COMMENT ON TABLE workspaces IS 'Tenants; every settings row belongs to one workspace';

CREATE TABLE users (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    email VARCHAR(320) NOT NULL,
    password_hash TEXT,
    full_name VARCHAR(256) NOT NULL DEFAULT '',
    is_verified BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

    CONSTRAINT users_email_key UNIQUE (email),
    -- Stored lower-case and trimmed, so equality is case-insensitive without lower() calls.
    CONSTRAINT users_email_check
        CHECK (email = lower(email) AND email = btrim(email) AND email LIKE '_%@_%')
);

COMMENT ON TABLE users IS 'People; email is unique and stored lower-case';
COMMENT ON COLUMN users.password_hash IS 'bcrypt ($2a$/$2b$/$2y$); NULL = no password login. Never readable by console_app';

CREATE TABLE api_keys (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    workspace_id UUID NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    user_id UUID REFERENCES users(id) ON DELETE SET NULL,
    name VARCHAR(256) NOT NULL,
    key_prefix VARCHAR(32) NOT NULL,
    key_hash CHAR(64) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    last_used_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ,

    CONSTRAINT api_keys_key_hash_key UNIQUE (key_hash),
    CONSTRAINT api_keys_key_hash_check CHECK (key_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT api_keys_name_check CHECK (length(btrim(name)) > 0)
);

COMMENT ON TABLE api_keys IS 'Workspace API keys; only the SHA-256 hex of the key is stored';
COMMENT ON COLUMN api_keys.key_prefix IS 'First characters of the key, shown to identify it';

CREATE INDEX idx_api_keys_workspace ON api_keys (workspace_id, created_at, id);
CREATE INDEX idx_api_keys_user ON api_keys (user_id) WHERE user_id IS NOT NULL;

CREATE TRIGGER update_workspaces_updated_at
BEFORE UPDATE ON workspaces
FOR EACH ROW
EXECUTE FUNCTION update_updated_at_column();

CREATE TRIGGER update_users_updated_at
BEFORE UPDATE ON users
FOR EACH ROW
EXECUTE FUNCTION update_updated_at_column();
