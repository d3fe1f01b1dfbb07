import Domain

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

    public init() {}

    public var selectedItem: IntegrationHealth? {
        items.indices.contains(selected) ? items[selected] : nil
    }

    /// What the integration keys act on: the open detail view's integration, else the
    /// selected row.
    public var target: IntegrationHealth? {
        detail?.summary ?? selectedItem
    }
}
