import Domain

/// Whether PostgreSQL pushes changes to this console (`LISTEN/NOTIFY`) or it only polls.
public enum LiveUpdates: Sendable, Equatable {
    case listening
    case polling
}

/// The views a change made elsewhere can touch; the NOTIFY payloads of migration 0007.
public enum LiveView: String, Sendable, CaseIterable, Hashable {
    case team, billing, integrations
}
