-- 0002_settings down: the three settings tables (their indexes and triggers go with
-- them) and the trigram indexes this migration added to users.

DROP TABLE integrations_config;
DROP TABLE billing_config;
DROP TABLE team_members;
DROP INDEX idx_users_full_name_trgm;
DROP INDEX idx_users_email_trgm;
