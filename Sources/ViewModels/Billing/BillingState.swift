import Domain
import Foundation

/// The Billing tab: the workspace's plan and usage, for owners; a reason for everyone else.
public struct BillingState: Sendable, Equatable {
    public var overview: BillingOverview?
    public var isLoading = false
    public var loadError: String?
    /// When the overview on screen was read from the database.
    public var refreshedAt: Date?

    public init() {}
}
