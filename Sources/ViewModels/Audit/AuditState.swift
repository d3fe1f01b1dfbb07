import Domain
import Foundation

/// The Audit view: who did what, newest first, one keyset page at a time.
public struct AuditState: Sendable, Equatable {
    public static let pageSize = 100

    public var entries: [AuditEntry] = []
    public var next: AuditCursor?
    public var selected = 0
    public var isLoading = false
    public var loadError: String?
    public var hasLoaded = false
    /// When the first page on screen was read.
    public var refreshedAt: Date?

    public init() {}
}
