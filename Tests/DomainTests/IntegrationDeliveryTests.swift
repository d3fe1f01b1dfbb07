import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// Test deliveries against a local HTTP server answering 200, 500, 401 and never: what
/// reaches the server (the stored credentials), what is recorded, and the health, back-off
/// and re-enabling that follow.
@Suite struct IntegrationDeliveryTests {
    let database: TestDatabase
    let server: LoopbackHTTPServer
    let key: CredentialSealer

    init() async throws {
        database = try await TestDatabase.make(.seeded)
        server = try LoopbackHTTPServer()
        key = try CredentialSealer(base64Key: CredentialSealer.generateKey())
    }

    static let secret = "hook-TOPSECRET-93c1"

    func webhook(
        _ store: SettingsStore, path: String, name: String = "Hook",
        extra: [String: JSONValue] = [:]
    ) async throws -> IntegrationID {
        var config: [String: JSONValue] = ["url": .string(server.url(path))]
        config.merge(extra) { $1 }
        return try await store.addIntegration(
            IntegrationDraft(
                type: .webhook, name: name, config: .object(config),
                credentials: .replace(Secret(Self.secret))), sealer: key
        ).id
    }

    func row(_ id: IntegrationID) async throws -> PostgresRow {
        try #require(
            try await database.adminClient().query(
                """
                SELECT health_status, health_check_message, last_error_message, last_sync_at,
                       total_errors, total_events_sent
                FROM integrations_config WHERE id = $1
                """, [id.rawValue]
            ).first)
    }

    @Test func aSuccessDeliversTheStoredCredentialsAndIsRecorded() async throws {
        let store = try await DemoLogin.store(database, .admin)
        let id = try await webhook(store, path: "/ok")
        let check = try await store.testIntegration(id, sealer: key)
        #expect(check.passed)
        #expect(check.attempt.httpStatus == 200)
        #expect(check.assessment.status == .healthy)
        let received = try #require(try server.received().first)
        #expect(received.method == "POST")
        #expect(received.headers["authorization"] == "Bearer \(Self.secret)")
        #expect(received.body.contains("settings_console.test"))
        #expect(received.body.contains("\"name\":\"Hook\""))
        let stored = try await row(id)
        #expect(try stored.string("health_status") == "healthy")
        #expect(try stored.optionalString("last_error_message") == nil)
        #expect(try stored.optionalDate("last_sync_at") == check.attempt.attemptedAt)
        let history = try await store.integrationHistory(id)
        #expect(history.attempts.count == 1)
        #expect(history.attempts[0].outcome == .delivered)
        #expect(history.attempts[0].source == .manual)
    }

    @Test func aServerErrorIsRecordedSanitisedAndWithoutTheCredential() async throws {
        let store = try await DemoLogin.store(database, .owner)
        let id = try await webhook(store, path: "/fail")
        let check = try await store.testIntegration(id, sealer: key)
        #expect(check.attempt.outcome == .serverError)
        #expect(check.attempt.httpStatus == 500)
        #expect(check.assessment.status == .degraded)
        let error = try #require(check.attempt.error)
        #expect(error.contains("upstream"))
        #expect(!error.contains(Self.secret))
        #expect(!error.unicodeScalars.contains { $0.value < 0x20 })
        #expect(error.count <= ExternalText.storedLimit + 1)
        let stored = try await row(id)
        let lastError = try #require(try stored.optionalString("last_error_message"))
        #expect(lastError.hasPrefix("HTTP 500: upstream"))
        #expect(!lastError.contains(Self.secret))
    }

    @Test func unauthorizedSuspendsUntilASuccessfulTest() async throws {
        let store = try await DemoLogin.store(database, .admin)
        let id = try await webhook(store, path: "/toggle")
        try server.setToggle(401)
        let refused = try await store.testIntegration(id, sealer: key)
        #expect(refused.attempt.outcome == .rejected)
        #expect(refused.assessment.status == .unhealthy)
        guard case .suspended = refused.assessment.breaker else {
            Issue.record("a 401 should suspend deliveries: \(refused.assessment.breaker)")
            return
        }
        try server.setToggle(200)
        let fixed = try await store.testIntegration(id, sealer: key)
        #expect(fixed.assessment.status == .healthy)
        #expect(fixed.assessment.breaker == .closed)
        // The success did not erase the failure that made it unhealthy.
        let stored = try await row(id)
        #expect(try stored.optionalString("last_error_message")?.hasPrefix("HTTP 401") == true)
        #expect(try stored.string("health_status") == "healthy")
        // Test events live in the history, not in the platform's event totals.
        #expect(try stored.int("total_errors") == 0)
        #expect(try stored.int("total_events_sent") == 0)
    }

    @Test func fourServerErrorsPauseWithBackOffAndASuccessReEnables() async throws {
        let store = try await DemoLogin.store(database, .admin)
        let id = try await webhook(store, path: "/toggle")
        try server.setToggle(500)
        var last: IntegrationCheck?
        for _ in 0..<4 { last = try await store.testIntegration(id, sealer: key, source: .checker) }
        let paused = try #require(last)
        #expect(paused.assessment.status == .unhealthy)
        #expect(
            paused.assessment.breaker
                == .paused(until: paused.attempt.attemptedAt.addingTimeInterval(60), failures: 4))
        let fifth = try await store.testIntegration(id, sealer: key, source: .checker)
        #expect(
            fifth.assessment.breaker
                == .paused(until: fifth.attempt.attemptedAt.addingTimeInterval(120), failures: 5))
        try server.setToggle(200)
        let recovered = try await store.testIntegration(id, sealer: key)
        #expect(recovered.assessment.breaker == .closed)
        #expect(recovered.assessment.status == .degraded)  // 5 of the last 6 failed
        #expect(try server.received().count == 6)
    }

    @Test func aServerThatNeverAnswersTimesOutOnTheConfiguredTimeout() async throws {
        let store = try await DemoLogin.store(database, .admin)
        let id = try await webhook(store, path: "/never", extra: ["timeout_ms": .number(300)])
        let check = try await store.testIntegration(id, sealer: key)
        #expect(check.attempt.outcome == .timedOut)
        #expect(check.attempt.error == "timed out after 300 ms")
        // The deadline is the integration's, not URLSession's whole seconds (slack for load).
        #expect((290..<1500).contains(check.attempt.durationMS))
    }

    @Test func redirectsToAnotherHostAreRefused() async throws {
        let store = try await DemoLogin.store(database, .admin)
        let id = try await webhook(store, path: "/away")
        let check = try await store.testIntegration(id, sealer: key)
        #expect(check.attempt.outcome == .blocked)
        #expect(check.attempt.error?.contains("refused") == true)
        #expect(try server.received().map(\.path) == ["/away"])
    }

    @Test func metadataAddressesAreNeverCalled() async throws {
        let store = try await DemoLogin.store(database, .admin)
        let added = try await store.addIntegration(
            IntegrationDraft(
                type: .webhook, name: "Metadata",
                config: .object(["url": .string("https://169.254.169.254/latest/meta-data")])))
        let check = try await store.testIntegration(added.id, sealer: key)
        #expect(check.attempt.outcome == .blocked)
        #expect(check.attempt.error?.contains("link-local") == true)
    }

    @Test func eachServiceUsesItsDocumentedAPIWithTheStoredCredentials() async throws {
        try await database.adminClient().query(
            "UPDATE billing_config SET custom_integrations_limit = NULL")
        let store = try await DemoLogin.store(database, .admin)
        let base = JSONValue.string(server.url("/svc"))
        let cases: [(IntegrationType, [String: JSONValue], String, String)] = [
            (
                .slack, ["channel_id": .string("C0ALERTS"), "api_url": base], "xoxb-slack-1",
                "/svc/api/chat.postMessage"
            ),
            (.pagerduty, ["api_url": base], "pd-routing-key-1", "/svc/v2/enqueue"),
            (.datadog, ["api_url": base], "dd-api-key-1", "/svc/api/v1/events"),
            (
                .sentry, ["api_url": base], "https://sentrykey1@o1.ingest.sentry.io/42",
                "/svc/api/42/envelope/"
            ),
        ]
        for (type, config, secret, _) in cases {
            let added = try await store.addIntegration(
                IntegrationDraft(
                    type: type, name: "Svc \(type.rawValue)", config: .object(config),
                    credentials: .replace(Secret(secret))), sealer: key)
            #expect(try await store.testIntegration(added.id, sealer: key).passed)
        }
        let received = try server.received()
        #expect(received.map(\.path) == cases.map(\.3))
        #expect(received[0].headers["authorization"] == "Bearer xoxb-slack-1")
        #expect(received[0].body.contains("C0ALERTS"))
        #expect(received[1].body.contains("\"routing_key\":\"pd-routing-key-1\""))
        #expect(received[1].body.contains("\"event_action\":\"resolve\""))
        #expect(received[2].headers["dd-api-key"] == "dd-api-key-1")
        #expect(received[3].headers["x-sentry-auth"]?.contains("sentry_key=sentrykey1") == true)
    }

    @Test func slackSayingNotOkIsARejection() async throws {
        let store = try await DemoLogin.store(database, .admin)
        let added = try await store.addIntegration(
            IntegrationDraft(
                type: .slack, name: "Slack",
                config: .object([
                    "channel_id": .string("C1"), "api_url": .string(server.url("/slack-denied")),
                ]), credentials: .replace(Secret("xoxb-bad"))), sealer: key)
        let check = try await store.testIntegration(added.id, sealer: key)
        #expect(check.attempt.outcome == .rejected)
        #expect(check.attempt.error == "Slack: invalid_auth")
    }

    @Test func membersMayNotTestButReadTheHistory() async throws {
        let admin = try await DemoLogin.store(database, .admin)
        let id = try await webhook(admin, path: "/ok")
        try await admin.testIntegration(id, sealer: key)
        let member = try await DemoLogin.store(database, .member)
        let refusal = await domainError { () async throws(DomainError) in
            try await member.testIntegration(id, sealer: key)
        }
        #expect(refusal?.forbiddenReason != nil)
        let viewer = try await DemoLogin.store(database, .viewer)
        #expect(try await viewer.integrationHistory(id).attempts.count == 1)
        #expect(try server.received().count == 1)
    }

    @Test func withoutTheKeyNothingIsSentOrRecorded() async throws {
        let store = try await DemoLogin.store(database, .admin)
        let id = try await webhook(store, path: "/ok")
        let refusal = await domainError { () async throws(DomainError) in
            try await store.testIntegration(id, sealer: nil)
        }
        #expect(refusal?.invalidField != nil)
        #expect(try server.received().isEmpty)
        #expect(try await store.integrationHistory(id).attempts.isEmpty)
    }
}

