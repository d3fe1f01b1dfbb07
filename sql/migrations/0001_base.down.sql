-- 0001_base down. Extensions are left installed on purpose: other objects of the
-- database may use them, and 0001 up creates them only IF NOT EXISTS.

DROP TABLE api_keys;
DROP TABLE users;
DROP TABLE workspaces;
DROP FUNCTION update_updated_at_column();
