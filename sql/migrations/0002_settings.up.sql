-- 0002_settings: team_members, billing_config, integrations_config.
-- Seed 002's DDL (17 / 32 / 23 columns, SEED-ERRATA #3), its indexes and updated_at
-- triggers, corrected as SEED-ERRATA.md says:
--   * team_members.user_id is NULL for a pending invitation until it is accepted
--     (CHECK status = 'pending' OR user_id IS NOT NULL)                       (#2)
--   * UNIQUE NULLS NOT DISTINCT (workspace_id, user_id, deleted_at) is replaced by
--     one live row per person per workspace (partial unique indexes)          (#2)
--   * invitation_token holds only the lower-case SHA-256 hex of the token     (#7)
-- plus indexes for 100,000-member workspaces (keyset pagination, trigram search).
-- Run by the migrator inside one transaction: no BEGIN/COMMIT here.

-- =====================================================================
-- team_members
-- =====================================================================
CREATE TABLE team_members (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    workspace_id UUID NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    -- NULL while the invitation is pending (SEED-ERRATA #2)
    user_id UUID REFERENCES users(id) ON DELETE CASCADE,
    role VARCHAR(32) NOT NULL DEFAULT 'viewer',
    status VARCHAR(32) NOT NULL DEFAULT 'pending',
    invitation_email VARCHAR(256),
    invitation_token VARCHAR(128) UNIQUE,
    invitation_expires_at TIMESTAMPTZ,
    invited_by UUID REFERENCES users(id) ON DELETE SET NULL,
    created_by UUID REFERENCES users(id) ON DELETE SET NULL,
    updated_by UUID REFERENCES users(id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    accepted_at TIMESTAMPTZ,
    last_active_at TIMESTAMPTZ,
    deleted_at TIMESTAMPTZ,
    deleted_by UUID REFERENCES users(id) ON DELETE SET NULL,

    CONSTRAINT team_members_role_check
        CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
    CONSTRAINT team_members_status_check
        CHECK (status IN ('pending', 'active', 'inactive')),
    -- Only a pending invitation may lack a user (SEED-ERRATA #2).
    CONSTRAINT team_members_user_required_check
        CHECK (status = 'pending' OR user_id IS NOT NULL),
    -- A pending invitation is addressed to an email.
    CONSTRAINT team_members_pending_email_check
        CHECK (status <> 'pending' OR invitation_email IS NOT NULL),
    CONSTRAINT team_members_invitation_email_check
        CHECK (invitation_email IS NULL
               OR (invitation_email = lower(btrim(invitation_email))
                   AND invitation_email LIKE '_%@_%')),
    -- Only the SHA-256 hex of the token is stored (SEED-ERRATA #7).
    CONSTRAINT team_members_invitation_token_check
        CHECK (invitation_token ~ '^[0-9a-f]{64}$')
);

COMMENT ON TABLE team_members IS 'Enhanced workspace team management with RBAC and invitation workflow';
COMMENT ON COLUMN team_members.role IS 'Permission level: owner, admin, member, viewer';
COMMENT ON COLUMN team_members.status IS 'Membership status: pending, active, inactive';
COMMENT ON COLUMN team_members.user_id IS 'NULL while the invitation is pending (SEED-ERRATA #2)';
COMMENT ON COLUMN team_members.invitation_token IS 'Lower-case hex SHA-256 of the invitation token; the token itself is never stored';
COMMENT ON COLUMN team_members.deleted_at IS 'Soft delete timestamp - NULL if live';

-- One live row per person per workspace (replaces the seed's NULLS NOT DISTINCT key).
CREATE UNIQUE INDEX team_members_unique_active_member
    ON team_members (workspace_id, user_id)
    WHERE deleted_at IS NULL;
-- One live pending invitation per email per workspace.
CREATE UNIQUE INDEX team_members_unique_pending_email
    ON team_members (workspace_id, lower(invitation_email))
    WHERE status = 'pending' AND deleted_at IS NULL;

-- Seed 002's indexes.
CREATE INDEX idx_team_members_workspace_status
    ON team_members (workspace_id, status) WHERE deleted_at IS NULL;
CREATE INDEX idx_team_members_user
    ON team_members (user_id) WHERE deleted_at IS NULL;
CREATE INDEX idx_team_members_active
    ON team_members (workspace_id, status, role)
    WHERE status = 'active' AND deleted_at IS NULL;
CREATE INDEX idx_team_members_invitation_token
    ON team_members (invitation_token)
    WHERE invitation_token IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX idx_team_members_pending_invitations
    ON team_members (status, invitation_expires_at)
    WHERE status = 'pending' AND deleted_at IS NULL;
CREATE INDEX idx_team_members_last_active
    ON team_members (workspace_id, last_active_at DESC)
    WHERE status = 'active' AND deleted_at IS NULL;
CREATE INDEX idx_team_members_created_at
    ON team_members (created_at DESC);

-- 100,000-member workspaces: keyset pagination by (created_at, id), also within a role
-- or a status, and trigram indexes for case-insensitive substring search (ILIKE '%x%').
CREATE INDEX idx_team_members_keyset
    ON team_members (workspace_id, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX idx_team_members_role_keyset
    ON team_members (workspace_id, role, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX idx_team_members_status_keyset
    ON team_members (workspace_id, status, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX idx_team_members_invitation_email_trgm
    ON team_members USING GIN (invitation_email gin_trgm_ops);
CREATE INDEX idx_users_email_trgm
    ON users USING GIN (email gin_trgm_ops);
CREATE INDEX idx_users_full_name_trgm
    ON users USING GIN (full_name gin_trgm_ops);

-- updated_at moves on every edit except a change of last_active_at alone (activity).
CREATE TRIGGER update_team_members_updated_at
BEFORE UPDATE ON team_members
FOR EACH ROW
EXECUTE FUNCTION update_updated_at_column('last_active_at');

-- =====================================================================
-- billing_config
-- =====================================================================
CREATE TABLE billing_config (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    workspace_id UUID NOT NULL UNIQUE REFERENCES workspaces(id) ON DELETE CASCADE,
    plan_type VARCHAR(32) NOT NULL DEFAULT 'free',
    plan_status VARCHAR(32) NOT NULL DEFAULT 'active',
    traces_per_month_limit INTEGER,
    team_members_limit INTEGER,
    api_keys_limit INTEGER,
    data_retention_days INTEGER,
    custom_integrations_limit INTEGER,
    traces_current_month INTEGER NOT NULL DEFAULT 0,
    team_members_current INTEGER NOT NULL DEFAULT 0,
    api_keys_current INTEGER NOT NULL DEFAULT 0,
    usage_reset_at TIMESTAMPTZ,
    overage_allowed BOOLEAN DEFAULT FALSE,
    billing_cycle_start DATE NOT NULL DEFAULT CURRENT_DATE,
    billing_cycle_end DATE,
    trial_ends_at TIMESTAMPTZ,
    stripe_customer_id VARCHAR(128) UNIQUE,
    stripe_subscription_id VARCHAR(128) UNIQUE,
    payment_method_last4 VARCHAR(4),
    payment_method_brand VARCHAR(32),
    monthly_price_usd DECIMAL(10, 2),
    annual_price_usd DECIMAL(10, 2),
    billing_interval VARCHAR(16) DEFAULT 'monthly',
    next_billing_date DATE,
    auto_renew BOOLEAN DEFAULT TRUE,
    cancellation_requested BOOLEAN DEFAULT FALSE,
    cancellation_effective_date DATE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID REFERENCES users(id) ON DELETE SET NULL,
    updated_by UUID REFERENCES users(id) ON DELETE SET NULL,

    CONSTRAINT billing_config_plan_type_check
        CHECK (plan_type IN ('free', 'starter', 'professional', 'enterprise')),
    CONSTRAINT billing_config_plan_status_check
        CHECK (plan_status IN ('active', 'trialing', 'past_due', 'canceled', 'suspended')),
    CONSTRAINT billing_config_billing_interval_check
        CHECK (billing_interval IN ('monthly', 'annual')),
    CONSTRAINT billing_config_usage_positive_check
        CHECK (
            traces_current_month >= 0 AND
            team_members_current >= 0 AND
            api_keys_current >= 0
        ),
    -- NULL means unlimited; a limit is never negative.
    CONSTRAINT billing_config_limits_check
        CHECK (
            COALESCE(traces_per_month_limit, 0) >= 0 AND
            COALESCE(team_members_limit, 0) >= 0 AND
            COALESCE(api_keys_limit, 0) >= 0 AND
            COALESCE(data_retention_days, 0) >= 0 AND
            COALESCE(custom_integrations_limit, 0) >= 0
        ),
    CONSTRAINT billing_config_payment_last4_check
        CHECK (payment_method_last4 ~ '^[0-9]{4}$')
);

COMMENT ON TABLE billing_config IS 'Subscription plans, usage limits, and billing configuration per workspace';
COMMENT ON COLUMN billing_config.plan_type IS 'Subscription tier: free, starter, professional, enterprise';
COMMENT ON COLUMN billing_config.stripe_customer_id IS 'Stripe customer ID for payment processing';
COMMENT ON COLUMN billing_config.traces_per_month_limit IS 'Monthly trace ingestion limit (NULL = unlimited)';
COMMENT ON COLUMN billing_config.usage_reset_at IS 'Last monthly usage counter reset timestamp';
COMMENT ON COLUMN billing_config.team_members_current IS 'Active, live team members; maintained by a trigger (0003)';
COMMENT ON COLUMN billing_config.api_keys_current IS 'Unrevoked API keys; maintained by a trigger (0003)';

CREATE INDEX idx_billing_config_plan_type
    ON billing_config (plan_type, plan_status);
CREATE INDEX idx_billing_config_billing_cycle
    ON billing_config (billing_cycle_end) WHERE plan_status = 'active';
CREATE INDEX idx_billing_config_trial_expiring
    ON billing_config (trial_ends_at)
    WHERE plan_status = 'trialing' AND trial_ends_at IS NOT NULL;
CREATE INDEX idx_billing_config_stripe_customer
    ON billing_config (stripe_customer_id)
    WHERE stripe_customer_id IS NOT NULL;
CREATE INDEX idx_billing_config_usage_monitoring
    ON billing_config (workspace_id, traces_current_month)
    WHERE plan_status = 'active' AND traces_per_month_limit IS NOT NULL;

-- Usage counters are telemetry, not configuration: changing only them keeps updated_at.
CREATE TRIGGER update_billing_config_updated_at
BEFORE UPDATE ON billing_config
FOR EACH ROW
EXECUTE FUNCTION update_updated_at_column(
    'traces_current_month', 'team_members_current', 'api_keys_current', 'usage_reset_at');

-- =====================================================================
-- integrations_config
-- =====================================================================
CREATE TABLE integrations_config (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    workspace_id UUID NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    integration_type VARCHAR(64) NOT NULL,
    integration_name VARCHAR(256) NOT NULL,
    config_data JSONB NOT NULL DEFAULT '{}',
    credentials_encrypted TEXT,
    encryption_key_id VARCHAR(128),
    is_enabled BOOLEAN NOT NULL DEFAULT TRUE,
    health_status VARCHAR(32) DEFAULT 'unknown',
    last_health_check_at TIMESTAMPTZ,
    health_check_message TEXT,
    last_sync_at TIMESTAMPTZ,
    last_error_at TIMESTAMPTZ,
    last_error_message TEXT,
    total_events_sent INTEGER DEFAULT 0,
    total_errors INTEGER DEFAULT 0,
    event_filters JSONB DEFAULT '{}',
    rate_limit_per_minute INTEGER,
    retry_config JSONB DEFAULT '{"max_retries": 3, "backoff": "exponential"}',
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_by UUID REFERENCES users(id) ON DELETE SET NULL,
    updated_by UUID REFERENCES users(id) ON DELETE SET NULL,

    CONSTRAINT integrations_config_type_check
        CHECK (integration_type IN (
            'slack', 'pagerduty', 'webhook', 'sentry', 'datadog', 'custom'
        )),
    CONSTRAINT integrations_config_health_check
        CHECK (health_status IN (
            'healthy', 'degraded', 'unhealthy', 'unknown'
        )),
    CONSTRAINT integrations_config_unique_type
        UNIQUE (workspace_id, integration_type, integration_name),
    CONSTRAINT integrations_config_name_check
        CHECK (length(btrim(integration_name)) > 0),
    -- Ciphertext and the id of the key that sealed it travel together.
    CONSTRAINT integrations_config_key_id_check
        CHECK (credentials_encrypted IS NULL OR encryption_key_id IS NOT NULL)
);

COMMENT ON TABLE integrations_config IS 'External service integrations (Slack, PagerDuty, webhooks, etc.)';
COMMENT ON COLUMN integrations_config.integration_type IS 'Integration type: slack, pagerduty, webhook, sentry, datadog, custom';
COMMENT ON COLUMN integrations_config.credentials_encrypted IS 'AES-256-GCM encrypted credentials (sealed by the application, row id as associated data)';
COMMENT ON COLUMN integrations_config.config_data IS 'JSONB configuration specific to integration type';
COMMENT ON COLUMN integrations_config.event_filters IS 'Filter rules for which events to send';
COMMENT ON COLUMN integrations_config.last_sync_at IS 'Last successful event delivery timestamp';

CREATE INDEX idx_integrations_workspace_enabled
    ON integrations_config (workspace_id, is_enabled, integration_type)
    WHERE is_enabled = TRUE;
CREATE INDEX idx_integrations_type
    ON integrations_config (integration_type, is_enabled);
CREATE INDEX idx_integrations_health_status
    ON integrations_config (health_status, last_health_check_at DESC)
    WHERE is_enabled = TRUE;
CREATE INDEX idx_integrations_errors
    ON integrations_config (last_error_at DESC)
    WHERE last_error_at IS NOT NULL;
CREATE INDEX idx_integrations_event_filters
    ON integrations_config USING GIN (event_filters);
CREATE INDEX idx_integrations_last_sync
    ON integrations_config (workspace_id, last_sync_at DESC)
    WHERE is_enabled = TRUE;

-- Health and delivery telemetry are observations, not edits: changing only them keeps
-- updated_at, so a health check does not make an open edit form stale.
CREATE TRIGGER update_integrations_config_updated_at
BEFORE UPDATE ON integrations_config
FOR EACH ROW
EXECUTE FUNCTION update_updated_at_column(
    'health_status', 'last_health_check_at', 'health_check_message', 'last_sync_at',
    'last_error_at', 'last_error_message', 'total_events_sent', 'total_errors');
