import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// `settings-console health` as a monitor runs it: JSON, and an exit code per verdict; and
/// `health --watch --once`, the checker, recording a real delivery.
@Suite struct HealthCommandEndToEndTests {
    let database: TestDatabase

    init() async throws {
        database = try await TestDatabase.make(.seeded)
    }

    var conninfo: String { "\(database.adminConninfo) dbname=\(database.name)" }

    func health(
        _ arguments: [String], as email: String = "viewer@example.com",
        environment extra: [String: String] = [:]
    ) throws -> ProcessRun {
        try run(["health"] + arguments, as: email, environment: extra)
    }

    func run(
        _ arguments: [String], as email: String = "viewer@example.com",
        environment extra: [String: String] = [:]
    ) throws -> ProcessRun {
        var environment = ProcessInfo.processInfo.environment
        environment.merge(extra) { $1 }
        environment["XDG_STATE_HOME"] = NSTemporaryDirectory()
        return try ProcessRun.run(
            [Binary.path] + arguments + [
                "--database", conninfo, "--user", email, "--password-stdin",
            ], input: "demo-pass\n", environment: environment)
    }

    struct Report: Decodable {
        let status: String
        let integrations: [Entry]
        struct Entry: Decodable {
            let name: String
            let health: String
            let enabled: Bool
            let lastError: String?
        }
    }

    @Test func exitCodesFollowTheWorstEnabledIntegration() async throws {
        // The seed: one degraded webhook, two healthy, one disabled.
        let warning = try health(["--json"])
        #expect(warning.status == 10, "\(warning.stderr)")
        let report = try JSONDecoder().decode(Report.self, from: Data(warning.stdout.utf8))
        #expect(report.status == "warning")
        #expect(report.integrations.first?.health == "degraded")
        #expect(report.integrations.first?.lastError == "Request timeout after 5000ms")
        #expect(report.integrations.last?.health == "disabled")

        let admin = database.adminClient()
        try await admin.query(
            "UPDATE integrations_config SET health_status = 'unhealthy' WHERE integration_type = 'webhook'"
        )
        let critical = try health([])
        #expect(critical.status == 11)
        #expect(critical.stdout.contains("overall: critical"))

        try await admin.query(
            "UPDATE integrations_config SET health_status = 'healthy' WHERE is_enabled")
        #expect(try health(["--json"]).status == 0)
        await admin.close()
    }

    @Test func theCheckerTestsWhatIsDueAndRecordsIt() async throws {
        let server = try LoopbackHTTPServer()
        let key = CredentialSealer.generateKey()
        let admin = database.adminClient()
        try await admin.query("UPDATE integrations_config SET is_enabled = false")
        try await admin.query("UPDATE billing_config SET custom_integrations_limit = NULL")
        await admin.close()
        let client = database.appClient()
        let store = SettingsStore(
            client: client,
            session: try await Authenticator(client: client).login(
                email: "admin@example.com", password: "demo-pass"))
        let added = try await store.addIntegration(
            IntegrationDraft(
                type: .webhook, name: "Checked hook",
                config: .object(["url": .string(server.url("/ok"))]),
                credentials: .replace(Secret("checker-secret-1"))),
            sealer: try CredentialSealer(base64Key: key))
        let checked = try health(
            ["--watch", "--once"], as: "admin@example.com",
            environment: ["INTEGRATION_CREDENTIALS_KEY": key])
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stdout.contains("Checked hook: delivered (HTTP 200)"))
        #expect(
            try server.received().map { $0.headers["authorization"] } == ["Bearer checker-secret-1"]
        )
        let history = try await store.integrationHistory(added.id)
        #expect(history.attempts.map(\.source) == [.checker])
        // Just tested: not due again in this round's interval.
        let again = try health(
            ["--watch", "--once"], as: "admin@example.com",
            environment: ["INTEGRATION_CREDENTIALS_KEY": key])
        #expect(again.status == 0)
        #expect(try server.received().count == 1)
        #expect(try health([]).status == 0)
        // A viewer cannot run the checker, and is told who can.
        let refused = try health(["--watch", "--once"])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("ask Demo Owner, Admin User"), "\(refused.stderr)")
        // `integrations test` prints the attempt for scripts, and exits 5 when not delivered.
        let tested = try run(
            ["integrations", "test", "Checked hook", "--json"], as: "admin@example.com",
            environment: ["INTEGRATION_CREDENTIALS_KEY": key])
        #expect(tested.status == 0, "\(tested.stderr)")
        #expect(tested.stdout.contains("\"delivered\":true"))
        #expect(tested.stdout.contains("\"httpStatus\":200"))
        let shown = try run(["integrations", "show", "Checked hook"])
        #expect(shown.stdout.contains("Health        healthy since"), "\(shown.stdout)")
        #expect(shown.stdout.contains("checker") && shown.stdout.contains("delivered (HTTP 200)"))
        #expect(shown.stdout.contains("manual"))
    }
}