extension IntegrationDeliveryTests {
    @Test func aMemberRefusedATestIsToldWhoCan() async throws {
        let member = try await DemoLogin.store(database, .member)
        let id = IntegrationID(
            try #require(UUID(uuidString: "30000000-0000-0000-0000-000000000001")))
        let refusal = await domainError { () async throws(DomainError) in
            try await member.testIntegration(id, sealer: key)
        }
        #expect(
            refusal?.forbiddenReason
                == "Only admins and owners can manage integrations; ask Demo Owner, Admin User")
        #expect(try await member.integrationManagers() == ["Demo Owner", "Admin User"])
    }
}

extension IntegrationDeliveryTests {
    /// The checker probes Slack and Datadog without posting, so channels stay quiet.
    @Test func theCheckerProbesQuietlyWhereTheServiceAllows() async throws {
        let store = try await DemoLogin.store(database, .admin)
        let base = JSONValue.string(server.url("/svc"))
        let slack = try await store.addIntegration(
            IntegrationDraft(
                type: .slack, name: "Quiet Slack",
                config: .object(["channel_id": .string("C1"), "api_url": base]),
                credentials: .replace(Secret("xoxb-quiet"))), sealer: key)
        #expect(try await store.testIntegration(slack.id, sealer: key, source: .checker).passed)
        try await store.testIntegration(slack.id, sealer: key, source: .manual)
        let received = try server.received()
        #expect(received.map(\.path) == ["/svc/api/auth.test", "/svc/api/chat.postMessage"])
        #expect(received[0].headers["authorization"] == "Bearer xoxb-quiet")
        #expect(!received[0].body.contains("Test message"))
    }
}
