import Postgres

/// The SQL that reads SSH keys of the current workspace's live members, and its decoding.
enum SSHKeyRows {
    /// Joined to the member row so each key carries its owner's role here; row-level
    /// security already limits `user_ssh_keys` to live members of the current workspace.
    static let select: SQL = """
        SELECT k.id, k.user_id, u.email, tm.role, k.key_type, k.fingerprint, k.comment,
               k.created_at, k.last_used_at, creator.email AS created_by_email
        FROM user_ssh_keys k
        JOIN users u ON u.id = k.user_id
        JOIN team_members tm ON tm.user_id = k.user_id AND tm.workspace_id = $1
                            AND tm.deleted_at IS NULL
        LEFT JOIN users creator ON creator.id = k.created_by
        """

    static func decode(_ row: PostgresRow) throws -> SSHKeyRecord {
        guard let role = Role(rawValue: try row.string("role")) else {
            throw PostgresError(kind: .unexpectedResult, serverMessage: "unknown role")
        }
        return SSHKeyRecord(
            id: try row.uuid("id"), userID: UserID(try row.uuid("user_id")),
            email: try row.string("email"), memberRole: role, keyType: try row.string("key_type"),
            fingerprint: try row.string("fingerprint"), comment: try row.optionalString("comment"),
            createdAt: try row.date("created_at"),
            createdByEmail: try row.optionalString("created_by_email"),
            lastUsedAt: try row.optionalDate("last_used_at"))
    }
}
