import Postgres

/// Turns credentials into a `Session`. The password is checked inside PostgreSQL
/// (`console_authenticate`, pgcrypto bcrypt) so no hash ever leaves the database.
public struct Authenticator: Sendable {
    let client: PostgresClient

    public init(client: PostgresClient) { self.client = client }

    /// Logs in by email and password. `workspace` picks one of several memberships by slug,
    /// name or id; without it the first (by name) is used.
    public func login(
        email: String, password: Secret, workspace: String? = nil, method: String = "password"
    )
        async throws(DomainError) -> Session
    {
        let address: EmailAddress
        do { address = try EmailAddress(email) } catch { throw .invalidCredentials }
        // libpq passes parameters as C strings: a NUL would silently cut the password short,
        // so "demo-pass\0anything" would log in as "demo-pass".
        let password = password.revealed
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
            throw DomainError(.tooManyAttempts)
        default: throw .invalidCredentials
        }
    }

    /// The workspaces a user is an active member of, each with the reason an SSH key may not
    /// act there (`refusal`, nil when it may or when there is no key). The database takes the
    /// user from the bound identity, never from an argument.
    public func workspaces(of user: UserID, sshKeyFingerprint: String? = nil)
        async throws(DomainError) -> [WorkspaceMembership]
    {
        do {
            return try await client.transaction { connection in
                try connection.bindIdentity(
                    user: user, workspace: nil, sshKeyFingerprint: sshKeyFingerprint)
                return try connection.query(
                    "SELECT workspace_id, name, slug, role, refusal FROM console_user_workspaces()"
                ).rows.map { row in
                    WorkspaceMembership(
                        workspaceID: WorkspaceID(try row.uuid("workspace_id")),
                        name: try row.string("name"),
                        slug: try row.string("slug"),
                        role: Role(rawValue: try row.string("role")) ?? .viewer,
                        refusal: try row.optionalString("refusal"))
                }
            }
        } catch {
            throw DomainError.from(error)
        }
    }

    /// The workspaces the session's user may switch to with the session's own proof.
    public func workspaces(for session: Session) async throws(DomainError)
        -> [WorkspaceMembership]
    {
        try await workspaces(of: session.userID, sshKeyFingerprint: session.sshKeyFingerprint)
            .filter { $0.refusal == nil }
    }

    /// A session for an already identified user (password checked, or SSH key matched).
    /// With a key, only the workspaces where the key is vouched for today are open; asking
    /// for another one says why not.
    public func session(
        for user: UserID, workspace: String?, method: String, sshKeyFingerprint: String? = nil
    )
        async throws(DomainError)
        -> Session
    {
        let memberships = try await workspaces(of: user, sshKeyFingerprint: sshKeyFingerprint)
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
            chosen = memberships.first { $0.refusal == nil } ?? memberships.first
        }
        guard let membership = chosen else { throw .invalidCredentials }
        if let refusal = membership.refusal { throw .keyNotVouched(reason: refusal) }
        do {
            return try await client.transaction { connection in
                try connection.bindIdentity(
                    user: user, workspace: membership.workspaceID,
                    sshKeyFingerprint: sshKeyFingerprint)
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
                    memberID: MemberID(try row.uuid("id")), authMethod: method,
                    sshKeyFingerprint: sshKeyFingerprint)
            }
        } catch {
            throw DomainError.from(error)
        }
    }
}
