import Domain

/// The Billing tab: the workspace's plan and usage, for owners; a reason for everyone else.
public struct BillingState: Sendable, Equatable {
    public var overview: BillingOverview?
    public var isLoading = false
    public var loadError: String?

    public init() {}
}
