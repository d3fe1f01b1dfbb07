-- Demo seed: seed 002's "Development Seed Data", corrected as SEED-ERRATA.md says, so the
-- seeds' verification queries give exactly their documented results (sql/verify/).
-- Run as the migrating superuser inside one transaction: no BEGIN/COMMIT here.
-- Re-running it changes nothing (ON CONFLICT on the primary key only, so any other
-- conflict is still an error rather than a silently dropped row - SEED-ERRATA #2).
--
-- Every user's password is  demo-pass  (bcrypt $2a$ at the configured cost, console_auth_settings, made at seed time).
-- The pending invitation's token is  inv_token_abc123def456ghi789jkl012mno345  (the seed's
-- sample token); only its SHA-256 hex is stored (SEED-ERRATA #7):
--   2e26a7a36ebade47ce05d71a7bb79e9af814d62815af0e685877384c87d4b605
-- API keys (only their SHA-256 hex is stored): sk_demo_production_0001,
-- sk_demo_staging_0002, sk_demo_ci_0003.

-- ================================================================
-- Workspace and users (seed 002 assumes them; SEED-ERRATA #4)
-- ================================================================
INSERT INTO workspaces (id, name, slug, created_at) VALUES
    ('00000000-0000-0000-0000-000000000001', 'Acme Corp', 'acme', NOW() - INTERVAL '90 days')
ON CONFLICT (id) DO NOTHING;

INSERT INTO users (id, email, password_hash, full_name, is_verified, created_at) VALUES
    ('00000000-0000-0000-0000-000000000001', 'demo@example.com',
     console_hash_password('demo-pass'), 'Demo Owner', TRUE, NOW() - INTERVAL '90 days'),
    ('10000000-0000-0000-0000-000000000002', 'admin@example.com',
     console_hash_password('demo-pass'), 'Admin User', TRUE, NOW() - INTERVAL '20 days'),
    ('10000000-0000-0000-0000-000000000003', 'member@example.com',
     console_hash_password('demo-pass'), 'Member User', TRUE, NOW() - INTERVAL '15 days'),
    ('10000000-0000-0000-0000-000000000004', 'viewer@example.com',
     console_hash_password('demo-pass'), 'Viewer User', TRUE, NOW() - INTERVAL '10 days'),
    -- The inactive member has a user of their own (SEED-ERRATA #2).
    ('10000000-0000-0000-0000-000000000006', 'former@example.com',
     console_hash_password('demo-pass'), 'Former Member', TRUE, NOW() - INTERVAL '60 days')
ON CONFLICT (id) DO NOTHING;

-- ================================================================
-- team_members: owner, admin, member, viewer active; a member pending; a member inactive
-- ================================================================
INSERT INTO team_members (
    id, workspace_id, user_id, role, status,
    invitation_email, invitation_token, invitation_expires_at,
    invited_by, created_by, created_at, accepted_at, last_active_at
) VALUES
    -- Owner (self-registered)
    ('10000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001',
     '00000000-0000-0000-0000-000000000001', 'owner', 'active',
     NULL, NULL, NULL,
     NULL, '00000000-0000-0000-0000-000000000001',
     NOW() - INTERVAL '30 days', NOW() - INTERVAL '30 days', NOW() - INTERVAL '1 hour'),
    -- Admin (active)
    ('10000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001',
     '10000000-0000-0000-0000-000000000002', 'admin', 'active',
     NULL, NULL, NULL,
     '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001',
     NOW() - INTERVAL '20 days', NOW() - INTERVAL '20 days', NOW() - INTERVAL '2 hours'),
    -- Regular member (active)
    ('10000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000001',
     '10000000-0000-0000-0000-000000000003', 'member', 'active',
     NULL, NULL, NULL,
     '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001',
     NOW() - INTERVAL '15 days', NOW() - INTERVAL '15 days', NOW() - INTERVAL '5 hours'),
    -- Viewer (active), invited by the admin (SEED-ERRATA #1)
    ('10000000-0000-0000-0000-000000000004', '00000000-0000-0000-0000-000000000001',
     '10000000-0000-0000-0000-000000000004', 'viewer', 'active',
     NULL, NULL, NULL,
     '10000000-0000-0000-0000-000000000002', '10000000-0000-0000-0000-000000000002',
     NOW() - INTERVAL '10 days', NOW() - INTERVAL '10 days', NOW() - INTERVAL '1 day'),
    -- Pending invitation: no user yet (SEED-ERRATA #2), token stored as its hash (#7)
    ('10000000-0000-0000-0000-000000000005', '00000000-0000-0000-0000-000000000001',
     NULL, 'member', 'pending',
     'pending@example.com',
     encode(digest('inv_token_abc123def456ghi789jkl012mno345', 'sha256'), 'hex'),
     NOW() + INTERVAL '5 days',
     '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001',
     NOW() - INTERVAL '2 days', NULL, NULL),
    -- Inactive member (deactivated), a user of their own (SEED-ERRATA #2)
    ('10000000-0000-0000-0000-000000000006', '00000000-0000-0000-0000-000000000001',
     '10000000-0000-0000-0000-000000000006', 'member', 'inactive',
     NULL, NULL, NULL,
     '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001',
     NOW() - INTERVAL '60 days', NOW() - INTERVAL '60 days', NOW() - INTERVAL '30 days')
ON CONFLICT (id) DO NOTHING;

-- ================================================================
-- billing_config: professional, active, 650,000 of 1,000,000 traces (65.00%)
-- ================================================================
INSERT INTO billing_config (
    id, workspace_id, plan_type, plan_status,
    traces_per_month_limit, team_members_limit, api_keys_limit, data_retention_days,
    custom_integrations_limit,
    traces_current_month, team_members_current, api_keys_current, usage_reset_at,
    billing_cycle_start, billing_cycle_end, next_billing_date,
    monthly_price_usd, billing_interval, auto_renew,
    stripe_customer_id, stripe_subscription_id, payment_method_last4, payment_method_brand,
    created_by
) VALUES (
    '20000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001',
    'professional', 'active',
    1000000, 25, 10, 90,
    5,
    650000, 4, 3, DATE_TRUNC('month', CURRENT_DATE),
    DATE_TRUNC('month', CURRENT_DATE)::DATE,
    (DATE_TRUNC('month', CURRENT_DATE) + INTERVAL '1 month - 1 day')::DATE,
    (DATE_TRUNC('month', CURRENT_DATE) + INTERVAL '1 month')::DATE,
    99.00, 'monthly', TRUE,
    'cus_test_abc123def456', 'sub_test_xyz789uvw456', '4242', 'Visa',
    '00000000-0000-0000-0000-000000000001'
) ON CONFLICT (id) DO NOTHING;

-- ================================================================
-- integrations_config: slack, pagerduty (healthy), webhook (degraded), sentry (disabled)
-- No credentials: the console seals them itself (credentials_encrypted NULL).
-- ================================================================
INSERT INTO integrations_config (
    id, workspace_id, integration_type, integration_name, config_data, is_enabled,
    health_status, last_health_check_at, last_sync_at, total_events_sent, event_filters,
    created_by
) VALUES (
    '30000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001',
    'slack', 'Engineering Alerts',
    '{
        "channel_id": "C01234567",
        "channel_name": "#agent-alerts",
        "workspace_url": "https://acme-corp.slack.com",
        "mention_users": ["U12345678"]
    }'::jsonb,
    TRUE, 'healthy', NOW() - INTERVAL '15 minutes', NOW() - INTERVAL '5 minutes', 1247,
    '{
        "alert_types": ["budget_exceeded", "error_spike", "latency_high"],
        "severity_min": "warning",
        "agents": ["customer_support", "sales_agent"]
    }'::jsonb,
    '00000000-0000-0000-0000-000000000001'
) ON CONFLICT (id) DO NOTHING;

INSERT INTO integrations_config (
    id, workspace_id, integration_type, integration_name, config_data, is_enabled,
    health_status, last_health_check_at, last_sync_at, total_events_sent, event_filters,
    created_by
) VALUES (
    '30000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001',
    'pagerduty', 'Production Incidents',
    '{
        "service_id": "PSERVICE123",
        "service_name": "AI Agent Platform",
        "severity_mapping": {
            "critical": "critical",
            "high": "error",
            "medium": "warning",
            "low": "info"
        }
    }'::jsonb,
    TRUE, 'healthy', NOW() - INTERVAL '20 minutes', NOW() - INTERVAL '2 hours', 34,
    '{
        "alert_types": ["budget_exceeded", "system_down"],
        "severity_min": "high"
    }'::jsonb,
    '00000000-0000-0000-0000-000000000001'
) ON CONFLICT (id) DO NOTHING;

INSERT INTO integrations_config (
    id, workspace_id, integration_type, integration_name, config_data,
    credentials_encrypted, is_enabled, health_status, health_check_message,
    last_health_check_at, last_sync_at, last_error_at, last_error_message,
    total_events_sent, total_errors, event_filters, rate_limit_per_minute, created_by
) VALUES (
    '30000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000001',
    'webhook', 'Custom Analytics Endpoint',
    '{
        "url": "https://analytics.acme-corp.com/webhooks/agent-events",
        "method": "POST",
        "headers": {
            "Content-Type": "application/json",
            "X-API-Version": "v1"
        },
        "auth_type": "bearer",
        "timeout_ms": 5000
    }'::jsonb,
    NULL, TRUE, 'degraded', 'Intermittent timeouts detected (3/10 recent requests)',
    NOW() - INTERVAL '10 minutes', NOW() - INTERVAL '3 minutes', NOW() - INTERVAL '3 minutes',
    'Request timeout after 5000ms',
    892, 23,
    '{
        "alert_types": ["all"],
        "include_trace_data": true
    }'::jsonb,
    100, '00000000-0000-0000-0000-000000000001'
) ON CONFLICT (id) DO NOTHING;

