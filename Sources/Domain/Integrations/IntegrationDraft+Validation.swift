extension IntegrationDraft {
    /// Checks the draft with the store's own rules, so a form can validate as the user types
    /// and show exactly the error the store would raise. `storedConfig` is the current
    /// configuration when editing (members still reading "configured" keep their value).
    public func validate(storedConfig: JSONValue? = nil) throws(DomainError) {
        _ = try IntegrationValidation.validate(self, storedConfig: storedConfig)
    }

    /// Events per minute a draft may ask for; outside it the store refuses the rate limit.
    public static var rateLimitRange: ClosedRange<Int> { IntegrationValidation.rateLimitRange }
}
