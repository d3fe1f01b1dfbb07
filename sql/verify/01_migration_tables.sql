-- Seed 001, Post-Migration Verification 1: the three settings tables exist.
-- Expected: 3 rows.
SELECT tablename, schemaname
FROM pg_tables
WHERE tablename IN ('team_members', 'billing_config', 'integrations_config')
  AND schemaname = 'public'
ORDER BY tablename;
