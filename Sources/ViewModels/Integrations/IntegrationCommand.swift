import Domain

/// What owners and admins can do to integrations, from the list or the detail view.
/// `availability` answers with the policy's own reason, so a dimmed key can explain itself.
public enum IntegrationCommand: String, Sendable, CaseIterable, Equatable {
    case add, edit, toggle, test, remove

    public var title: String {
        switch self {
        case .add: return "Add integration"
        case .edit: return "Edit"
        case .toggle: return "Enable / disable"
        case .test: return "Send a test event"
        case .remove: return "Remove"
        }
    }

    /// Allowed, or denied with the reason the UI flashes.
    public func availability(in state: IntegrationsState, policy: Policy) -> Decision {
        if case .denied(let reason) = policy.can(.manageIntegrations) { return .denied(reason) }
        if self == .add {
            return state.usage.map { policy.addIntegration(usage: $0) } ?? .allowed
        }
        guard let target = state.target else { return .denied(.noIntegrationSelected) }
        switch self {
        case .add: return .allowed
        case .toggle: return policy.setEnabled(target, to: !target.enabled)
        case .edit, .test, .remove: return policy.manageIntegration(target)
        }
    }
}

/// What happens on the Integrations tab beyond loading: a command, or the store's answer.
public enum IntegrationAction: Sendable, Equatable {
    case command(IntegrationCommand)
    /// Enter on the list: open the selected integration's details.
    case openSelected
    case listLoaded(Result<[IntegrationHealth], DomainError>)
    case detailLoaded(Result<IntegrationDetail, DomainError>)
    case usageLoaded(Result<UsageMeter, DomainError>)
    /// The full integration arrived for the edit form opened from the list.
    case editLoaded(Result<IntegrationDetail, DomainError>)
    case saved(added: Bool, Result<IntegrationDetail, DomainError>)
    case toggled(Result<IntegrationHealth, DomainError>)
    case checked(name: String, Result<IntegrationCheck, DomainError>)
    case removed(name: String, Result<Empty, DomainError>)
    case historyLoaded(Result<IntegrationHistory, DomainError>)
    case managersLoaded(Result<[String], DomainError>)
    case breakersLoaded(Result<[IntegrationID: Breaker], DomainError>)
}

/// Integration reads and writes; writes carry the row version the user was looking at.
public enum IntegrationEffect: Sendable, Equatable {
    case loadList
    case loadDetail(IntegrationID)
    case loadUsage
    case loadForEdit(IntegrationID)
    case add(IntegrationDraft)
    case edit(IntegrationID, IntegrationDraft, expected: RowVersion)
    case setEnabled(IntegrationID, Bool, expected: RowVersion)
    case test(IntegrationID, name: String)
    case remove(IntegrationID, name: String, expected: RowVersion)
    case loadHistory(IntegrationID)
    case loadManagers
    case loadBreakers
}
