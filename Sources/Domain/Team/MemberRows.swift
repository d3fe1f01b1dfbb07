import Postgres

/// The SQL that reads members, and the decoding of its rows, shared by every team operation.
enum MemberRows {
    /// Columns of `Member`; `version` is `updated_at` as the server prints it.
    static let select = select(extraColumns: "")

    /// The member columns plus `extraColumns` (a fixed SQL fragment such as a sort key).
    static func select(extraColumns: SQL) -> SQL {
        """
        SELECT tm.id, tm.user_id, COALESCE(u.email, tm.invitation_email) AS email,
               COALESCE(u.full_name, '') AS full_name, tm.role, tm.status,
               tm.invitation_expires_at, tm.accepted_at, tm.last_active_at, tm.created_at,
               tm.updated_at::text AS version\(extraColumns)
        FROM team_members tm
        LEFT JOIN users u ON u.id = tm.user_id
        """
    }

    /// `tm` is the live row of the email `$2` in workspace `$1`: a member through their user's
    /// email, or a pending invitation through its own. Two index look-ups, where comparing
    /// `COALESCE(u.email, tm.invitation_email)` read the whole workspace.
    static let isLiveRowOfEmail: SQL = """
        tm.id IN (
            SELECT t.id FROM users ue
            JOIN team_members t ON t.user_id = ue.id AND t.workspace_id = $1 AND t.deleted_at IS NULL
            WHERE ue.email = $2
            UNION ALL
            SELECT t.id FROM team_members t
            WHERE t.workspace_id = $1 AND t.status = 'pending' AND t.deleted_at IS NULL
              AND lower(t.invitation_email) = $2)
        """

    static func decode(_ row: PostgresRow) throws -> Member {
        guard let role = Role(rawValue: try row.string("role")),
            let status = MemberStatus(rawValue: try row.string("status"))
        else {
            throw PostgresError(kind: .unexpectedResult, serverMessage: "unknown role or status")
        }
        return Member(
            id: MemberID(try row.uuid("id")),
            userID: try row.optionalUUID("user_id").map(UserID.init),
            email: try row.optionalString("email") ?? "",
            fullName: try row.string("full_name"),
            role: role,
            status: status,
            invitationExpiresAt: try row.optionalDate("invitation_expires_at"),
            acceptedAt: try row.optionalDate("accepted_at"),
            lastActiveAt: try row.optionalDate("last_active_at"),
            createdAt: try row.date("created_at"),
            version: RowVersion(try row.string("version")))
    }

    /// The sort key of each sortable column, as SQL over the `select` above, its type, and the
    /// id column that breaks ties. Fixed strings chosen by an enum: no user text becomes SQL.
    /// Each matches an index (sql/migrations/0005), so a keyset page is a short range scan.
    static func sortKey(_ column: MemberQuery.SortColumn) -> (sql: SQL, type: SQL, id: SQL) {
        switch column {
        case .name: return ("k.sort_name", "text", "k.member_id")
        case .email: return ("k.sort_email", "text", "k.member_id")
        case .role:
            return (
                "(CASE tm.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 WHEN 'member' THEN 2 ELSE 3 END)",
                "int", "tm.id"
            )
        case .status:
            return (
                "(CASE tm.status WHEN 'active' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END)", "int",
                "tm.id"
            )
        case .lastActive:
            return ("COALESCE(tm.last_active_at, '-infinity'::timestamptz)", "timestamptz", "tm.id")
        case .joined: return ("tm.created_at", "timestamptz", "tm.id")
        }
    }

    /// `%term%` for ILIKE with the wildcard characters of the term escaped.
    static func likePattern(_ term: String) -> String {
        var escaped = ""
        for character in term {
            if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%" + escaped + "%"
    }
}
