import Domain
import Foundation
import ViewModels

/// States for the per-role snapshots beyond `ScreenFixtures`' loaded tabs: the audit log, an
/// open integration, dialogs reached by the same actions a user's keys send, and hostile or
/// wide text from the database.
extension ScreenFixtures {
    static func audit(
        _ n: Int, _ actor: String, _ action: String, minutesAgo: Double, before: JSONValue,
        after: JSONValue
    )
        -> AuditEntry
    {
        AuditEntry(
            id: id(60 + n), createdAt: now.addingTimeInterval(-minutesAgo * 60), actorEmail: actor,
            actorName: nil,
            action: action, resourceType: "team_member", resourceID: id(n), before: before,
            after: after,
            method: "demo", cursorTime: "2026-11-23 12:00:00+00")
    }

    static let auditEntries: [AuditEntry] = [
        audit(
            1, "admin@example.com", "team.change_role", minutesAgo: 4,
            before: .object(["role": .string("viewer")]),
            after: .object(["role": .string("member")])),
        audit(
            2, "demo@example.com", "billing.change_plan", minutesAgo: 90,
            before: .object(["plan": .string("starter")]),
            after: .object(["plan": .string("professional")])),
        audit(
            3, "admin@example.com", "team.invite", minutesAgo: 60 * 26,
            before: .emptyObject,
            after: .object(["email": .string("pending@example.com"), "role": .string("member")])),
        audit(
            4, "demo@example.com", "integrations.disable", minutesAgo: 60 * 24 * 7,
            before: .object(["enabled": .string("true"), "name": .string("Error Tracking")]),
            after: .object(["enabled": .string("false"), "name": .string("Error Tracking")])),
    ]

    /// `item` in full, with sealed credentials stored (shown only as "configured").
    static func detail(_ item: IntegrationHealth) -> IntegrationDetail {
        let summary = IntegrationHealth(
            id: item.id, type: item.type, name: item.name, enabled: item.enabled,
            health: item.health,
            healthMessage: item.healthMessage, lastHealthCheckAt: item.lastHealthCheckAt,
            lastSyncAt: item.lastSyncAt,
            eventsSent: item.eventsSent, errors: item.errors,
            lastErrorMessage: item.lastErrorMessage,
            lastErrorAt: item.lastErrorAt, hasCredentials: true, version: item.version)
        return IntegrationDetail(
            summary: summary,
            config: .object([
                "url": .string("https://analytics.acme-corp.com/webhooks/agent-events"),
                "method": .string("POST"),
                "auth_type": .string("bearer"), "timeout_ms": .number(5000),
                "api_key": .string("configured"),
            ]),
            eventFilters: .object([
                "alert_types": .array([.string("all")]), "include_trace_data": .bool(true),
            ]),
            rateLimitPerMinute: 100, retryConfig: IntegrationDraft.defaultRetryConfig,
            encryptionKeyID: "a1b2c3d4",
            createdAt: now.addingTimeInterval(-30 * 86_400),
            updatedAt: now.addingTimeInterval(-3_600),
            createdBy: "demo@example.com", updatedBy: "admin@example.com")
    }

    /// The state for `role` on `view`, with the audit log loaded where the role may read it.
    static func viewState(_ role: Role, _ view: SnapshotView, readOnly: Bool = false) -> AppState {
        var state = self.state(role, readOnly: readOnly)
        state.credentialsKeyProblem = nil
        switch view {
        case .team:
            break
        case .billing:
            state.tab = .billing
        case .integrations:
            state.tab = .integrations
        case .integrationDetail:
            state.tab = .integrations
            state.integrations.detail = detail(integrations[0])
        case .audit:
            _ = state.update(
                .audit(
                    .loaded(append: false, .success(AuditPage(entries: auditEntries, next: nil)))),
                now: now)
            state.tab = .audit
        }
        state.flash = nil
        return state
    }

    /// Sends `actions` as the key router would and clears the flash they leave.
    static func after(_ actions: [AppAction], from start: AppState) -> AppState {
        var state = start
        for action in actions { _ = state.update(action, now: now) }
        return state
    }

    static func typing(_ text: String) -> [AppAction] {
        text.map { .dialogInput(.typed($0)) }
    }
}

/// The views each role is snapshotted on.
enum SnapshotView: String, CaseIterable, Sendable {
    case team, billing, integrations
    case integrationDetail = "integration-detail"
    case audit
}

/// The two sizes issue 4 asks every view and dialog at.
struct SnapshotSize: Sendable, CustomStringConvertible {
    let width: Int
    let height: Int

    static let small = SnapshotSize(width: 80, height: 24)
    static let large = SnapshotSize(width: 120, height: 40)
    static let both = [small, large]

    var description: String { "\(width)x\(height)" }
}
