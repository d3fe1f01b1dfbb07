-- Seed 001, Post-Migration Verification 2: column counts.
-- Expected: the DDL's 17 / 32 / 23, not the summary's 16 / 29 / 21 (SEED-ERRATA #3).
SELECT
    table_name,
    COUNT(*) AS column_count
FROM information_schema.columns
WHERE table_schema = 'public'
  AND table_name IN ('team_members', 'billing_config', 'integrations_config')
GROUP BY table_name
ORDER BY table_name;
