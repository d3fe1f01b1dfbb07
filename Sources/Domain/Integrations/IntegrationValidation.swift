import Foundation

/// The rules an integration must meet before it is stored; each failure names its field.
enum IntegrationValidation {
    static let maximumNameLength = 256
    static let rateLimitRange = 1...1_000_000
    static let maximumRetries = 0...20
    /// Keeps a pasted document from filling the row.
    static let maximumJSONBytes = 64 * 1024
    /// Where a secret found inside a URL must go instead (the database says the same).
    static var urlSecretReason: String { DomainError(.urlCarriesSecret).bareReason }

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
            throw DomainError(.configLooksSecret(path: path))
        }
        let config = SecretRedaction.restore(draft.config, from: storedConfig)
        try requireObject(config, field: "config")
        // Every member can read the settings; a secret inside a URL would be readable too.
        if URLSecrets.first(in: config) != nil {
            throw DomainError(.urlCarriesSecret)
        }
        try checkTypeSpecific(draft.type, config)
        try requireObject(draft.eventFilters, field: "event filters")
        if let rate = draft.rateLimitPerMinute, !rateLimitRange.contains(rate) {
            throw DomainError(.rateLimitOutOfRange)
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
        guard !name.isEmpty else { throw DomainError(.integrationNameEmpty) }
        guard name.unicodeScalars.count <= maximumNameLength else {
            throw DomainError(.nameTooLong(maximum: maximumNameLength))
        }
        for scalar in name.unicodeScalars where isDisallowed(scalar) {
            throw DomainError(.controlCharacters(field: "name"))
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
            throw DomainError(.notJSONObject(field: field))
        }
        guard value.jsonText.utf8.count <= maximumJSONBytes else {
            throw DomainError(.jsonTooLarge(field: field))
        }
    }

    /// Checks each type's essential settings; more are accepted and stored as given.
    static func checkTypeSpecific(_ type: IntegrationType, _ config: JSONValue) throws(DomainError)
    {
        // A service's API base (a region, a proxy, a local test server) follows the URL rules.
        if let base = config["api_url"] {
            guard let text = base.stringValue else {
                throw DomainError(.notText(field: "api_url"))
            }
            try checkWebhookURL(text, field: "api_url")
        }
        switch type {
        case .webhook:
            guard let url = config["url"]?.stringValue else {
                throw DomainError(.webhookNeedsURL)
            }
            try checkWebhookURL(url)
        case .slack, .pagerduty, .sentry, .datadog, .custom:
            if let url = config["url"] {
                guard let text = url.stringValue else {
                    throw DomainError(.notText(field: "url"))
                }
                try checkWebhookURL(text)
            }
        }
    }

    /// Events leave the platform over TLS only; plain http is allowed to this machine
    /// (`localhost`, `127.0.0.1`, `[::1]`) for local receivers.
    static func checkWebhookURL(_ text: String, field: String = "url") throws(DomainError) {
        guard text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }),
            text.utf8.count <= 2048,
            let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else {
            throw DomainError(.notAURL(field: field))
        }
        switch scheme {
        case "https": return
        case "http":
            let local = ["localhost", "127.0.0.1", "[::1]", "::1"]
            if local.contains(host.lowercased()) { return }
            throw DomainError(.urlNeedsHTTPS(field: field))
        default:
            throw DomainError(.urlNotHTTPS(field: field))
        }
    }

    static func checkRetry(_ retry: JSONValue) throws(DomainError) {
        try requireObject(retry, field: "retry config")
        if let retries = retry["max_retries"] {
            guard case .number(let count) = retries, count.rounded() == count,
                count >= Double(maximumRetries.lowerBound),
                count <= Double(maximumRetries.upperBound)
            else {
                throw DomainError(.retriesOutOfRange)
            }
        }
        if let backoff = retry["backoff"] {
            guard let text = backoff.stringValue, ["exponential", "linear", "fixed"].contains(text)
            else {
                throw DomainError(.unknownBackoff)
            }
        }
    }
}
