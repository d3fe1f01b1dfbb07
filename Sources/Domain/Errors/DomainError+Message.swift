extension DomainError: CustomStringConvertible {
    /// The single place where failures become the words users read.
    public var userMessage: String {
        switch self {
        case .forbidden(let reason): return "Not allowed: \(reason)"
        case .notFound(let what): return "Not found: \(what)"
        case .conflict(let reason): return "Conflict: \(reason)"
        case .limitReached(let reason): return "Plan limit reached: \(reason)"
        case .invalid(let field, let reason): return "Invalid \(field): \(reason)"
        case .unavailable(let reason): return "Database unavailable: \(reason)"
        case .invalidCredentials: return "Invalid credentials"
        case .locked(let reason): return "Account locked: \(reason)"
        case .unknownKey(let fingerprint):
            return "This SSH key is not registered with any active member (\(fingerprint)); "
                + "ask an owner or admin to add it with `settings-console keys add`"
        case .keyNotVouched(let reason): return "SSH key refused: \(reason)"
        }
    }

    public var description: String { userMessage }
}
