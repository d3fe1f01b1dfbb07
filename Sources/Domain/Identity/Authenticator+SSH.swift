import Postgres

extension Authenticator {
    /// Logs in the user whose registered key has this fingerprint.
    ///
    /// `console_user_by_ssh_fingerprint` answers only for a key of a user with an active
    /// membership (refusing, and auditing, a key nobody vouches for anywhere), marks the key used and writes the `auth.login` / `auth.failed` audit row
    /// itself (method `ssh-key`), so a refused key is recorded even though nothing else
    /// happens. There is no fallback: an unknown key ends the login.
    ///
    /// `clientAddress` (from `SSH_CONNECTION`) goes into the audit row's `ip_address`.
    public func session(
        sshFingerprint: String, workspace: String? = nil, clientAddress: String? = nil
    )
        async throws(DomainError) -> Session
    {
        let fingerprint = try SSHFingerprint.validated(sshFingerprint)
        let userID: UserID?
        do {
            userID = try await client.transaction { connection in
                if let clientAddress {
                    try connection.query(
                        "SELECT set_config('app.client_ip', $1, true)", [clientAddress])
                }
                let row = try connection.query(
                    "SELECT console_user_by_ssh_fingerprint($1) AS user_id", [fingerprint]
                ).first
                return try row?.optionalUUID("user_id").map(UserID.init)
            }
        } catch {
            throw DomainError.from(error)
        }
        guard let userID else { throw .unknownKey(fingerprint: fingerprint) }
        return try await session(
            for: userID, workspace: workspace, method: "ssh-key", sshKeyFingerprint: fingerprint)
    }

    /// Logs in the user who holds `key` (see `session(sshFingerprint:...)`).
    public func session(
        sshKey key: SSHPublicKey, workspace: String? = nil, clientAddress: String? = nil
    )
        async throws(DomainError) -> Session
    {
        try await session(
            sshFingerprint: key.fingerprint, workspace: workspace, clientAddress: clientAddress)
    }
}
