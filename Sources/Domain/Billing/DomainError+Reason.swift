extension DomainError {
    /// The error's reason as a sentence of its own ("The workspace is already on the starter
    /// plan"), for a `Decision` that explains a dimmed action with the words the store's
    /// error would use. (Belongs in Errors/; kept here until that file's owner moves it.)
    var reason: String { bareReason.prefix(1).uppercased() + bareReason.dropFirst() }

    /// The reason as the error carries it, to follow "Invalid url: " and the like.
    var bareReason: String {
        switch self {
        case .forbidden(let reason), .conflict(let reason), .limitReached(let reason),
            .unavailable(let reason), .locked(let reason), .invalid(_, let reason),
            .keyNotVouched(let reason):
            return reason
        case .notFound(let what): return what
        case .invalidCredentials, .unknownKey: return userMessage
        }
    }
}
