import Domain
import Postgres
import ViewModels

/// The SSH key way in: the key sshd accepted, read from `$SSH_USER_AUTH`, then its user.
enum SSHIdentity {
    /// The key that authenticated the session; local checks only, no database yet.
    static func key(authInfoPath: String) throws(IdentityRefusal) -> SSHPublicKey {
        do {
            return try SSHAuthInfoFile.read(path: authInfoPath).authenticatingKey()
        } catch {
            throw IdentityRefusal(error)
        }
    }

    /// The session of the key's user. `SSH_CONNECTION` ("client-ip client-port server-ip
    /// server-port", set by sshd) supplies the address for the audit row.
    static func session(
        key: SSHPublicKey, workspace: String?, client: PostgresClient, environment: [String: String]
    ) async throws(IdentityRefusal) -> Session {
        let address = environment["SSH_CONNECTION"]?.split(separator: " ").first.map(String.init)
        do {
            try await client.connect()
        } catch {
            throw IdentityRefusal(DomainError.from(error))
        }
        StartupTrace.mark(.connected)
        do {
            return try await Authenticator(client: client).session(
                sshKey: key, workspace: workspace, clientAddress: address)
        } catch {
            throw IdentityRefusal(error)
        }
    }
}
