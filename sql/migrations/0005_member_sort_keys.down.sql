-- Reverses 0005_member_sort_keys.
DROP TRIGGER IF EXISTS users_sort_keys_update ON users;
DROP TRIGGER IF EXISTS team_members_sort_keys_update ON team_members;
DROP TRIGGER IF EXISTS team_members_sort_keys_insert ON team_members;
DROP FUNCTION IF EXISTS users_sort_keys_sync();
DROP FUNCTION IF EXISTS team_members_sort_keys_sync();
DROP FUNCTION IF EXISTS console_refresh_sort_keys(uuid[]);
DROP TABLE IF EXISTS team_member_sort_keys;
DROP INDEX IF EXISTS idx_team_members_sort_status;
DROP INDEX IF EXISTS idx_team_members_sort_role;
DROP INDEX IF EXISTS idx_team_members_sort_last_active;
