/// The words of every `Problem`, and which kind of `DomainError` (and which field) it is.
/// `DomainError.userMessage` adds the kind's prefix ("Invalid email: ", "Conflict: ").
extension Problem {
    public var error: DomainError {
        switch self {
        // Input: lists and searches
        case .pageLimitOutOfRange:
            return .invalid(field: "limit", reason: "must be between 1 and 1000")
        case .searchTooLong:
            return .invalid(field: "search", reason: "must be at most 200 characters")
        case .controlCharacters(let field):
            return .invalid(field: field, reason: "must not contain control characters")

        // Input: people, invitations and keys
        case .nameTooLong(let maximum):
            return .invalid(field: "name", reason: "must be at most \(maximum) characters")
        case .passwordTooShort:
            return .invalid(field: "password", reason: "must have at least 8 characters")
        case .passwordTooLong:
            return .invalid(
                field: "password", reason: "must be at most 1024 bytes, without NUL characters")
        case .invitationNotValid:
            // Deliberately one text, so a guessed token learns nothing about which it was.
            return .invalid(
                field: "token",
                reason:
                    "this invitation is not valid: it was already used, revoked, or replaced by a newer one"
            )
        case .invitationExpired:
            return .invalid(
                field: "token", reason: "this invitation has expired; ask for a new one")
        case .invitationNeedsLogin(let email):
            return .invalid(
                field: "login",
                reason:
                    "this invitation is for \(email), which already has an account: log in as "
                    + "\(email) (--user \(email) --password-stdin, or over SSH with your key) to accept it"
            )
        case .invitationNotYetAccepted(let email):
            return .invalid(
                field: "email",
                reason: "\(email) has not accepted the invitation yet; keys belong to users")
        case .fingerprintForm:
            return .invalid(
                field: "fingerprint",
                reason: "use the SHA256:... form that `ssh-keygen -lf` and `keys list` print")
        case .unknownRole(let text):
            return .invalid(
                field: "role",
                reason:
                    "unknown role \"\(Sanitized.short(text))\"; use owner, admin, member or viewer")
        case .unknownStatus(let text):
            return .invalid(
                field: "status",
                reason:
                    "unknown status \"\(Sanitized.short(text))\"; use pending, active or inactive")
        case .emailEmpty: return .invalid(field: "email", reason: "enter an email address")
        case .emailTooLong:
            return .invalid(
                field: "email", reason: "must be at most \(EmailAddress.maximumLength) characters")
        case .emailNotASCII:
            return .invalid(
                field: "email",
                reason:
                    "use only ASCII letters, digits and . - + _ (no accented or look-alike characters)"
            )
        case .emailShape: return .invalid(field: "email", reason: "must look like name@example.com")
        case .emailLocalPartLength:
            return .invalid(field: "email", reason: "the part before @ must be 1 to 64 characters")
        case .emailLocalPartCharacter:
            return .invalid(
                field: "email", reason: "the part before @ has a character that is not allowed")
        case .emailLocalPartDots:
            return .invalid(
                field: "email", reason: "dots cannot start, end or repeat in the part before @")
        case .emailDomain:
            return .invalid(field: "email", reason: "the domain after @ is not valid")

        // Input: integrations
        case .unknownIntegrationType(let text):
            return .invalid(
                field: "type",
                reason:
                    "unknown integration type \"\(Sanitized.short(text))\"; use slack, pagerduty, webhook, sentry, datadog or custom"
            )
        case .integrationNameEmpty: return .invalid(field: "name", reason: "enter a name")
        case .integrationTypeCannotChange(let type):
            return .invalid(
                field: "type",
                reason:
                    "an integration's type cannot change; add a new \(type.rawValue) integration instead"
            )
        case .credentialsEmpty: return .invalid(field: "credentials", reason: "must not be empty")
        case .credentialsTooLong:
            return .invalid(
                field: "credentials",
                reason: "must be at most \(CredentialSealer.maximumSecretBytes) bytes")
        case .sameKeyID(let keyID):
            return .invalid(
                field: "key", reason: "the new key has the same id (\(keyID)) as the old one")
        case .configLooksSecret(let path):
            return .invalid(
                field: "config",
                reason:
                    "\"\(Sanitized.short(path))\" looks like a secret; pass it as credentials so it is encrypted"
            )
        case .urlCarriesSecret:
            // The database's url_secret refusal is worded the same.
            return .invalid(
                field: "url",
                reason:
                    "carries a secret (a password in the address, or a sig/token/key/secret/password "
                    + "parameter); every member can read the settings, so pass it as credentials "
                    + "(--credentials-env), which are encrypted")
        case .rateLimitOutOfRange:
            let upper = IntegrationValidation.rateLimitRange.upperBound
            return .invalid(
                field: "rate limit",
                reason:
                    "must be a whole number of events per minute from 1 to \(Count.grouped(upper)), or none"
            )
        case .notJSON(let field): return .invalid(field: field, reason: "is not valid JSON")
        case .notJSONObject(let field):
            return .invalid(field: field, reason: "must be a JSON object ({...})")
        case .jsonTooLarge(let field):
            return .invalid(
                field: field,
                reason: "must be at most \(IntegrationValidation.maximumJSONBytes / 1024) KiB")
        case .notText(let field): return .invalid(field: field, reason: "must be text")
        case .webhookNeedsURL:
            return .invalid(field: "url", reason: "a webhook needs a \"url\" (https://...)")
        case .notAURL(let field): return .invalid(field: field, reason: "is not a valid URL")
        case .urlNeedsHTTPS(let field):
            return .invalid(
                field: field, reason: "must use https (plain http is only allowed to localhost)")
        case .urlNotHTTPS(let field):
            return .invalid(field: field, reason: "must be an https:// address")
        case .retriesOutOfRange:
            return .invalid(
                field: "retry config",
                reason:
                    "max_retries must be a whole number from 0 to \(IntegrationValidation.maximumRetries.upperBound)"
            )
        case .unknownBackoff:
            return .invalid(
                field: "retry config", reason: "backoff must be exponential, linear or fixed")

        // Input: billing and audit
        case .unknownPlan(let text):
            return .invalid(
                field: "plan",
                reason:
                    "unknown plan \"\(Sanitized.short(text))\"; use free, starter, professional or enterprise"
            )
        case .alreadyOnPlan(let plan):
            return .invalid(
                field: "plan", reason: "the workspace is already on the \(plan.rawValue) plan")
        case .auditCursor:
            return .invalid(field: "cursor", reason: "is not a cursor this program printed")
        case .databaseRejectedValue:
            return .invalid(field: "input", reason: "the database rejected a value")

        // Conflicts
        case .memberChanged(let name):
            return .conflict(reason: "\(name) was changed by someone else; refresh and try again")
        case .integrationChanged(let name):
            return .conflict(
                reason:
                    "\(Sanitized.short(name)) was changed by someone else; refresh and try again")
        case .billingChanged:
            return .conflict(reason: "billing was changed by someone else; refresh and try again")
        case .alreadyInvited(let address):
            return .conflict(reason: "\(address) is already invited; resend the invitation instead")
        case .alreadyMember(let address):
            return .conflict(reason: "\(address) is already a member of this workspace")
        case .keyRegisteredTo(let email):
            return .conflict(reason: "this key is already registered to \(email)")
        case .keyRegisteredToSomeoneElse:
            return .conflict(reason: "this key is already registered to another user")
        case .integrationNameAmbiguous(let count, let name):
            return .conflict(
                reason:
                    "\(count) integrations are named \"\(Sanitized.short(name))\"; give the type too"
            )
        case .integrationExists(let type, let name):
            return .conflict(
                reason:
                    "a \(type.title) integration named \"\(Sanitized.short(name))\" already exists")
        case .credentialNotResealed(let name, let error):
            return .conflict(
                reason: "\(Sanitized.short(name)): \(error.description); nothing was changed")
        case .subscriptionAlreadyCanceled:
            return .conflict(reason: "the subscription is already canceled")
        case .cancellationAlreadyScheduled(let date):
            let when = date.map { " for \($0)" } ?? ""
            return .conflict(reason: "cancellation is already scheduled\(when)")
        case .subscriptionEnded:
            return .conflict(
                reason: "the subscription has ended; contact billing support to start a new one")
        case .noCancellationScheduled: return .conflict(reason: "no cancellation is scheduled")
        case .subscriptionCanceled:
            return .conflict(
                reason: "the subscription is canceled; contact billing support to start a new one")
        case .subscriptionSuspended:
            return .conflict(
                reason:
                    "the subscription is suspended; settle the open invoice before changing the plan"
            )
        case .alreadyExists: return .conflict(reason: "that already exists")
        case .concurrentChange:
            return .conflict(reason: "another change happened at the same time; try again")
        case .breaksDataRule(let sqlState):
            return .conflict(reason: "the change breaks a rule of the data (\(sqlState))")

        // Plan limits
        case .seatsUsed(let limit):
            return .limitReached(
                reason:
                    "all \(limit) seats of the plan are used (active members and pending invitations); upgrade the plan or remove someone"
            )
        case .integrationsUsed(let limit):
            return .limitReached(
                reason:
                    "the plan allows \(Count.noun(limit, "integration", "integrations")), all in use; remove one or upgrade the plan"
            )
        case .planOverruns(let messages):
            return .limitReached(
                reason: messages.joined(separator: "; ")
                    + "; reduce usage first or choose a larger plan")
        case .seatLimit: return .limitReached(reason: "every seat of the plan is taken")
        case .integrationLimit: return .limitReached(reason: "the plan allows no more integrations")
        case .apiKeyLimit: return .limitReached(reason: "the plan allows no more API keys")

        // Refusals the policy does not make
        case .wrongAccount(let email):
            return .forbidden(
                reason: "this invitation is for \(email); only that account can accept it")
        case .noLongerMember:
            return .forbidden(reason: "You are no longer an active member of this workspace")
        case .keyOwnerElsewhere(let email):
            return .forbidden(
                reason:
                    "\(email) also belongs to another workspace where you cannot manage "
                    + "them, and a key opens every workspace of its user")
        case .databaseRefusedRole:
            return .forbidden(reason: "the database refused this for your role")

        // Logins
        case .tooManyAttempts:
            return .locked(reason: "too many failed attempts; try again in 15 minutes")
        case .keyNotVouched(let reason):
            return .keyNotVouched(reason: reason ?? "log in with your own key")

        // The database
        case .invitationNotSaved: return .unavailable(reason: "the invitation was not saved")
        case .integrationNotSaved: return .unavailable(reason: "the integration was not saved")
        case .keyNotStored: return .unavailable(reason: "the key was not stored")
        case .attemptNotRecorded: return .unavailable(reason: "the attempt was not recorded")
        case .storedRoleUnknown: return .unavailable(reason: "unknown role")
        case .unexpectedFailure: return .unavailable(reason: "unexpected failure")
        case .cannotConnect(let detail):
            return .unavailable(reason: "could not connect to PostgreSQL: \(detail)")
        case .connectionLost:
            return .unavailable(reason: "the connection to PostgreSQL was lost; try again")
        case .changeUnconfirmed:
            return .unavailable(
                reason:
                    "the change could not be confirmed: it may or may not be saved, and it was not sent again (the connection to PostgreSQL was lost after it was sent); check what the database holds before trying again"
            )
        case .statementTimeout:
            return .unavailable(
                reason:
                    "the database took too long to answer and the statement was cancelled; nothing was changed, try again"
            )
        case .lockTimeout:
            return .unavailable(
                reason:
                    "another change held the data too long (lock timeout); nothing was changed, try again"
            )
        case .unexpectedDatabaseError(let sqlState):
            return .unavailable(reason: "unexpected database error \(sqlState)")
        }
    }
}
