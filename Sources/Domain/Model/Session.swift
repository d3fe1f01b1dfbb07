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

    public init(
        userID: UserID, email: String, fullName: String, workspaceID: WorkspaceID,
        workspaceName: String, role: Role, memberID: MemberID, authMethod: String
    ) {
        self.userID = userID
        self.email = email
        self.fullName = fullName
        self.workspaceID = workspaceID
        self.workspaceName = workspaceName
        self.role = role
        self.memberID = memberID
        self.authMethod = authMethod
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

    public init(workspaceID: WorkspaceID, name: String, slug: String, role: Role) {
        self.workspaceID = workspaceID
        self.name = name
        self.slug = slug
        self.role = role
    }
}
