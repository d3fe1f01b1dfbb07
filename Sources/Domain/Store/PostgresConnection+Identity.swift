import Postgres

/// The statement that tells PostgreSQL who is acting, for the rest of one transaction only.
///
/// `set_config(..., true)` is transaction-local, so the identity never outlives the
/// transaction and the console works behind PgBouncer in transaction pooling mode. The
/// role switch to `console_app` keeps row-level security in force even when the
/// operator's conninfo logs in as a more powerful role. `app.current_ssh_key` names the
/// key of an SSH login: the database withholds the role wherever that key is not vouched
/// for (see `console_ssh_key_refusal`). The statement and lock timeouts
/// (`QueryTimeouts`) are set here too, so no console transaction runs without them.
public struct IdentityStatement {
    public let sql: SQL = """
        SELECT set_config('role', 'console_app', true),
               set_config('app.current_workspace_id', $1, true),
               set_config('app.current_user_id', $2, true),
               set_config('app.current_ssh_key', $3, true),
               set_config('statement_timeout', $4, true),
               set_config('lock_timeout', $5, true)
        """
    public let parameters: [any PostgresEncodable]

    init(user: UserID?, workspace: WorkspaceID?, sshKeyFingerprint: String?) {
        let timeouts = QueryTimeouts.current
        parameters = [
            workspace?.rawValue.uuidString.lowercased() ?? "",
            user?.rawValue.uuidString.lowercased() ?? "", sshKeyFingerprint ?? "",
            timeouts.statement, timeouts.lock,
        ]
    }

    public init(_ session: Session) {
        self.init(
            user: session.userID, workspace: session.workspaceID,
            sshKeyFingerprint: session.sshKeyFingerprint)
    }
}

extension PostgresConnection {
    /// Binds the identity (`IdentityStatement`) in the transaction already open.
    func bindIdentity(user: UserID?, workspace: WorkspaceID?, sshKeyFingerprint: String?) throws {
        let identity = IdentityStatement(
            user: user, workspace: workspace, sshKeyFingerprint: sshKeyFingerprint)
        try query(identity.sql, identity.parameters)
    }
}
