/// Work the runtime must do for the state: every database call is one of these values, run
/// off the key loop, and its result comes back as an `AppAction` of the same feature.
public enum Effect: Sendable, Equatable {
    case team(TeamEffect)
    case billing(BillingEffect)
    case integration(IntegrationEffect)
    case audit(AuditEffect)
    case workspace(WorkspaceEffect)
    case keys(KeysEffect)
}