INSERT INTO integrations_config (
    id, workspace_id, integration_type, integration_name, config_data, is_enabled,
    health_status, last_health_check_at, last_sync_at, total_events_sent, created_by
) VALUES (
    '30000000-0000-0000-0000-000000000004', '00000000-0000-0000-0000-000000000001',
    'sentry', 'Error Tracking',
    '{
        "environment": "production",
        "sample_rate": 1.0,
        "traces_sample_rate": 0.1
    }'::jsonb,
    FALSE, 'unknown', NULL, NOW() - INTERVAL '7 days', 156,
    '00000000-0000-0000-0000-000000000001'
) ON CONFLICT (id) DO NOTHING;

-- ================================================================
-- api_keys: three keys (billing_config.api_keys_current = 3), hashes only
-- ================================================================
INSERT INTO api_keys (id, workspace_id, user_id, name, key_prefix, key_hash, created_at,
                      last_used_at) VALUES
    ('40000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001',
     '00000000-0000-0000-0000-000000000001', 'Production ingest', 'sk_demo_prod',
     encode(digest('sk_demo_production_0001', 'sha256'), 'hex'),
     NOW() - INTERVAL '30 days', NOW() - INTERVAL '2 minutes'),
    ('40000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001',
     '10000000-0000-0000-0000-000000000002', 'Staging ingest', 'sk_demo_stag',
     encode(digest('sk_demo_staging_0002', 'sha256'), 'hex'),
     NOW() - INTERVAL '20 days', NOW() - INTERVAL '3 hours'),
    ('40000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000001',
     '10000000-0000-0000-0000-000000000003', 'CI pipeline', 'sk_demo_ci_0',
     encode(digest('sk_demo_ci_0003', 'sha256'), 'hex'),
     NOW() - INTERVAL '12 days', NULL)
ON CONFLICT (id) DO NOTHING;
