/// The console's top-level views. Audit has no number key; it opens with `:audit`.
public enum Tab: String, Sendable, CaseIterable, Equatable {
    case team, billing, integrations, audit

    public var title: String {
        switch self {
        case .team: return "Team"
        case .billing: return "Billing"
        case .integrations: return "Integrations"
        case .audit: return "Audit"
        }
    }

    /// Tabs in the tab bar, in order; `Tab` cycles through these.
    public static let bar: [Tab] = [.team, .billing, .integrations]
}
