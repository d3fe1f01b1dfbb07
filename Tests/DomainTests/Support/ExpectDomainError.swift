import Domain
import Testing

/// The `DomainError` a call threw; records an issue (and returns nil) when it succeeded.
func domainError<T>(
    _ body: () async throws(DomainError) -> T, sourceLocation: SourceLocation = #_sourceLocation
) async -> DomainError? {
    do {
        _ = try await body()
        Issue.record("expected a DomainError, the call succeeded", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

extension DomainError {
    /// The forbidden reason, nil for any other error.
    var forbiddenReason: String? {
        if case .forbidden(let reason) = self { return reason }
        return nil
    }

    var isLimitReached: Bool {
        if case .limitReached = self { return true }
        return false
    }

    var isNotFound: Bool {
        if case .notFound = self { return true }
        return false
    }

    var isConflict: Bool {
        if case .conflict = self { return true }
        return false
    }

    var invalidField: String? {
        if case .invalid(let field, _) = self { return field }
        return nil
    }
}
