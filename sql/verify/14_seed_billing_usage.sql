-- Seed 000 "Verify Seed Data" / seed 002's seed verification: trace usage of the demo
-- workspace. Expected: professional, 650000, 1000000, 65.00.
SELECT
    plan_type,
    traces_current_month,
    traces_per_month_limit,
    ROUND((traces_current_month::NUMERIC / NULLIF(traces_per_month_limit, 0) * 100), 2) AS usage_percent
FROM billing_config
WHERE workspace_id = '00000000-0000-0000-0000-000000000001'
ORDER BY plan_type;
