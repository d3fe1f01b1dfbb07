-- 0003_security down. The console_app role is cluster-wide and may serve other databases
-- of the cluster, so it is left in place; every privilege it had in this database is
-- revoked, so nothing here depends on it any more.

-- The tables of this migration (their policies, which use the functions below, go too).
DROP TABLE login_attempts;
DROP TABLE audit_logs;

-- Row-level security on the tables of 0001 and 0002 (their policies and grants).
DROP POLICY console_select ON workspaces;
DROP POLICY console_select ON users;
DROP POLICY console_select ON api_keys;
DROP POLICY console_select ON team_members;
DROP POLICY console_insert ON team_members;
DROP POLICY console_update ON team_members;
DROP POLICY console_delete ON team_members;
DROP POLICY console_select ON billing_config;
DROP POLICY console_update ON billing_config;
DROP POLICY console_select ON integrations_config;
DROP POLICY console_insert ON integrations_config;
DROP POLICY console_update ON integrations_config;
DROP POLICY console_delete ON integrations_config;
DROP POLICY owner_all ON workspaces;
DROP POLICY owner_all ON users;
DROP POLICY owner_all ON api_keys;
DROP POLICY owner_all ON team_members;
DROP POLICY owner_all ON billing_config;
DROP POLICY owner_all ON integrations_config;

ALTER TABLE workspaces NO FORCE ROW LEVEL SECURITY;
ALTER TABLE workspaces DISABLE ROW LEVEL SECURITY;
ALTER TABLE users NO FORCE ROW LEVEL SECURITY;
ALTER TABLE users DISABLE ROW LEVEL SECURITY;
ALTER TABLE api_keys NO FORCE ROW LEVEL SECURITY;
ALTER TABLE api_keys DISABLE ROW LEVEL SECURITY;
ALTER TABLE team_members NO FORCE ROW LEVEL SECURITY;
ALTER TABLE team_members DISABLE ROW LEVEL SECURITY;
ALTER TABLE billing_config NO FORCE ROW LEVEL SECURITY;
ALTER TABLE billing_config DISABLE ROW LEVEL SECURITY;
ALTER TABLE integrations_config NO FORCE ROW LEVEL SECURITY;
ALTER TABLE integrations_config DISABLE ROW LEVEL SECURITY;

-- Table and column privileges (REVOKE ALL on a table also revokes its column grants).
REVOKE ALL ON workspaces, users, api_keys, team_members, billing_config, integrations_config
    FROM console_app;

-- Triggers on the remaining tables.
DROP TRIGGER billing_config_limits_update ON billing_config;
DROP TRIGGER api_keys_limit_update ON api_keys;
DROP TRIGGER api_keys_limit_insert ON api_keys;
DROP TRIGGER integrations_config_limit_insert ON integrations_config;
DROP TRIGGER team_members_invariants_delete ON team_members;
DROP TRIGGER team_members_invariants_update ON team_members;
DROP TRIGGER team_members_invariants_insert ON team_members;
DROP TRIGGER team_members_guard_owner_rows ON team_members;

DROP FUNCTION console_accept_invitation(text, text, text);
DROP FUNCTION console_user_workspaces(uuid);
DROP FUNCTION console_authenticate(text, text, text);
DROP FUNCTION console_audit_auth(uuid, text, jsonb);
DROP FUNCTION console_login_locked(text);
DROP FUNCTION billing_config_enforce_limits();
DROP FUNCTION api_keys_enforce_limit();
DROP FUNCTION integrations_config_enforce_limit();
DROP FUNCTION team_members_enforce_invariants();
DROP FUNCTION team_members_guard_owner_rows();
DROP FUNCTION console_check_api_keys(uuid);
DROP FUNCTION console_check_integrations(uuid);
DROP FUNCTION console_check_seats(uuid);
DROP FUNCTION console_check_owner(uuid);
DROP FUNCTION console_touch_last_active();
DROP FUNCTION console_search_members(text);
DROP FUNCTION console_integration_credentials(uuid);
DROP FUNCTION console_plan_limits();
DROP FUNCTION console_client_agent();
DROP FUNCTION console_client_ip();
DROP FUNCTION console_lock_workspace(uuid);
DROP FUNCTION console_current_user_has_membership();
DROP FUNCTION console_current_role();


REVOKE ALL ON SCHEMA public FROM console_app;
