import Foundation
import Postgres

extension SettingsStore {
    /// The active owners and admins, by name (email when unnamed): whom a member asks when
    /// an integration needs a test or a change. Any active member may read the team.
    public func integrationManagers() async throws(DomainError) -> [String] {
        try await transaction { tx in
            try tx.policy().can(.viewWorkspace).enforce()
            return try tx.integrationManagers()
        }
    }

    /// Refuses, naming the owners and admins, unless the actor may test integrations now
    /// (the checker asks before it starts rather than failing at every tick).
    public func requireIntegrationTester() async throws(DomainError) {
        try await transaction { tx in try tx.requireIntegrationManager() }
    }
}

extension WorkspaceTransaction {
    func integrationManagers() throws -> [String] {
        try query(
            """
            SELECT COALESCE(NULLIF(btrim(u.full_name), ''), u.email) AS name
            FROM team_members tm JOIN users u ON u.id = tm.user_id
            WHERE tm.workspace_id = $1 AND tm.role IN ('owner', 'admin')
              AND tm.status = 'active' AND tm.deleted_at IS NULL
            ORDER BY tm.role DESC, 1
            LIMIT 10
            """, [session.workspaceID.rawValue]
        ).rows.map { Sanitized.short(try $0.string("name"), limit: 60) }
    }

    /// Refuses someone who may not test integrations, naming who can.
    func requireIntegrationManager() throws {
        guard let reason = try policy().can(.manageIntegrations).reason else { return }
        throw DomainError.forbidden(
            reason: IntegrationManagers.reason(reason, managers: try integrationManagers()))
    }
}

/// The words for "who can": shared by the store's refusal and the tab's flash.
public enum IntegrationManagers {
    public static func reason(_ reason: String, managers: [String]) -> String {
        managers.isEmpty ? reason : "\(reason); ask \(managers.joined(separator: ", "))"
    }
}
