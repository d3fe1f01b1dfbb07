-- Seed 001, Post-Seed Verification 1: record counts.
-- Expected: team_members (6), billing_config (1), integrations_config (4).
SELECT table_name, record_count
FROM (
    SELECT 1 AS position, 'team_members' AS table_name, COUNT(*) AS record_count FROM team_members
    UNION ALL
    SELECT 2, 'billing_config', COUNT(*) FROM billing_config
    UNION ALL
    SELECT 3, 'integrations_config', COUNT(*) FROM integrations_config
) AS counts
ORDER BY position;
