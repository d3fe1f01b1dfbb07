import Foundation
import Testing

@testable import Domain

/// Draft validation, secret redaction and health ordering: pure, no database.
@Suite struct IntegrationValidationTests {
    static func draft(
        _ type: IntegrationType = .slack, name: String = "Alerts",
        config: JSONValue = .object(["channel_id": .string("C1")]), rate: Int? = nil
    ) -> IntegrationDraft {
        IntegrationDraft(type: type, name: name, config: config, rateLimitPerMinute: rate)
    }

    static func field(of draft: IntegrationDraft) -> String? {
        do {
            _ = try IntegrationValidation.validate(draft)
            return nil
        } catch {
            guard case .invalid(let field, _) = error else { return "not invalid: \(error)" }
            return field
        }
    }

    @Test(arguments: [
        ("", "name"), ("   ", "name"), ("Bell\u{07}", "name"), ("two\nlines", "name"),
        ("nul\u{00}byte", "name"), ("esc\u{1B}[31m", "name"), ("rtl\u{202E}gnp.exe", "name"),
        (String(repeating: "x", count: 257), "name"),
    ])
    func refusesBadNames(name: String, field: String) {
        #expect(Self.field(of: Self.draft(name: name)) == field)
    }

    @Test func acceptsLongUnicodeAndSQLLookingNamesVerbatim() throws {
        for name in [
            String(repeating: "é", count: 256), "Robert'); DROP TABLE integrations_config;--",
            "50% of \"alerts\" \\ _x_", "警报 👩‍💻",
        ] {
            #expect(try IntegrationValidation.validate(Self.draft(name: name)).name == name)
        }
        #expect(try IntegrationValidation.validate(Self.draft(name: "  padded  ")).name == "padded")
    }

