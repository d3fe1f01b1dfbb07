import Domain
import Foundation

extension AppState {
    /// The store's answers for the Audit view.
    mutating func update(_ action: AuditAction, now: Date) -> [Effect] {
        switch action {
        case .loaded(let append, let result):
            audit.isLoading = false
            audit.hasLoaded = true
            switch result {
            case .success(let page):
                // A live reload keeps the selected entry (by id) when it is still on the page.
                let keep =
                    append
                    ? nil
                    : audit.entries.indices.contains(audit.selected)
                        ? audit.entries[audit.selected].id : nil
                audit.entries = append ? audit.entries + page.entries : page.entries
                audit.next = page.next
                audit.loadError = nil
                if !append {
                    audit.selected =
                        keep.flatMap { id in audit.entries.firstIndex { $0.id == id } } ?? 0
                    audit.refreshedAt = now
                }
            case .failure(let error):
                audit.loadError = error.userMessage
                return fail(error, now: now)
            }
            return []
        }
    }
}
