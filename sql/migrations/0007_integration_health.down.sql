-- Reverses 0007_integration_health.
DROP FUNCTION IF EXISTS console_listen_workspace();
DROP TRIGGER IF EXISTS integration_checks_notify ON integration_checks;
DROP TRIGGER IF EXISTS integrations_config_notify ON integrations_config;
DROP TRIGGER IF EXISTS billing_config_notify ON billing_config;
DROP TRIGGER IF EXISTS team_members_notify ON team_members;
DROP FUNCTION IF EXISTS console_notify_change();
DROP FUNCTION IF EXISTS console_workspace_channel(uuid);
DROP TABLE IF EXISTS integration_checks;
DROP FUNCTION IF EXISTS integration_checks_trim();
ALTER TABLE integrations_config DROP CONSTRAINT IF EXISTS integrations_config_id_workspace_key;
