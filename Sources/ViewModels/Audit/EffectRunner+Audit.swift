import Domain

extension EffectRunner {
    /// Reads a page of the audit log.
    func run(_ effect: AuditEffect) async -> AuditAction {
        switch effect {
        case .load(let cursor):
            return .loaded(
                append: cursor != nil,
                await result { try await $0.auditLog(limit: AuditState.pageSize, before: cursor) })
        }
    }
}
