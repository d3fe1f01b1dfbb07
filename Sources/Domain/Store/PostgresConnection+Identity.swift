import Postgres

extension PostgresConnection {
    /// Tells PostgreSQL who is acting, for the rest of this transaction only.
    ///
    /// `set_config(..., true)` is transaction-local, so the identity never outlives the
    /// transaction and the console works behind PgBouncer in transaction pooling mode. The
    /// role switch to `console_app` keeps row-level security in force even when the
    /// operator's conninfo logs in as a more powerful role. `app.current_ssh_key` names the
    /// key of an SSH login: the database withholds the role wherever that key is not vouched
    /// for (see `console_ssh_key_refusal`). The statement and lock timeouts
    /// (`QueryTimeouts`) are set here too, so no console transaction runs without them.
    func bindIdentity(user: UserID?, workspace: WorkspaceID?, sshKeyFingerprint: String?) throws {
        let timeouts = QueryTimeouts.current
        try query(
            """
            SELECT set_config('role', 'console_app', true),
                   set_config('app.current_workspace_id', $1, true),
                   set_config('app.current_user_id', $2, true),
                   set_config('app.current_ssh_key', $3, true),
                   set_config('statement_timeout', $4, true),
                   set_config('lock_timeout', $5, true)
            """,
            [
                workspace?.rawValue.uuidString.lowercased() ?? "",
                user?.rawValue.uuidString.lowercased() ?? "", sshKeyFingerprint ?? "",
                timeouts.statement, timeouts.lock,
            ])
    }
}
