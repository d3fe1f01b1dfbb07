import Testing

@testable import Domain

/// Every problem the store reports besides a denial, with the exact message users read (kind
/// prefix, field and words): a changed word is a deliberate edit here too.
@Suite struct ProblemWordingTests {
    static let table: [(Problem, String)] = [
        // Input: lists and searches
        (.pageLimitOutOfRange, "Invalid limit: must be between 1 and 1000"),
        (.searchTooLong, "Invalid search: must be at most 200 characters"),
        (
            .controlCharacters(field: "search"),
            "Invalid search: must not contain control characters"
        ),
        // Input: people, invitations and keys
        (.nameTooLong(maximum: 256), "Invalid name: must be at most 256 characters"),
        (.passwordTooShort, "Invalid password: must have at least 8 characters"),
        (.passwordTooLong, "Invalid password: must be at most 1024 bytes, without NUL characters"),
        (
            .invitationNotValid,
            "Invalid token: this invitation is not valid: it was already used, revoked, or replaced by a newer one"
        ),
        (.invitationExpired, "Invalid token: this invitation has expired; ask for a new one"),
        (
            .invitationNeedsLogin(email: "ada@example.com"),
            "Invalid login: this invitation is for ada@example.com, which already has an account: "
                + "log in as ada@example.com (--user ada@example.com --password-stdin, or over SSH "
                + "with your key) to accept it"
        ),
        (
            .invitationNotYetAccepted(email: "ada@example.com"),
            "Invalid email: ada@example.com has not accepted the invitation yet; keys belong to users"
        ),
        (
            .fingerprintForm,
            "Invalid fingerprint: use the SHA256:... form that `ssh-keygen -lf` and `keys list` print"
        ),
        (
            .unknownRole("boss"),
            "Invalid role: unknown role \"boss\"; use owner, admin, member or viewer"
        ),
        (
            .unknownStatus("gone"),
            "Invalid status: unknown status \"gone\"; use pending, active or inactive"
        ),
        (.emailEmpty, "Invalid email: enter an email address"),
        (.emailTooLong, "Invalid email: must be at most 254 characters"),
        (
            .emailNotASCII,
            "Invalid email: use only ASCII letters, digits and . - + _ (no accented or look-alike characters)"
        ),
        (.emailShape, "Invalid email: must look like name@example.com"),
        (.emailLocalPartLength, "Invalid email: the part before @ must be 1 to 64 characters"),
        (
            .emailLocalPartCharacter,
            "Invalid email: the part before @ has a character that is not allowed"
        ),
        (
            .emailLocalPartDots,
            "Invalid email: dots cannot start, end or repeat in the part before @"
        ),
        (.emailDomain, "Invalid email: the domain after @ is not valid"),
        // Input: integrations
        (
            .unknownIntegrationType("irc"),
            "Invalid type: unknown integration type \"irc\"; use slack, pagerduty, webhook, sentry, datadog or custom"
        ),
        (.integrationNameEmpty, "Invalid name: enter a name"),
        (
            .integrationTypeCannotChange(.slack),
            "Invalid type: an integration's type cannot change; add a new slack integration instead"
        ),
        (.credentialsEmpty, "Invalid credentials: must not be empty"),
        (.credentialsTooLong, "Invalid credentials: must be at most 16384 bytes"),
        (.sameKeyID("k1"), "Invalid key: the new key has the same id (k1) as the old one"),
        (
            .configLooksSecret(path: "token"),
            "Invalid config: \"token\" looks like a secret; pass it as credentials so it is encrypted"
        ),
        (
            .urlCarriesSecret,
            "Invalid url: carries a secret (a password in the address, or a sig/token/key/secret/password "
                + "parameter); every member can read the settings, so pass it as credentials "
                + "(--credentials-env), which are encrypted"
        ),
        (
            .rateLimitOutOfRange,
            "Invalid rate limit: must be a whole number of events per minute from 1 to 1,000,000, or none"
        ),
        (.notJSON(field: "config"), "Invalid config: is not valid JSON"),
        (.notJSONObject(field: "config"), "Invalid config: must be a JSON object ({...})"),
        (.jsonTooLarge(field: "event filters"), "Invalid event filters: must be at most 64 KiB"),
        (.notText(field: "api_url"), "Invalid api_url: must be text"),
        (.webhookNeedsURL, "Invalid url: a webhook needs a \"url\" (https://...)"),
        (.notAURL(field: "url"), "Invalid url: is not a valid URL"),
        (
            .urlNeedsHTTPS(field: "api_url"),
            "Invalid api_url: must use https (plain http is only allowed to localhost)"
        ),
        (.urlNotHTTPS(field: "url"), "Invalid url: must be an https:// address"),
        (
            .retriesOutOfRange,
            "Invalid retry config: max_retries must be a whole number from 0 to 20"
        ),
        (.unknownBackoff, "Invalid retry config: backoff must be exponential, linear or fixed"),
        // Input: billing and audit
        (
            .unknownPlan("gold"),
            "Invalid plan: unknown plan \"gold\"; use free, starter, professional or enterprise"
        ),
        (.alreadyOnPlan(.starter), "Invalid plan: the workspace is already on the starter plan"),
        (.auditCursor, "Invalid cursor: is not a cursor this program printed"),
        (.databaseRejectedValue, "Invalid input: the database rejected a value"),
        // Conflicts
        (
            .memberChanged(name: "Ada Lovelace"),
            "Conflict: Ada Lovelace was changed by someone else; refresh and try again"
        ),
        (
            .integrationChanged(name: "Alerts"),
            "Conflict: Alerts was changed by someone else; refresh and try again"
        ),
        (.billingChanged, "Conflict: billing was changed by someone else; refresh and try again"),
        (
            .keyRegisteredTo(email: "ada@example.com"),
            "Conflict: this key is already registered to ada@example.com"
        ),
        (.keyRegisteredToSomeoneElse, "Conflict: this key is already registered to another user"),
        (
            .integrationNameAmbiguous(count: 2, name: "Alerts"),
            "Conflict: 2 integrations are named \"Alerts\"; give the type too"
        ),
        (
            .integrationExists(.pagerduty, name: "Alerts"),
            "Conflict: a PagerDuty integration named \"Alerts\" already exists"
        ),
        (
            .credentialNotResealed(name: "Alerts", .malformed),
            "Conflict: Alerts: \(CredentialError.malformed.description); nothing was changed"
        ),
        (.subscriptionAlreadyCanceled, "Conflict: the subscription is already canceled"),
        (.cancellationAlreadyScheduled(for: nil), "Conflict: cancellation is already scheduled"),
        (
            .cancellationAlreadyScheduled(for: CalendarDay(year: 2027, month: 1, day: 5)),
            "Conflict: cancellation is already scheduled for 2027-01-05"
        ),
        (
            .subscriptionEnded,
            "Conflict: the subscription has ended; contact billing support to start a new one"
        ),
        (.noCancellationScheduled, "Conflict: no cancellation is scheduled"),
        (
            .subscriptionCanceled,
            "Conflict: the subscription is canceled; contact billing support to start a new one"
        ),
        (
            .subscriptionSuspended,
            "Conflict: the subscription is suspended; settle the open invoice before changing the plan"
        ),
        (.alreadyExists, "Conflict: that already exists"),
        (.concurrentChange, "Conflict: another change happened at the same time; try again"),
        (
            .breaksDataRule(sqlState: "23514"),
            "Conflict: the change breaks a rule of the data (23514)"
        ),
        // Plan limits
        (
            .seatsUsed(limit: 3),
            "Plan limit reached: all 3 seats of the plan are used (active members and pending "
                + "invitations); upgrade the plan or remove someone"
        ),
        (
            .integrationsUsed(limit: 1),
            "Plan limit reached: the plan allows 1 integration, all in use; remove one or upgrade the plan"
        ),
        (
            .planOverruns(["5 members exceed 3 seats", "4 integrations exceed 2"]),
            "Plan limit reached: 5 members exceed 3 seats; 4 integrations exceed 2; "
                + "reduce usage first or choose a larger plan"
        ),
        (.seatLimit, "Plan limit reached: every seat of the plan is taken"),
        (.integrationLimit, "Plan limit reached: the plan allows no more integrations"),
        (.apiKeyLimit, "Plan limit reached: the plan allows no more API keys"),
        // Refusals the policy does not make
        (
            .wrongAccount(email: "ada@example.com"),
            "Not allowed: this invitation is for ada@example.com; only that account can accept it"
        ),
        (.noLongerMember, "Not allowed: You are no longer an active member of this workspace"),
        (
            .keyOwnerElsewhere(email: "ada@example.com"),
            "Not allowed: ada@example.com also belongs to another workspace where you cannot "
                + "manage them, and a key opens every workspace of its user"
        ),
        (.databaseRefusedRole, "Not allowed: the database refused this for your role"),
        // Logins
        (.tooManyAttempts, "Account locked: too many failed attempts; try again in 15 minutes"),
        (.keyNotVouched(reason: nil), "SSH key refused: log in with your own key"),
        (.keyNotVouched(reason: "ask an owner"), "SSH key refused: ask an owner"),
        // The database
        (.invitationNotSaved, "Database unavailable: the invitation was not saved"),
        (.integrationNotSaved, "Database unavailable: the integration was not saved"),
        (.keyNotStored, "Database unavailable: the key was not stored"),
        (.attemptNotRecorded, "Database unavailable: the attempt was not recorded"),
        (.storedRoleUnknown, "Database unavailable: unknown role"),
        (.unexpectedFailure, "Database unavailable: unexpected failure"),
        (
            .cannotConnect(detail: "no such socket"),
            "Database unavailable: could not connect to PostgreSQL: no such socket"
        ),
        (
            .connectionLost,
            "Database unavailable: the connection to PostgreSQL was lost; try again"
        ),
        (
            .changeUnconfirmed,
            "Database unavailable: the change could not be confirmed: it may or may not be saved, "
                + "and it was not sent again (the connection to PostgreSQL was lost after it was "
                + "sent); check what the database holds before trying again"
        ),
        (
            .statementTimeout,
            "Database unavailable: the database took too long to answer and the statement was "
                + "cancelled; nothing was changed, try again"
        ),
        (
            .lockTimeout,
            "Database unavailable: another change held the data too long (lock timeout); "
                + "nothing was changed, try again"
        ),
        (
            .unexpectedDatabaseError(sqlState: "XX000"),
            "Database unavailable: unexpected database error XX000"
        ),
    ]

