import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// Integrations through the store against the seeded workspace: Slack and PagerDuty healthy,
/// the webhook degraded, Sentry disabled; the professional plan allows 5 integrations.
@Suite struct IntegrationTests {
    let database: TestDatabase

    init() async throws {
        database = try await TestDatabase.make(.seeded)
    }

    static let slackID = IntegrationID(
        UUID(uuidString: "30000000-0000-0000-0000-000000000001") ?? UUID())
    static let webhookID = IntegrationID(
        UUID(uuidString: "30000000-0000-0000-0000-000000000003") ?? UUID())

    static func draft(_ name: String = "On-call webhook", type: IntegrationType = .webhook)
        -> IntegrationDraft
    {
        IntegrationDraft(
            type: type, name: name,
            config: .object([
                "url": .string("https://hooks.example.com/agent-events"), "method": .string("POST"),
            ]),
            eventFilters: .object(["severity_min": .string("warning")]), rateLimitPerMinute: 60)
    }

    /// Everything a failed write must leave alone.
    func snapshot() async throws -> String {
        try await DemoLogin.scalar(
            database,
            """
            SELECT (SELECT string_agg(i::text, '|' ORDER BY id) FROM integrations_config i)
                   || '#' || (SELECT count(*) FROM audit_logs WHERE action NOT LIKE 'auth.%')
            """) ?? ""
    }

