import Foundation

/// The rules an integration must meet before it is stored; each failure names its field.
enum IntegrationValidation {
    static let maximumNameLength = 256
    static let rateLimitRange = 1...1_000_000
    static let maximumRetries = 0...20
    /// Keeps a pasted document from filling the row.
    static let maximumJSONBytes = 64 * 1024
    /// Where a secret found inside a URL must go instead (the database says the same).
    static let urlSecretReason =
        "carries a secret (a password in the address, or a sig/token/key/secret/password "
        + "parameter); every member can read the settings, so pass it as credentials "
        + "(--credentials-env), which are encrypted"

    /// Validates `draft`; `stored` is the current configuration when editing, so members
    /// still reading "configured" keep their hidden value.
    static func validate(_ draft: IntegrationDraft, storedConfig: JSONValue? = nil)
        throws(DomainError) -> ValidIntegration
    {
        let name = try validName(draft.name)
        try requireObject(draft.config, field: "config")
        // Checked before restoring: a value the user typed must not be a secret, while one
        // kept from the stored row (a legacy row's token) is not this edit's doing.
        if let path = SecretRedaction.secretPaths(in: draft.config).first {
            throw .invalid(
                field: "config",
                reason:
                    "\"\(Sanitized.short(path))\" looks like a secret; pass it as credentials so it is encrypted"
            )
        }
        let config = SecretRedaction.restore(draft.config, from: storedConfig)
        try requireObject(config, field: "config")
        // Every member can read the settings; a secret inside a URL would be readable too.
        if URLSecrets.first(in: config) != nil {
            throw .invalid(field: "url", reason: urlSecretReason)
        }
        try checkTypeSpecific(draft.type, config)
        try requireObject(draft.eventFilters, field: "event filters")
        if let rate = draft.rateLimitPerMinute, !rateLimitRange.contains(rate) {
            throw .invalid(
                field: "rate limit",
                reason:
                    "must be a whole number of events per minute from 1 to \(Count.grouped(rateLimitRange.upperBound)), or none"
            )
        }
        if let retry = draft.retryConfig { try checkRetry(retry) }
        return ValidIntegration(
            type: draft.type, name: name, config: config, enabled: draft.enabled,
            eventFilters: draft.eventFilters, rateLimitPerMinute: draft.rateLimitPerMinute,
            retryConfig: draft.retryConfig, credentials: draft.credentials)
    }

    /// 1-256 characters (as PostgreSQL counts them), trimmed, with no control characters
    /// or bidirectional overrides that could disguise the name in a terminal.
    static func validName(_ raw: String) throws(DomainError) -> String {
        let name = raw.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw .invalid(field: "name", reason: "enter a name") }
        guard name.unicodeScalars.count <= maximumNameLength else {
            throw .invalid(field: "name", reason: "must be at most \(maximumNameLength) characters")
        }
        for scalar in name.unicodeScalars where isDisallowed(scalar) {
            throw .invalid(field: "name", reason: "must not contain control characters")
        }
        return name
    }

    static func isDisallowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
            return true
        case .format:
            // Zero-width joiners build emoji; the bidi controls can make text lie about itself.
            return (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value)
                || scalar.value == 0x200E || scalar.value == 0x200F || scalar.value == 0xFEFF
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber,
            .otherNumber, .connectorPunctuation, .dashPunctuation, .openPunctuation,
            .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol, .spaceSeparator:
            return false
        @unknown default:
            return true
        }
    }

    static func requireObject(_ value: JSONValue, field: String) throws(DomainError) {
        guard value.objectValue != nil else {
            throw .invalid(field: field, reason: "must be a JSON object ({...})")
        }
        guard value.jsonText.utf8.count <= maximumJSONBytes else {
            throw .invalid(field: field, reason: "must be at most \(maximumJSONBytes / 1024) KiB")
        }
    }

    /// Checks each type's essential settings; more are accepted and stored as given.
    static func checkTypeSpecific(_ type: IntegrationType, _ config: JSONValue) throws(DomainError)
    {
        // A service's API base (a region, a proxy, a local test server) follows the URL rules.
        if let base = config["api_url"] {
            guard let text = base.stringValue else {
                throw .invalid(field: "api_url", reason: "must be text")
            }
            do { try checkWebhookURL(text) } catch {
                throw .invalid(field: "api_url", reason: error.reason)
            }
        }
        switch type {
        case .webhook:
            guard let url = config["url"]?.stringValue else {
                throw .invalid(field: "url", reason: "a webhook needs a \"url\" (https://...)")
            }
            try checkWebhookURL(url)
        case .slack, .pagerduty, .sentry, .datadog, .custom:
            if let url = config["url"] {
                guard let text = url.stringValue else {
                    throw .invalid(field: "url", reason: "must be text")
                }
                try checkWebhookURL(text)
            }
        }
    }

    /// Events leave the platform over TLS only; plain http is allowed to this machine
    /// (`localhost`, `127.0.0.1`, `[::1]`) for local receivers.
    static func checkWebhookURL(_ text: String) throws(DomainError) {
        guard text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }),
            text.utf8.count <= 2048,
            let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else {
            throw .invalid(field: "url", reason: "is not a valid URL")
        }
        switch scheme {
        case "https": return
        case "http":
            let local = ["localhost", "127.0.0.1", "[::1]", "::1"]
            if local.contains(host.lowercased()) { return }
            throw .invalid(
                field: "url", reason: "must use https (plain http is only allowed to localhost)")
        default:
            throw .invalid(field: "url", reason: "must be an https:// address")
        }
    }

    static func checkRetry(_ retry: JSONValue) throws(DomainError) {
        try requireObject(retry, field: "retry config")
        if let retries = retry["max_retries"] {
            guard case .number(let count) = retries, count.rounded() == count,
                count >= Double(maximumRetries.lowerBound),
                count <= Double(maximumRetries.upperBound)
            else {
                throw .invalid(
                    field: "retry config",
                    reason:
                        "max_retries must be a whole number from 0 to \(maximumRetries.upperBound)")
            }
        }
        if let backoff = retry["backoff"] {
            guard let text = backoff.stringValue, ["exponential", "linear", "fixed"].contains(text)
            else {
                throw .invalid(
                    field: "retry config", reason: "backoff must be exponential, linear or fixed")
            }
        }
    }
}
