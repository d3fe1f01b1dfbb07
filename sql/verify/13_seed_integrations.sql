-- Seed 001, Post-Seed Verification 4: integrations.
-- Expected: pagerduty/enabled/healthy, sentry/disabled/unknown,
--           slack/enabled/healthy, webhook/enabled/degraded.
SELECT integration_type, is_enabled, health_status
FROM integrations_config
ORDER BY integration_type;
