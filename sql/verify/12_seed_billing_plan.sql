-- Seed 001, Post-Seed Verification 3: billing plan.
-- Expected: professional, active, 650000, 1000000.
SELECT plan_type, plan_status, traces_current_month, traces_per_month_limit
FROM billing_config
ORDER BY workspace_id;
