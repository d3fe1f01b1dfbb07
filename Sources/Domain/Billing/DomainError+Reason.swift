extension DomainError {
    /// The error's reason as a sentence of its own ("The workspace is already on the starter
    /// plan"), for a `Decision` that explains a dimmed action with the words the store's
    /// error would use. (Belongs in Errors/; kept here until that file's owner moves it.)
    var reason: String {
        let bare: String
        switch self {
        case .forbidden(let reason), .conflict(let reason), .limitReached(let reason),
            .unavailable(let reason), .locked(let reason), .invalid(_, let reason),
            .keyNotVouched(let reason):
            bare = reason
        case .notFound(let what): bare = what
        case .invalidCredentials, .unknownKey: bare = userMessage
        }
        return bare.prefix(1).uppercased() + bare.dropFirst()
    }
}
