import Foundation
import Postgres

extension SettingsStore {
    /// Re-seals every credential of the workspace from `old` to `new` in one transaction:
    /// either all of them move or none do, so no credential is ever lost. Credentials
    /// already under `new` are verified and left alone, so an interrupted rotation can be
    /// run again. Returns how many were re-sealed.
    @discardableResult
    public func rotateCredentialsKey(from old: CredentialSealer, to new: CredentialSealer)
        async throws(DomainError) -> Int
    {
        guard old.keyID != new.keyID else {
            throw DomainError(.sameKeyID(new.keyID))
        }
        return try await transaction { tx in
            try tx.policy().can(.manageIntegrations).enforce()
            try tx.lockWorkspace()
            let rows = try tx.query(
                """
                SELECT id, integration_name FROM integrations_config
                WHERE workspace_id = $1 AND encryption_key_id IS NOT NULL
                ORDER BY id
                FOR UPDATE
                """, [tx.session.workspaceID.rawValue]
            ).rows
            var resealed = 0
            for row in rows {
                let id = IntegrationID(try row.uuid("id"))
                let name = try row.string("integration_name")
                guard let (sealed, keyID) = try tx.sealedCredentials(id) else { continue }
                do {
                    if keyID == new.keyID {
                        _ = try new.open(sealed, keyID: keyID, for: id)
                        continue
                    }
                    let secret = try old.open(sealed, keyID: keyID, for: id)
                    try tx.storeCredentials(secret, sealer: new, for: id)
                    resealed += 1
                } catch let error as CredentialError {
                    throw DomainError(.credentialNotResealed(name: name, error))
                }
            }
            try tx.audit(
                "integrations.rotate_key", resourceType: "integration", resourceID: nil,
                before: ["key_id": old.keyID],
                after: ["key_id": new.keyID, "resealed": String(resealed)])
            return resealed
        }
    }
}
