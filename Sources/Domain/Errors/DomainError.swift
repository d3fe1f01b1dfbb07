/// Every way a settings operation can fail, typed so callers branch without parsing text.
///
/// The wording users see lives in one place, `userMessage`; reasons here are already written
/// for people ("Only owners can change the plan"), never raw SQL errors.
public enum DomainError: Error, Sendable, Equatable {
    /// The policy or row-level security refused; `reason` says why.
    case forbidden(reason: String)
    /// The thing named does not exist (or is not visible to this user).
    case notFound(what: String)
    /// The row changed since it was read, or the request clashes with current state.
    case conflict(reason: String)
    /// A plan limit would be exceeded.
    case limitReached(reason: String)
    /// Input failed validation; `field` names the input.
    case invalid(field: String, reason: String)
    /// The database could not be reached or failed unexpectedly.
    case unavailable(reason: String)
    /// Email/password (or key) did not identify an active member. Deliberately vague.
    case invalidCredentials
    /// Too many failed logins for this account; try again later.
    case locked(reason: String)
    /// The SSH key that opened the session belongs to no active member. Unlike a wrong
    /// password it is worth saying plainly: the key holder already proved they hold it, and
    /// the fingerprint is what an admin needs to register it.
    case unknownKey(fingerprint: String)
    /// The SSH key belongs to the user but was added by someone who today lacks the authority
    /// to vouch for this user's role here; `reason` names them and says what to do.
    case keyNotVouched(reason: String)
}
