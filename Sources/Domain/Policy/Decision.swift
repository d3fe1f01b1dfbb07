/// The policy's answer: allowed, or denied with the reason (`Denial`, worded in one place).
public enum Decision: Sendable, Equatable {
    case allowed
    case denied(Denial)

    public var isAllowed: Bool {
        switch self {
        case .allowed: return true
        case .denied: return false
        }
    }

    /// Why not, or nil when allowed.
    public var denial: Denial? {
        switch self {
        case .allowed: return nil
        case .denied(let denial): return denial
        }
    }

    /// The reason in words, or nil when allowed; what the UI flashes on a dimmed action.
    public var reason: String? { denial?.text }

    /// Throws `forbidden` when denied, so store operations read `try decision.enforce()`.
    public func enforce() throws(DomainError) {
        if case .denied(let denial) = self { throw .forbidden(reason: denial.text) }
    }
}
