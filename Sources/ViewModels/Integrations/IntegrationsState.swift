import Domain
import Foundation

/// The Integrations tab: the health list, worst first, and the detail of one when opened.
public struct IntegrationsState: Sendable, Equatable {
    public var items: [IntegrationHealth] = []
    public var selected = 0
    public var detail: IntegrationDetail?
    public var isLoading = false
    public var loadError: String?
    public var hasLoaded = false
    /// Integrations in use against the plan's limit, so "add" can be dimmed with the reason
    /// before anyone fills in the form; nil until loaded.
    public var usage: UsageMeter?
    /// The open detail's recent attempts and the health they add up to.
    public var history: IntegrationHistory?
    /// The owners and admins, by name, for members told who can test; nil until loaded.
    public var managers: [String]?
    /// What deliveries are doing per integration, for the list to say "paused" or
    /// "suspended"; integrations missing here are active.
    public var breakers: [IntegrationID: Breaker] = [:]
    /// When the list on screen was read from the database (what "refreshed" says).
    public var refreshedAt: Date?

    public init() {}

    public var selectedItem: IntegrationHealth? {
        items.indices.contains(selected) ? items[selected] : nil
    }

    /// What the integration keys act on: the open detail view's integration, else the
    /// selected row.
    public var target: IntegrationHealth? {
        detail?.summary ?? selectedItem
    }

    /// Takes a fresher copy of one integration (a write's answer) into the list and the
    /// open detail.
    mutating func adopt(_ item: IntegrationHealth) {
        if let index = items.firstIndex(where: { $0.id == item.id }) { items[index] = item }
        if let open = detail, open.id == item.id {
            detail = IntegrationDetail(
                summary: item, config: open.config, eventFilters: open.eventFilters,
                rateLimitPerMinute: open.rateLimitPerMinute, retryConfig: open.retryConfig,
                encryptionKeyID: open.encryptionKeyID, createdAt: open.createdAt,
                updatedAt: open.updatedAt, createdBy: open.createdBy, updatedBy: open.updatedBy)
        }
    }
}
