/// Who is logged in, in which workspace, as what: the identity every operation runs under.
public struct Session: Sendable, Equatable {
    public let userID: UserID
    public let email: String
    public let fullName: String
    public let workspaceID: WorkspaceID
    public let workspaceName: String
    public let role: Role
    public let memberID: MemberID
    /// How the user proved who they are (`password`, `ssh-key`, `demo`), for the audit log.
    public let authMethod: String
    /// The fingerprint of the SSH key the user logged in with, if any. Every transaction
    /// hands it to PostgreSQL (`app.current_ssh_key`), which decides at each use whether the
    /// key may act in this workspace: a key someone else added is only as strong as their
    /// authority over this user today.
    public let sshKeyFingerprint: String?

    public init(
        userID: UserID, email: String, fullName: String, workspaceID: WorkspaceID,
        workspaceName: String, role: Role, memberID: MemberID, authMethod: String,
        sshKeyFingerprint: String? = nil
    ) {
        self.userID = userID
        self.email = email
        self.fullName = fullName
        self.workspaceID = workspaceID
        self.workspaceName = workspaceName
        self.role = role
        self.memberID = memberID
        self.authMethod = authMethod
        self.sshKeyFingerprint = sshKeyFingerprint
    }

    /// The policy for this session's role.
    public var policy: Policy { Policy(actorRole: role, actorMemberID: memberID) }
}

/// A workspace the user belongs to, for the workspace switcher.
public struct WorkspaceMembership: Sendable, Equatable {
    public let workspaceID: WorkspaceID
    public let name: String
    public let slug: String
    public let role: Role
    /// Why the session's SSH key may not act here (a key someone else added, who lacks the
    /// authority today); nil when it may.
    public let refusal: String?

    public init(
        workspaceID: WorkspaceID, name: String, slug: String, role: Role, refusal: String? = nil
    ) {
        self.workspaceID = workspaceID
        self.name = name
        self.slug = slug
        self.role = role
        self.refusal = refusal
    }
}