    @Test(arguments: table)
    func wording(_ problem: Problem, _ message: String) {
        #expect(DomainError(problem).userMessage == message)
    }

    /// Text from outside (a typed plan, a stored name) is cut short and cleaned before it is
    /// quoted back.
    @Test func quotedInputIsSanitized() {
        let message = DomainError(.unknownPlan("gold\u{1B}[31m")).userMessage
        #expect(!message.contains("\u{1B}"))
    }

    /// Addresses read the same as the strings the table uses.
    @Test func addressesAreQuotedAsTyped() throws {
        let address = try EmailAddress("Ada@Example.com")
        #expect(
            DomainError(.alreadyInvited(address)).userMessage
                == "Conflict: ada@example.com is already invited; resend the invitation instead")
        #expect(
            DomainError(.alreadyMember(address)).userMessage
                == "Conflict: ada@example.com is already a member of this workspace")
    }

    /// The aliases older callers use read from the same words.
    @Test func aliasesReadTheTable() {
        #expect(
            SettingsStore.invalidInvitationReason
                == "this invitation is not valid: it was already used, revoked, or replaced by a newer one"
        )
        #expect(
            SettingsStore.expiredInvitationReason
                == "this invitation has expired; ask for a new one")
        #expect(IntegrationValidation.urlSecretReason == DomainError(.urlCarriesSecret).bareReason)
    }

    /// Adding a case fails to compile in `kind` until it is numbered there, and this test
    /// fails until the table has a row for it.
    @Test func theTableCoversEveryCase() throws {
        var rows = Set(Self.table.map { Self.kind($0.0) })
        rows.insert(Self.kind(.alreadyInvited(try EmailAddress("ada@example.com"))))
        rows.insert(Self.kind(.alreadyMember(try EmailAddress("ada@example.com"))))
        #expect(rows == Set(0..<Self.kinds))
    }

    static let kinds = 87

    static func kind(_ problem: Problem) -> Int {
        switch problem {
        case .pageLimitOutOfRange: 0
        case .searchTooLong: 1
        case .controlCharacters: 2
        case .nameTooLong: 3
        case .passwordTooShort: 4
        case .passwordTooLong: 5
        case .invitationNotValid: 6
        case .invitationExpired: 7
        case .invitationNeedsLogin: 8
        case .invitationNotYetAccepted: 9
        case .fingerprintForm: 10
        case .unknownRole: 11
        case .unknownStatus: 12
        case .emailEmpty: 13
        case .emailTooLong: 14
        case .emailNotASCII: 15
        case .emailShape: 16
        case .emailLocalPartLength: 17
        case .emailLocalPartCharacter: 18
        case .emailLocalPartDots: 19
        case .emailDomain: 20
        case .unknownIntegrationType: 21
        case .integrationNameEmpty: 22
        case .integrationTypeCannotChange: 23
        case .credentialsEmpty: 24
        case .credentialsTooLong: 25
        case .sameKeyID: 26
        case .configLooksSecret: 27
        case .urlCarriesSecret: 28
        case .rateLimitOutOfRange: 29
        case .notJSON: 30
        case .notJSONObject: 31
        case .jsonTooLarge: 32
        case .notText: 33
        case .webhookNeedsURL: 34
        case .notAURL: 35
        case .urlNeedsHTTPS: 36
        case .urlNotHTTPS: 37
        case .retriesOutOfRange: 38
        case .unknownBackoff: 39
        case .unknownPlan: 40
        case .alreadyOnPlan: 41
        case .auditCursor: 42
        case .databaseRejectedValue: 43
        case .memberChanged: 44
        case .integrationChanged: 45
        case .billingChanged: 46
        case .alreadyInvited: 47
        case .alreadyMember: 48
        case .keyRegisteredTo: 49
        case .keyRegisteredToSomeoneElse: 50
        case .integrationNameAmbiguous: 51
        case .integrationExists: 52
        case .credentialNotResealed: 53
        case .subscriptionAlreadyCanceled: 54
        case .cancellationAlreadyScheduled: 55
        case .subscriptionEnded: 56
        case .noCancellationScheduled: 57
        case .subscriptionCanceled: 58
        case .subscriptionSuspended: 59
        case .alreadyExists: 60
        case .concurrentChange: 61
        case .breaksDataRule: 62
        case .seatsUsed: 63
        case .integrationsUsed: 64
        case .planOverruns: 65
        case .seatLimit: 66
        case .integrationLimit: 67
        case .apiKeyLimit: 68
        case .wrongAccount: 69
        case .noLongerMember: 70
        case .keyOwnerElsewhere: 71
        case .databaseRefusedRole: 72
        case .tooManyAttempts: 73
        case .keyNotVouched: 74
        case .invitationNotSaved: 75
        case .integrationNotSaved: 76
        case .keyNotStored: 77
        case .attemptNotRecorded: 78
        case .storedRoleUnknown: 79
        case .unexpectedFailure: 80
        case .cannotConnect: 81
        case .connectionLost: 82
        case .statementTimeout: 83
        case .lockTimeout: 84
        case .unexpectedDatabaseError: 85
        case .changeUnconfirmed: 86
        }
    }
}
