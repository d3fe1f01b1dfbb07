import Foundation
import Postgres

extension SettingsStore {
    /// Every integration of the workspace, worst first (see `IntegrationHealth.worstFirst`).
    /// Any member may look: on-call engineers are often plain members.
    public func integrations() async throws(DomainError) -> [IntegrationHealth] {
        try await transaction { tx in
            try tx.policy().can(.viewWorkspace).enforce()
            return try tx.query(
                IntegrationRows.summarySelect + "\nWHERE ic.workspace_id = $1",
                [tx.session.workspaceID.rawValue]
            ).rows.map(IntegrationRows.decodeSummary).sorted(by: IntegrationHealth.worstFirst)
        }
    }

    /// One integration in full, secrets in its configuration shown as "configured".
    public func integration(_ id: IntegrationID) async throws(DomainError) -> IntegrationDetail {
        try await transaction { tx in
            try tx.policy().can(.viewWorkspace).enforce()
            return try tx.storedIntegration(id).detail
        }
    }

    /// The integration called `name` (case-insensitive), for the command line. Two of
    /// different types with the same name are ambiguous: pass `type` to choose.
    public func integration(named name: String, type: IntegrationType? = nil)
        async throws(DomainError) -> IntegrationHealth
    {
        let wanted = name.trimmingCharacters(in: .whitespaces)
        let matches = try await integrations().filter {
            $0.name.lowercased() == wanted.lowercased() && (type == nil || $0.type == type)
        }
        switch matches.count {
        case 0: throw .notFound(what: "no integration named \"\(Sanitized.short(wanted))\"")
        case 1: return matches[0]
        default:
            throw DomainError(.integrationNameAmbiguous(count: matches.count, name: wanted))
        }
    }

    /// Integrations in use against the plan's limit; readable by any member, so the UI can
    /// explain a dimmed "add" before anyone tries.
    public func integrationUsage() async throws(DomainError) -> UsageMeter {
        try await transaction { tx in
            try tx.policy().can(.viewWorkspace).enforce()
            return try tx.integrationUsage()
        }
    }
}

extension WorkspaceTransaction {
    /// Reads one integration of this workspace, optionally locking its row.
    func storedIntegration(_ id: IntegrationID, lock: Bool = false) throws -> StoredIntegration {
        let row = try query(
            IntegrationRows.detailSelect + "\nWHERE ic.workspace_id = $1 AND ic.id = $2"
                + (lock ? "\nFOR UPDATE OF ic" : ""),
            [session.workspaceID.rawValue, id.rawValue]
        ).first
        guard let row else { throw DomainError.notFound(what: "that integration no longer exists") }
        return try IntegrationRows.decodeStored(row)
    }

    /// How many integrations exist and how many the plan allows. The limit comes from
    /// `console_plan_limits()` because admins may not read `billing_config` itself.
    func integrationUsage() throws -> UsageMeter {
        let row = try query(
            "SELECT custom_integrations_limit, integrations_used FROM console_plan_limits()"
        ).first
        guard let row else {
            throw DomainError(.noLongerMember)
        }
        return UsageMeter(
            used: try row.optionalInt("integrations_used") ?? 0,
            limit: try row.optionalInt("custom_integrations_limit"))
    }

    /// The sealed credentials of one integration and the id of the key that sealed them, or
    /// nil when none are stored. Read through a definer function that serves owners and
    /// admins only; the column itself is not readable by the console's role.
    func sealedCredentials(_ id: IntegrationID) throws -> (sealed: String, keyID: String?)? {
        let row = try query(
            "SELECT credentials_encrypted, encryption_key_id FROM console_integration_credentials($1)",
            [id.rawValue]
        ).first
        guard let row, let sealed = try row.optionalString("credentials_encrypted") else {
            return nil
        }
        return (sealed, try row.optionalString("encryption_key_id"))
    }

    func requireUnchanged(_ integration: StoredIntegration, expected: RowVersion?) throws {
        if let expected, expected != integration.summary.version {
            throw DomainError(.integrationChanged(name: integration.summary.name))
        }
    }
}