    @Test(arguments: [
        ("http://hooks.example.com/x", "url"), ("ftp://example.com", "url"), ("https://", "url"),
        ("not a url", "url"), ("https://exa mple.com", "url"),
    ])
    func webhooksNeedHTTPS(url: String, field: String) {
        #expect(
            Self.field(of: Self.draft(.webhook, config: .object(["url": .string(url)]))) == field)
    }

    @Test func webhooksMayUsePlainHTTPToThisMachineOnly() throws {
        for url in [
            "https://hooks.example.com/a?b=c", "http://localhost:8080/hook", "http://127.0.0.1/x",
        ] {
            _ = try IntegrationValidation.validate(
                Self.draft(.webhook, config: .object(["url": .string(url)])))
        }
        #expect(Self.field(of: Self.draft(.webhook, config: .emptyObject)) == "url")
    }

    @Test func otherFieldsAreChecked() {
        #expect(Self.field(of: Self.draft(config: .array([]))) == "config")
        #expect(Self.field(of: Self.draft(config: .string("x"))) == "config")
        #expect(Self.field(of: Self.draft(rate: 0)) == "rate limit")
        #expect(Self.field(of: Self.draft(rate: -5)) == "rate limit")
        #expect(Self.field(of: Self.draft(rate: 60)) == nil)
        var filters = Self.draft()
        filters.eventFilters = .array([])
        #expect(Self.field(of: filters) == "event filters")
        var retry = Self.draft()
        retry.retryConfig = .object(["max_retries": .number(1e300)])
        #expect(Self.field(of: retry) == "retry config")
        retry.retryConfig = .object(["max_retries": .number(5), "backoff": .string("linear")])
        #expect(Self.field(of: retry) == nil)
    }

    @Test func secretsInPlainConfigurationAreRefused() {
        let config = JSONValue.object([
            "url": .string("https://x.example.com"),
            "headers": .object(["Authorization": .string("Bearer abc")]),
        ])
        let error = #expect(throws: DomainError.self) {
            try IntegrationValidation.validate(Self.draft(.webhook, config: config))
        }
        guard case .invalid("config", let reason)? = error else {
            Issue.record("wrong error \(String(describing: error))")
            return
        }
        #expect(reason.contains("headers.Authorization"))
        #expect(!reason.contains("abc"))
    }

    @Test func redactionHidesSecretLookingMembersAtAnyDepth() throws {
        let stored = try JSONValue.parse(
            """
            {"bot_token": "xoxb-1", "channel_id": "C1", "auth_type": "bearer", "key_id": "k1",
             "api_keys_limit": 3, "headers": {"Authorization": "Bearer s3cr3t", "X-API-Version": "v1",
             "X-Api-Key": "k"}, "dsn": "https://pub@sentry.io/1", "list": [{"password": "p"}],
             "url": "https://user:hunter2@example.com/path", "routingKey": "R1", "empty_secret": null}
            """, field: "config")
        let redacted = SecretRedaction.redact(stored)
        #expect(redacted["bot_token"] == .string("configured"))
        #expect(redacted["routingKey"] == .string("configured"))
        #expect(redacted["dsn"] == .string("configured"))
        #expect(redacted["headers"]?["Authorization"] == .string("configured"))
        #expect(redacted["headers"]?["X-Api-Key"] == .string("configured"))
        #expect(redacted["headers"]?["X-API-Version"] == .string("v1"))
        #expect(redacted["channel_id"] == .string("C1"))
        #expect(redacted["auth_type"] == .string("bearer"))
        #expect(redacted["key_id"] == .string("k1"))
        #expect(redacted["api_keys_limit"] == .number(3))
        #expect(redacted["empty_secret"] == .null)
        #expect(redacted["url"] == .string("https://user:configured@example.com/path"))
        let text = redacted.jsonText
        for secret in ["xoxb-1", "s3cr3t", "hunter2", "\"p\"", "R1", "pub@sentry"] {
            #expect(!text.contains(secret), "\(secret) leaked")
        }
    }

    @Test func editingARedactedViewKeepsTheHiddenValues() throws {
        let stored = JSONValue.object([
            "url": .string("https://x.example.com"),
            "headers": .object(["Authorization": .string("Bearer s3cr3t"), "X-Trace": .string("1")]
            ),
        ])
        var edited = SecretRedaction.redact(stored)
        #expect(edited["headers"]?["Authorization"] == .string("configured"))
        if case .object(var members) = edited {
            members["url"] = .string("https://y.example.com")
            edited = .object(members)
        }
        let valid = try IntegrationValidation.validate(
            Self.draft(.webhook, config: edited), storedConfig: stored)
        #expect(valid.config["headers"]?["Authorization"] == .string("Bearer s3cr3t"))
        #expect(valid.config["url"] == .string("https://y.example.com"))
        // With nothing stored to keep, "configured" is just a placeholder and stays.
        let fresh = try IntegrationValidation.validate(Self.draft(.webhook, config: edited))
        #expect(fresh.config["headers"]?["Authorization"] == .string("configured"))
    }

    /// Settings are readable by every member: a secret inside a URL (issue 8) is refused
    /// with where it belongs, also when an edit would carry a legacy row's one forward.
    @Test(arguments: [
        "https://ops:hunter2@hooks.example.com/in",
        "https://token@hooks.example.com/in",
        "https://hooks.example.com/in?sig=abc",
        "https://hooks.example.com/in?v=1&Token=abc",
        "https://hooks.example.com/in?api_key=abc#frag",
    ])
    func secretsInsideURLsAreRefusedWithWhereTheyBelong(url: String) throws {
        let config = JSONValue.object(["url": .string(url)])
        let error = #expect(throws: DomainError.self) {
            try IntegrationValidation.validate(Self.draft(.webhook, config: config))
        }
        #expect(error == .invalid(field: "url", reason: IntegrationValidation.urlSecretReason))
        #expect(IntegrationValidation.urlSecretReason.contains("credentials"))
        let nested = JSONValue.object([
            "url": .string("https://hooks.example.com/in"),
            "extra": .array([.object(["callback": .string(url)])]),
        ])
        #expect(throws: DomainError.self) {
            try IntegrationValidation.validate(Self.draft(.webhook, config: nested))
        }
        let legacy = JSONValue.object(["url": .string(url)])
        #expect(throws: DomainError.self) {
            try IntegrationValidation.validate(
                Self.draft(.webhook, config: SecretRedaction.redact(legacy)), storedConfig: legacy)
        }
    }

    @Test(arguments: [
        "https://hooks.example.com/in", "https://hooks.example.com/in?v=1&keyword=x",
        "https://hooks.example.com/a@b", "http://localhost:8080/in?page=2",
    ])
    func urlsWithoutSecretsPass(url: String) throws {
        let valid = try IntegrationValidation.validate(
            Self.draft(.webhook, config: .object(["url": .string(url)])))
        #expect(valid.config["url"] == .string(url))
    }

    @Test func unknownTypesAreRefusedByName() throws {
        let error = #expect(throws: DomainError.self) { try IntegrationType.parse("teams") }
        #expect(
            error
                == .invalid(
                    field: "type",
                    reason:
                        "unknown integration type \"teams\"; use slack, pagerduty, webhook, sentry, datadog or custom"
                ))
        #expect(try IntegrationType.parse(" PagerDuty ") == .pagerduty)
    }

    @Test func healthSortsWorstFirstAndDisabledLast() {
        func row(_ name: String, _ health: HealthStatus, enabled: Bool = true) -> IntegrationHealth
        {
            IntegrationHealth(
                id: IntegrationID(UUID()), type: .custom, name: name, enabled: enabled,
                health: health,
                healthMessage: nil, lastHealthCheckAt: nil, lastSyncAt: nil, eventsSent: 10,
                errors: 1,
                lastErrorMessage: nil, lastErrorAt: nil, hasCredentials: false,
                version: RowVersion("v"))
        }
        let rows = [
            row("b healthy", .healthy), row("off", .unhealthy, enabled: false),
            row("unknown", .unknown),
            row("a healthy", .healthy), row("bad", .unhealthy), row("slow", .degraded),
        ]
        #expect(
            rows.sorted(by: IntegrationHealth.worstFirst).map(\.name) == [
                "bad", "slow", "unknown", "a healthy", "b healthy", "off",
            ])
        #expect(rows[0].errorRatePercent == 10)
    }
}
