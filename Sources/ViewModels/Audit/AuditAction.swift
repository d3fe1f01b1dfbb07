import Domain

/// What happens on the Audit view: a page of the log arrived.
public enum AuditAction: Sendable, Equatable {
    /// `append`: an older page for the end of the list; otherwise the first page again.
    case loaded(append: Bool, Result<AuditPage, DomainError>)
}

/// The Audit view's read: one keyset page, the newest first, or the page before `before`.
public enum AuditEffect: Sendable, Equatable {
    case load(before: AuditCursor?)
}
