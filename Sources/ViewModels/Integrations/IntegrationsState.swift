import Domain

/// The Integrations tab: the health list, worst first, and the detail of one when opened.
public struct IntegrationsState: Sendable, Equatable {
    public var items: [IntegrationHealth] = []
    public var selected = 0
    public var detail: IntegrationDetail?
    public var isLoading = false
    public var loadError: String?
    public var hasLoaded = false

    public init() {}

    public var selectedItem: IntegrationHealth? {
        items.indices.contains(selected) ? items[selected] : nil
    }
}
