import Postgres

/// Turns credentials into a `Session`. The password is checked inside PostgreSQL
/// (`console_authenticate`, pgcrypto bcrypt) so no hash ever leaves the database.
public struct Authenticator: Sendable {
    let client: PostgresClient

    public init(client: PostgresClient) { self.client = client }

    /// Logs in by email and password. `workspace` picks one of several memberships by slug,
    /// name or id; without it the first (by name) is used.
    public func login(
        email: String, password: String, workspace: String? = nil, method: String = "password"
    )
        async throws(DomainError) -> Session
    {
        let address: EmailAddress
        do { address = try EmailAddress(email) } catch { throw .invalidCredentials }
        // libpq passes parameters as C strings: a NUL would silently cut the password short,
        // so "demo-pass\0anything" would log in as "demo-pass".
        guard !password.isEmpty, password.utf8.count <= 1024, !password.utf8.contains(0) else {
            throw .invalidCredentials
        }
        let outcome: (UserID?, String)
        do {
            let row = try await client.query(
                "SELECT user_id, outcome FROM console_authenticate($1, $2, $3)",
                [address.value, password, method]
            ).first
            outcome = (
                try row?.optionalUUID("user_id").map(UserID.init),
                try row?.string("outcome") ?? "invalid"
            )
        } catch {
            throw DomainError.from(error)
        }
        switch outcome {
        case (let user?, "ok"):
            return try await session(for: user, workspace: workspace, method: method)
        case (_, "locked"):
            throw .locked(reason: "too many failed attempts; try again in 15 minutes")
        default: throw .invalidCredentials
        }
    }

    /// The workspaces a user is an active member of.
    public func workspaces(of user: UserID) async throws(DomainError) -> [WorkspaceMembership] {
        do {
            return try await client.query(
                "SELECT workspace_id, name, slug, role FROM console_user_workspaces($1)",
                [user.rawValue]
            ).rows.map { row in
                WorkspaceMembership(
                    workspaceID: WorkspaceID(try row.uuid("workspace_id")),
                    name: try row.string("name"),
                    slug: try row.string("slug"),
                    role: Role(rawValue: try row.string("role")) ?? .viewer)
            }
        } catch {
            throw DomainError.from(error)
        }
    }

    /// A session for an already identified user (password checked, or SSH key matched).
    public func session(for user: UserID, workspace: String?, method: String)
        async throws(DomainError)
        -> Session
    {
        let memberships = try await workspaces(of: user)
        let chosen: WorkspaceMembership?
        if let workspace {
            let wanted = workspace.lowercased()
            chosen = memberships.first {
                $0.slug.lowercased() == wanted || $0.name.lowercased() == wanted
                    || $0.workspaceID.description == wanted
            }
            guard chosen != nil else {
                throw .notFound(
                    what: "you are not a member of workspace \"\(Sanitized.short(workspace))\"")
            }
        } else {
            chosen = memberships.first
        }
        guard let membership = chosen else { throw .invalidCredentials }
        do {
            return try await client.transaction { connection in
                try connection.query(
                    """
                    SELECT set_config('role', 'console_app', true),
                           set_config('app.current_workspace_id', $1, true),
                           set_config('app.current_user_id', $2, true)
                    """, [membership.workspaceID.rawValue, user.rawValue])
                let row = try connection.query(
                    """
                    SELECT tm.id, u.email, COALESCE(u.full_name, '') AS full_name, tm.role
                    FROM team_members tm JOIN users u ON u.id = tm.user_id
                    WHERE tm.workspace_id = $1 AND tm.user_id = $2 AND tm.status = 'active'
                      AND tm.deleted_at IS NULL
                    """, [membership.workspaceID.rawValue, user.rawValue]
                ).first
                guard let row, let role = Role(rawValue: try row.string("role")) else {
                    throw DomainError.invalidCredentials
                }
                return Session(
                    userID: user, email: try row.string("email"),
                    fullName: try row.string("full_name"),
                    workspaceID: membership.workspaceID, workspaceName: membership.name, role: role,
                    memberID: MemberID(try row.uuid("id")), authMethod: method)
            }
        } catch {
            throw DomainError.from(error)
        }
    }
}
