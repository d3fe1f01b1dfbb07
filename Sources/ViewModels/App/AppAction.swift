import Domain
import Foundation

/// Everything that can happen to the console: a user's intent or an effect's result.
public enum AppAction: Sendable, Equatable {
    // Navigation
    case tabSelected(Tab)
    case nextTab
    case previousTab
    case moved(Int)
    case movedToTop
    case movedToBottom
    case refreshRequested
    case escapePressed
    case helpToggled
    case quitRequested

    // Team
    case teamCommand(TeamCommand)
    case sortRequested(MemberQuery.SortColumn)
    case statusFilterCycled
    case roleFilterCycled
    case searchStarted
    case searchEdited(String)
    /// The search typed for `generation` has not changed for a moment: run it now.
    case searchSettled(generation: Int)
    case searchFinished

    // Command line (`:`)
    case commandLineOpened
    case commandLineEdited(String)
    case commandLineSubmitted

    // Dialogs and forms
    case dialogInput(DialogInput)

    // Results
    case membersLoaded(generation: Int, direction: PageDirection, Result<MemberPage, DomainError>)
    case countsLoaded(Result<MemberCounts, DomainError>)
    case invitationCreated(Result<InvitationReceipt, DomainError>)
    case mutationFinished(success: String, Result<Empty, DomainError>)
    case billingLoaded(Result<BillingOverview, DomainError>)
    case integrationsLoaded(Result<[IntegrationHealth], DomainError>)
    case integrationDetailLoaded(Result<IntegrationDetail, DomainError>)
    case auditLoaded(append: Bool, Result<AuditPage, DomainError>)
    case openSelected
    case workspaceSwitched(Result<Session, DomainError>)

    // Billing, integrations and the workspace switcher, each routed to its own update
    case billing(BillingAction)
    case integration(IntegrationAction)
    case workspace(WorkspaceAction)
    case keys(KeysAction)
    case connectionChanged(ConnectionState)
    /// Something changed elsewhere (another console, the command line, the platform):
    /// reload what is on screen, quietly, keeping the selection.
    case settingsChanged(Set<LiveView>)
    /// The poll interval passed: reload what is on screen, as a fallback for lost notices.
    case pollDue
    case liveUpdatesChanged(LiveUpdates)
    case ticked(Date)
}

/// A success with nothing to report (`Result<Void, _>` is not Equatable).
public struct Empty: Sendable, Equatable {
    public init() {}
}
