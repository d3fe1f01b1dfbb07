import Domain
import Foundation

/// Everything that can happen to the console: a user's intent or an effect's result.
///
/// What belongs to one feature (its keys, its loads, the store's answers) is that feature's
/// own action, routed to the feature's `update`; only navigation and what every view shares
/// are here.
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
    /// Help scrolled to this line (j/k, pages); the key loop clamps it to what the screen
    /// holds.
    case helpScrolled(to: Int)
    case quitRequested

    // Command line (`:`)
    case commandLineOpened
    case commandLineEdited(String)
    case commandLineSubmitted

    // Dialogs and forms
    case dialogInput(DialogInput)

    // Features, each routed to its own update
    case team(TeamAction)
    case billing(BillingAction)
    case integration(IntegrationAction)
    case audit(AuditAction)
    case workspace(WorkspaceAction)
    case keys(KeysAction)

    // What every view shares
    case connectionChanged(ConnectionState)
    /// The oldest request in flight was sent at `since` (nil: none is in flight).
    case requestsWaiting(since: Date?)
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
