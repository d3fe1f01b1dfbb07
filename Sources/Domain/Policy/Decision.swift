/// The policy's answer: allowed, or denied with a reason a person can read.
public enum Decision: Sendable, Equatable {
    case allowed
    case denied(String)

    public var isAllowed: Bool {
        switch self {
        case .allowed: return true
        case .denied: return false
        }
    }

    /// The reason, or nil when allowed; what the UI flashes on a dimmed action.
    public var reason: String? {
        switch self {
        case .allowed: return nil
        case .denied(let reason): return reason
        }
    }

    /// Throws `forbidden` when denied, so store operations read `try decision.enforce()`.
    public func enforce() throws(DomainError) {
        if case .denied(let reason) = self { throw .forbidden(reason: reason) }
    }
}
