/// Every reason, other than a policy `Denial`, that the store gives for refusing or failing:
/// one case each, carrying only the values its words need. The words, the kind of
/// `DomainError` and the field named are in `Problem+Wording.swift`, the one place they are
/// written, so the same problem reads the same wherever it is raised.
public enum Problem: Sendable, Equatable {
    // Input: lists and searches
    case pageLimitOutOfRange
    case searchTooLong
    case controlCharacters(field: String)

    // Input: people, invitations and keys
    case nameTooLong(maximum: Int)
    case passwordTooShort
    case passwordTooLong
    case invitationNotValid
    case invitationExpired
    case invitationNeedsLogin(email: String)
    case invitationNotYetAccepted(email: String)
    case fingerprintForm
    case unknownRole(String)
    case unknownStatus(String)
    case emailEmpty
    case emailTooLong
    case emailNotASCII
    case emailShape
    case emailLocalPartLength
    case emailLocalPartCharacter
    case emailLocalPartDots
    case emailDomain

    // Input: integrations
    case unknownIntegrationType(String)
    case integrationNameEmpty
    case integrationTypeCannotChange(IntegrationType)
    case credentialsEmpty
    case credentialsTooLong
    case sameKeyID(String)
    case configLooksSecret(path: String)
    case urlCarriesSecret
    case rateLimitOutOfRange
    case notJSON(field: String)
    case notJSONObject(field: String)
    case jsonTooLarge(field: String)
    case notText(field: String)
    case webhookNeedsURL
    case notAURL(field: String)
    case urlNeedsHTTPS(field: String)
    case urlNotHTTPS(field: String)
    case retriesOutOfRange
    case unknownBackoff

    // Input: billing and audit
    case unknownPlan(String)
    case alreadyOnPlan(Plan)
    case auditCursor
    case databaseRejectedValue

    // Conflicts
    case memberChanged(name: String)
    case integrationChanged(name: String)
    case billingChanged
    case alreadyInvited(EmailAddress)
    case alreadyMember(EmailAddress)
    case keyRegisteredTo(email: String)
    case keyRegisteredToSomeoneElse
    case integrationNameAmbiguous(count: Int, name: String)
    case integrationExists(IntegrationType, name: String)
    case credentialNotResealed(name: String, CredentialError)
    case subscriptionAlreadyCanceled
    case cancellationAlreadyScheduled(for: CalendarDay?)
    case subscriptionEnded
    case noCancellationScheduled
    case subscriptionCanceled
    case subscriptionSuspended
    case alreadyExists
    case concurrentChange
    case breaksDataRule(sqlState: String)

    // Plan limits
    case seatsUsed(limit: Int)
    case integrationsUsed(limit: Int)
    case planOverruns([String])
    case seatLimit
    case integrationLimit
    case apiKeyLimit

    // Refusals the policy does not make (who the caller is, not what their role allows)
    case wrongAccount(email: String)
    case noLongerMember
    case keyOwnerElsewhere(email: String)
    case databaseRefusedRole

    // Logins
    case tooManyAttempts
    case keyNotVouched(reason: String?)

    // The database
    case invitationNotSaved
    case integrationNotSaved
    case keyNotStored
    case attemptNotRecorded
    case storedRoleUnknown
    case unexpectedFailure
    case cannotConnect(detail: String)
    case connectionLost
    /// The connection broke after the change was sent for commit and before the answer: it
    /// may or may not be saved, and it is never sent again blindly.
    case changeUnconfirmed
    case statementTimeout
    case lockTimeout
    case unexpectedDatabaseError(sqlState: String)
}

extension DomainError {
    /// The error that says `problem`, worded in `Problem+Wording.swift`.
    public init(_ problem: Problem) { self = problem.error }
}
