import Foundation

/// The outcome of a dry-run health check: what was verified without reaching the network.
public struct IntegrationCheck: Sendable, Equatable {
    public let id: IntegrationID
    public let passed: Bool
    /// Recorded as `health_check_message`: "configuration valid; credentials open".
    public let message: String
    public let checkedAt: Date

    public init(id: IntegrationID, passed: Bool, message: String, checkedAt: Date) {
        self.id = id
        self.passed = passed
        self.message = message
        self.checkedAt = checkedAt
    }

    /// Checks `stored` offline: its settings pass today's validation, and its credentials
    /// (if any) open with `sealer`. Pure, so each outcome's wording is testable.
    static func evaluate(
        _ stored: StoredIntegration, sealed: (sealed: String, keyID: String?)?,
        sealer: CredentialSealer?
    )
        -> (passed: Bool, message: String)
    {
        var problems: [String] = []
        var notes: [String] = []
        do {
            let draft = IntegrationDraft(
                type: stored.summary.type, name: stored.summary.name, config: stored.config,
                enabled: stored.summary.enabled, eventFilters: stored.eventFilters,
                rateLimitPerMinute: stored.rateLimitPerMinute, retryConfig: stored.retryConfig)
            _ = try IntegrationValidation.validate(draft)
            notes.append("configuration valid")
        } catch {
            problems.append("configuration invalid: \(error.reason.lowercasedFirst)")
        }
        switch (sealed, sealer) {
        case (nil, _):
            notes.append("no credentials stored")
        case (.some, nil):
            problems.append(
                "credentials cannot be checked: \(CredentialSealer.keyVariable) is not set")
        case (.some(let credentials), .some(let sealer)):
            do {
                _ = try sealer.open(
                    credentials.sealed, keyID: credentials.keyID, for: stored.summary.id)
                notes.append("credentials open")
            } catch {
                problems.append(error.description)
            }
        }
        if problems.isEmpty { return (true, notes.joined(separator: "; ")) }
        return (false, problems.joined(separator: "; "))
    }
}

extension String {
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
