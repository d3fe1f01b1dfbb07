import Domain
import Foundation

/// Everything the console shows, as one value: the screens render it, `update` changes it.
public struct AppState: Sendable, Equatable {
    public var session: Session
    public var tab: Tab = .team
    public var team = TeamState()
    public var billing = BillingState()
    public var integrations = IntegrationsState()
    public var audit = AuditState()
    public var dialog: Dialog?
    /// Lines of the help overlay scrolled off the top; 0 whenever help opens.
    public var helpScroll = 0
    public var flash: Flash?
    public var connection: ConnectionState = .connected
    /// When the oldest database request still unanswered was sent; nil when none is waiting.
    /// The runtime reports it (`requestsWaiting`); the status line words its age.
    public var requestsWaitingSince: Date?
    public var lastRefresh: Date?
    /// How changes made elsewhere reach this console (the status line says which).
    public var liveUpdates: LiveUpdates = .polling
    public let readOnly: Bool
    /// The `:` command being typed, nil when the command line is closed.
    public var commandLine: String?
    public var isQuitting = false
    /// Why integration credentials cannot be sealed here (no INTEGRATION_CREDENTIALS_KEY),
    /// nil when they can; the integration form refuses credential entry with this reason.
    public var credentialsKeyProblem: String?

    public init(session: Session, readOnly: Bool) {
        self.session = session
        self.readOnly = readOnly
    }

    /// Asked by the view-models only: the screens get its answers (`AppState+Availability`).
    var policy: Policy { session.policy }

    /// When the data of the tab on screen was last read, so the status line never claims a
    /// stale view is fresh.
    public var refreshedAt: Date? {
        switch tab {
        case .team: return lastRefresh
        case .audit: return audit.refreshedAt
        case .billing: return billing.refreshedAt
        case .integrations: return integrations.refreshedAt
        }
    }

    /// Effects to run when the console opens: the Team tab, and the other tabs' small
    /// payloads so switching to them is instant.
    public static func initialEffects(for state: AppState) -> [Effect] {
        var effects: [Effect] = [
            .team(.loadCounts),
            .team(
                .loadMembers(
                    generation: state.team.generation, direction: .replace,
                    query: state.team.query)),
            .integration(.loadList),
        ]
        if state.policy.can(.viewBilling).isAllowed { effects.append(.billing(.load)) }
        return effects
    }
}