    @Test(arguments: Role.allCases)
    func everyMemberSeesTheListWorstFirst(role: Role) async throws {
        try await database.adminClient().query(
            "UPDATE billing_config SET custom_integrations_limit = NULL")
        try await database.adminClient().query(
            """
            INSERT INTO integrations_config (workspace_id, integration_type, integration_name,
                health_status, is_enabled, total_events_sent, total_errors, last_error_message)
            VALUES ($1, 'datadog', 'Metrics', 'unhealthy', true, 200, 50, 'HTTP 403 from api.datadoghq.com'),
                   ($1, 'custom', 'New thing', 'unknown', true, 0, 0, NULL)
            """, [DemoLogin.workspaceID])
        let store = try await DemoLogin.store(database, role)
        let list = try await store.integrations()
        #expect(
            list.map(\.name) == [
                "Metrics", "Custom Analytics Endpoint", "New thing", "Engineering Alerts",
                "Production Incidents", "Error Tracking",
            ])
        #expect(
            list.map(\.health) == [.unhealthy, .degraded, .unknown, .healthy, .healthy, .unknown])
        #expect(list.last?.enabled == false)
        let metrics = try #require(list.first)
        #expect(metrics.errorRatePercent == 25)
        #expect(metrics.lastErrorMessage == "HTTP 403 from api.datadoghq.com")
        let webhook = try #require(list.first { $0.type == .webhook })
        #expect(webhook.eventsSent == 892 && webhook.errors == 23)
        #expect(webhook.healthMessage == "Intermittent timeouts detected (3/10 recent requests)")
        #expect(webhook.lastErrorMessage == "Request timeout after 5000ms")
        #expect(
            webhook.lastHealthCheckAt != nil && webhook.lastSyncAt != nil
                && webhook.lastErrorAt != nil)
        #expect(list.allSatisfy { !$0.hasCredentials })
    }

    @Test func detailShowsTypedConfigurationWithSecretsHidden() async throws {
        try await database.adminClient().query(
            """
            UPDATE integrations_config SET config_data = config_data
                || '{"bot_token": "xoxb-legacy-TOPSECRET", "headers": {"Authorization": "Bearer LEGACY-TOPSECRET"}}'
            WHERE id = $1
            """, [Self.slackID.rawValue])
        let store = try await DemoLogin.store(database, .viewer)
        let detail = try await store.integration(Self.slackID)
        #expect(detail.summary.name == "Engineering Alerts")
        #expect(detail.config["channel_id"] == .string("C01234567"))
        #expect(detail.config["mention_users"] == .array([.string("U12345678")]))
        #expect(detail.config["bot_token"] == .string("configured"))
        #expect(detail.config["headers"]?["Authorization"] == .string("configured"))
        #expect(detail.eventFilters["severity_min"] == .string("warning"))
        #expect(detail.retryConfig == IntegrationDraft.defaultRetryConfig)
        #expect(detail.createdBy == "demo@example.com")
        var dumped = ""
        dump(detail, to: &dumped)
        #expect(!dumped.contains("TOPSECRET"))
        let webhook = try await store.integration(Self.webhookID)
        #expect(webhook.config["auth_type"] == .string("bearer"))
        #expect(webhook.config["timeout_ms"] == .number(5000))
        #expect(webhook.rateLimitPerMinute == 100)
    }

    @Test(arguments: [Role.owner, .admin])
    func ownersAndAdminsAddEditEnableDisableAndRemove(role: Role) async throws {
        let store = try await DemoLogin.store(database, role)
        let added = try await store.addIntegration(Self.draft())
        #expect(added.summary.type == .webhook && added.summary.enabled)
        #expect(added.summary.health == .unknown)
        #expect(added.rateLimitPerMinute == 60)
        #expect(added.createdBy == DemoLogin.email(role))
        #expect(try await store.integrations().count == 5)

        var draft = added.draft
        draft.name = "Renamed webhook"
        draft.config = .object(["url": .string("https://hooks.example.com/v2")])
        let edited = try await store.editIntegration(added.id, draft, expected: added.version)
        #expect(edited.summary.name == "Renamed webhook")
        #expect(edited.config == .object(["url": .string("https://hooks.example.com/v2")]))
        #expect(edited.version != added.version)

        let disabled = try await store.disableIntegration(added.id, expected: edited.version)
        #expect(!disabled.enabled)
        let twice = await DemoLogin.error { () async throws(DomainError) in
            try await store.disableIntegration(added.id)
        }
        #expect(twice == .conflict(reason: "Renamed webhook is already disabled"))
        #expect(try await store.enableIntegration(added.id).enabled)

        try await store.removeIntegration(added.id)
        #expect(try await store.integrations().count == 4)
        let gone = await DemoLogin.error { () async throws(DomainError) in
            try await store.integration(added.id)
        }
        #expect(gone == .notFound(what: "that integration no longer exists"))
        let actions = try await database.adminClient().query(
            "SELECT action, user_id::text AS actor FROM audit_logs WHERE resource_id = $1 ORDER BY created_at",
            [added.id.rawValue])
        #expect(
            try actions.rows.map { try $0.string("action") } == [
                "integrations.add", "integrations.edit", "integrations.disable",
                "integrations.enable",
                "integrations.remove",
            ])
        #expect(
            try actions.rows.allSatisfy {
                try $0.string("actor") == store.session.userID.description
            })
    }

    @Test(arguments: [Role.member, .viewer])
    func membersAndViewersCannotChangeIntegrations(role: Role) async throws {
        let store = try await DemoLogin.store(database, role)
        let before = try await snapshot()
        let denied = DomainError.forbidden(reason: "Only admins and owners can manage integrations")
        let detail = try await store.integration(Self.webhookID)
        #expect(
            await DemoLogin.error { () async throws(DomainError) in
                try await store.addIntegration(Self.draft())
            } == denied)
        #expect(
            await DemoLogin.error { () async throws(DomainError) in
                try await store.editIntegration(Self.webhookID, detail.draft)
            } == denied)
        #expect(
            await DemoLogin.error { () async throws(DomainError) in
                try await store.disableIntegration(Self.webhookID)
            } == denied)
        #expect(
            await DemoLogin.error { () async throws(DomainError) in
                try await store.enableIntegration(Self.webhookID)
            } == denied)
        #expect(
            await DemoLogin.error { () async throws(DomainError) in
                try await store.removeIntegration(Self.webhookID)
            } == denied)
        #expect(
            await DemoLogin.error { () async throws(DomainError) in
                try await store.testIntegration(Self.webhookID, sealer: nil)
            }
                == .forbidden(
                    reason:
                        "Only admins and owners can manage integrations; ask Demo Owner, Admin User"
                ))
        #expect(try await snapshot() == before)
    }

    @Test func thePlansIntegrationLimitCountsEveryIntegration() async throws {
        let store = try await DemoLogin.store(database, .admin)
        #expect(try await store.integrationUsage() == UsageMeter(used: 4, limit: 5))
        try await store.addIntegration(Self.draft("Fifth"))
        let before = try await snapshot()
        let error = await DemoLogin.error { () async throws(DomainError) in
            try await store.addIntegration(Self.draft("Sixth"))
        }
        #expect(
            error
                == .limitReached(
                    reason:
                        "the plan allows 5 integrations, all in use; remove one or upgrade the plan"
                ))
        #expect(
            Policy(actorRole: .admin).addIntegration(usage: try await store.integrationUsage())
                .reason
                == "The plan allows 5 integrations, all in use; remove one or upgrade the plan")
        #expect(try await snapshot() == before)
        // Disabling does not free a slot; removing does.
        try await store.disableIntegration(Self.webhookID)
        #expect(
            await DemoLogin.error { () async throws(DomainError) in
                try await store.addIntegration(Self.draft("Sixth"))
            } != nil)
        try await store.removeIntegration(Self.webhookID)
        try await store.addIntegration(Self.draft("Sixth"))
        // NULL means unlimited.
        try await database.adminClient().query(
            "UPDATE billing_config SET custom_integrations_limit = NULL")
        try await store.addIntegration(Self.draft("Seventh"))
        #expect(try await store.integrationUsage() == UsageMeter(used: 6, limit: nil))
    }

    @Test func parallelAddsNeverExceedTheLimit() async throws {
        var stores: [SettingsStore] = []
        for index in 0..<8 {
            stores.append(
                try await DemoLogin.store(database, index.isMultiple(of: 2) ? .owner : .admin))
        }
        let outcomes = await withTaskGroup(of: DomainError?.self) { group in
            for (index, store) in stores.enumerated() {
                group.addTask {
                    do {
                        try await store.addIntegration(Self.draft("Parallel \(index)"))
                        return nil
                    } catch {
                        return DomainError.from(error)
                    }
                }
            }
            var all: [DomainError?] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        #expect(outcomes.filter { $0 == nil }.count == 1)
        #expect(
            outcomes.compactMap { $0 }.allSatisfy {
                if case .limitReached = $0 { return true }
                return false
            })
        #expect(
            try await DemoLogin.scalar(database, "SELECT count(*) FROM integrations_config") == "5")
    }

    @Test func theDatabaseRefusesIntegrationsBeyondTheLimitToo() async throws {
        try await database.adminClient().query(
            "UPDATE billing_config SET custom_integrations_limit = 4")
        let error = await #expect(throws: PostgresError.self) {
            try await DemoLogin.asConsoleApp(database, .owner) { connection in
                try connection.query(
                    "INSERT INTO integrations_config (workspace_id, integration_type, integration_name) VALUES ($1, 'custom', 'x')",
                    [DemoLogin.workspaceID])
            }
        }
        #expect(error?.sqlState == "SC003")
    }

    @Test func duplicateTypeAndNameIsAConflict() async throws {
        let store = try await DemoLogin.store(database, .owner)
        let before = try await snapshot()
        let error = await DemoLogin.error { () async throws(DomainError) in
            try await store.addIntegration(Self.draft("engineering ALERTS", type: .slack))
        }
        #expect(
            error
                == .conflict(
                    reason: "a Slack integration named \"engineering ALERTS\" already exists"))
        #expect(try await snapshot() == before)
        // The same name with another type is a different integration.
        try await store.addIntegration(Self.draft("Engineering Alerts", type: .webhook))
        // Renaming onto an existing name is refused as well.
        let webhook = try await store.integration(Self.webhookID)
        var draft = webhook.draft
        draft.name = "Engineering Alerts"
        let rename = await DemoLogin.error { () async throws(DomainError) in
            try await store.editIntegration(Self.webhookID, draft)
        }
        #expect(
            rename
                == .conflict(
                    reason: "a Webhook integration named \"Engineering Alerts\" already exists"))
    }

    @Test func badDraftsChangeNothing() async throws {
        let store = try await DemoLogin.store(database, .owner)
        let before = try await snapshot()
        func field(_ draft: IntegrationDraft) async -> String? {
            let error = await DemoLogin.error { () async throws(DomainError) in
                try await store.addIntegration(draft)
            }
            guard case .invalid(let field, _)? = error else {
                return "\(String(describing: error))"
            }
            return field
        }
        var control = Self.draft("Alerts\u{1B}]0;pwned\u{07}")
        #expect(await field(control) == "name")
        control.name = String(repeating: "n", count: 257)
        #expect(await field(control) == "name")
        control.name = "nul\u{0}"
        #expect(await field(control) == "name")
        var http = Self.draft()
        http.config = .object(["url": .string("http://hooks.example.com/x")])
        #expect(await field(http) == "url")
        var notObject = Self.draft()
        notObject.config = .array([.string("x")])
        #expect(await field(notObject) == "config")
        var secret = Self.draft()
        secret.config = .object([
            "url": .string("https://h.example.com"), "api_key": .string("k-123"),
        ])
        #expect(await field(secret) == "config")
        var rate = Self.draft()
        rate.rateLimitPerMinute = 0
        #expect(await field(rate) == "rate limit")
        var noKey = Self.draft()
        noKey.credentials = .replace(Secret("tok"))
        #expect(await field(noKey) == "INTEGRATION_CREDENTIALS_KEY")
        #expect(try await snapshot() == before)
    }

    @Test func sqlMetacharactersInNamesAreStoredVerbatim() async throws {
        let store = try await DemoLogin.store(database, .owner)
        let name = "Robert'); DROP TABLE integrations_config;-- \\ % _ \"q\" $1"
        let added = try await store.addIntegration(Self.draft(name))
        #expect(added.summary.name == name)
        #expect(
            try await DemoLogin.scalar(
                database, "SELECT integration_name FROM integrations_config WHERE id = $1",
                [added.id.rawValue]) == name)
        #expect(try await store.integration(named: name.lowercased()).id == added.id)
        #expect(try await store.integrations().count == 5)
    }

    @Test func editingKeepsHiddenValuesRefusesTypeChangesAndStaleViews() async throws {
        try await database.adminClient().query(
            """
            UPDATE integrations_config
            SET config_data = jsonb_set(config_data, '{headers,Authorization}', '"Bearer LEGACY-TOPSECRET"')
            WHERE id = $1
            """, [Self.webhookID.rawValue])
        let store = try await DemoLogin.store(database, .admin)
        let other = try await DemoLogin.store(database, .owner)
        let seen = try await store.integration(Self.webhookID)
        #expect(seen.config["headers"]?["Authorization"] == .string("configured"))
        var draft = seen.draft
        draft.rateLimitPerMinute = 250
        let edited = try await store.editIntegration(Self.webhookID, draft, expected: seen.version)
        #expect(edited.rateLimitPerMinute == 250)
        #expect(
            try await DemoLogin.scalar(
                database,
                "SELECT config_data->'headers'->>'Authorization' FROM integrations_config WHERE id = $1",
                [Self.webhookID.rawValue]) == "Bearer LEGACY-TOPSECRET")

        try await other.disableIntegration(Self.webhookID)
        let stale = await DemoLogin.error { () async throws(DomainError) in
            try await store.editIntegration(Self.webhookID, draft, expected: edited.version)
        }
        #expect(
            stale
                == .conflict(
                    reason:
                        "Custom Analytics Endpoint was changed by someone else; refresh and try again"
                ))
        #expect(
            await DemoLogin.error { () async throws(DomainError) in
                try await store.enableIntegration(Self.webhookID, expected: edited.version)
            } == stale)

        var retyped = try await store.integration(Self.webhookID).draft
        retyped.type = .custom
        let typeChange = await DemoLogin.error { () async throws(DomainError) in
            try await store.editIntegration(Self.webhookID, retyped)
        }
        guard case .invalid("type", _)? = typeChange else {
            Issue.record("expected invalid type, got \(String(describing: typeChange))")
            return
        }
        // Telemetry (events sent, health) does not make an open edit form stale. The test
        // delivery goes to a closed loopback port: tests never leave the machine.
        try await database.adminClient().query(
            "UPDATE integrations_config SET config_data = jsonb_set(config_data, '{url}', '\"http://127.0.0.1:9/hook\"') WHERE id = $1",
            [Self.webhookID.rawValue])
        let fresh = try await store.integration(Self.webhookID)
        try await database.adminClient().query(
            "UPDATE integrations_config SET total_events_sent = total_events_sent + 1, last_sync_at = now() WHERE id = $1",
            [Self.webhookID.rawValue])
        let version = try await DemoLogin.scalar(
            database, "SELECT updated_at::text FROM integrations_config WHERE id = $1",
            [Self.webhookID.rawValue])
        #expect(
            version == fresh.version.text,
            "telemetry moved updated_at: stale-view checks will misfire")
        // So does a test delivery: the form opened before it still saves.
        #expect(try await store.testIntegration(Self.webhookID, sealer: nil).passed == false)
        var later = fresh.draft
        later.rateLimitPerMinute = 30
        #expect(
            try await store.editIntegration(Self.webhookID, later, expected: fresh.version)
                .rateLimitPerMinute == 30)
    }

    @Test func anotherWorkspacesIntegrationsAreInvisibleWhateverIDIsPassed() async throws {
        let otherWorkspace = "00000000-0000-0000-0000-0000000000b2"
        let otherID = IntegrationID(
            try #require(UUID(uuidString: "30000000-0000-0000-0000-0000000000b2")))
        try await database.adminClient().query(
            """
            WITH ws AS (INSERT INTO workspaces (id, name, slug) VALUES ($1, 'Other Corp', 'other') RETURNING id),
                 b AS (INSERT INTO billing_config (workspace_id, plan_type, custom_integrations_limit)
                       SELECT id, 'free', 1 FROM ws)
            INSERT INTO integrations_config (id, workspace_id, integration_type, integration_name,
                credentials_encrypted, encryption_key_id)
            SELECT $2, id, 'slack', 'Their alerts', 'v1:c2VjcmV0', 'k1' FROM ws
            """, [otherWorkspace, otherID.rawValue])
        let store = try await DemoLogin.store(database, .owner)
        let gone = DomainError.notFound(what: "that integration no longer exists")
        #expect(!(try await store.integrations()).contains { $0.id == otherID })
        #expect(
            await DemoLogin.error { () async throws(DomainError) in
                try await store.integration(otherID)
            } == gone)
        let draft = IntegrationDraft(type: .slack, name: "Mine now")
        #expect(
            await DemoLogin.error { () async throws(DomainError) in
                try await store.editIntegration(otherID, draft)
            } == gone)
        #expect(
            await DemoLogin.error { () async throws(DomainError) in
                try await store.disableIntegration(otherID)
            } == gone)
        #expect(
            await DemoLogin.error { () async throws(DomainError) in
                try await store.removeIntegration(otherID)
            } == gone)
        #expect(
            await DemoLogin.error { () async throws(DomainError) in
                try await store.testIntegration(otherID, sealer: nil)
            } == gone)
        try await store.changePlan(to: .enterprise)
        let sealed = try await DemoLogin.asConsoleApp(database, .owner) { connection in
            try connection.query(
                "SELECT * FROM console_integration_credentials($1)", [otherID.rawValue]
            ).rows.count
        }
        #expect(sealed == 0)
        let theirs = try #require(
            try await database.adminClient().query(
                """
                SELECT i.integration_name, i.is_enabled, b.plan_type FROM integrations_config i
                JOIN billing_config b ON b.workspace_id = i.workspace_id WHERE i.id = $1
                """, [otherID.rawValue]
            ).first)
        #expect(try theirs.string("integration_name") == "Their alerts")
        #expect(try theirs.bool("is_enabled"))
        #expect(try theirs.string("plan_type") == "free")
    }

    @Test func rowLevelSecurityRefusesMembersEvenInRawSQL() async throws {
        for role in [Role.member, .viewer] {
            let inserted = await #expect(throws: PostgresError.self) {
                try await DemoLogin.asConsoleApp(database, role) { connection in
                    try connection.query(
                        "INSERT INTO integrations_config (workspace_id, integration_type, integration_name) VALUES ($1, 'custom', 'sneaky')",
                        [DemoLogin.workspaceID])
                }
            }
            #expect(inserted?.sqlState == "42501")
            let updated = try await DemoLogin.asConsoleApp(database, role) { connection -> String in
                do {
                    return
                        "\(try connection.query("UPDATE integrations_config SET is_enabled = false").affectedRows) rows"
                } catch let error as PostgresError {
                    return error.sqlState ?? "?"
                }
            }
            #expect(updated == "42501", "\(role) updated integrations: \(updated)")
            let deletedRows = try await DemoLogin.asConsoleApp(database, role) { connection in
                try connection.query("DELETE FROM integrations_config").affectedRows
            }
            #expect(deletedRows == 0)
            let credentials = try await DemoLogin.asConsoleApp(database, role) { connection in
                try connection.query(
                    "SELECT * FROM console_integration_credentials($1)", [Self.webhookID.rawValue]
                ).rows.count
            }
            #expect(credentials == 0)
        }
        #expect(
            try await DemoLogin.scalar(
                database, "SELECT count(*) FROM integrations_config WHERE is_enabled") == "3")
        // Nobody reads the ciphertext column directly, not even owners.
        let column = await #expect(throws: PostgresError.self) {
            try await DemoLogin.asConsoleApp(database, .owner) { connection in
                try connection.query("SELECT credentials_encrypted FROM integrations_config")
            }
        }
        #expect(column?.sqlState == "42501")
    }
}
