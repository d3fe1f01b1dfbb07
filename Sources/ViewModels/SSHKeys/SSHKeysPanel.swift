import Domain

/// The SSH keys panel over the Team tab: one member's keys (or every member's), with adding
/// and removing for those the policy allows.
///
/// A registered key logs its holder in as that member over SSH, so the panel asks the same
/// policy as the store (`Policy.manageSSHKeys`) to dim an action and say why.
public struct SSHKeysPanel: Sendable, Equatable {
    public enum Mode: Sendable, Equatable {
        case list
        /// Typing or pasting a public key line.
        case adding(draft: String)
        /// Enter removes this key, Esc keeps it.
        case confirmingRemoval(SSHKeyRecord)
    }

    /// Whose keys: one member's email, or nil for every member of the workspace.
    public let email: String?
    /// That member's role here when known (from the Team row), for dimming "add".
    public let memberRole: Role?
    /// Whether the member is the logged-in user (your own keys are always yours to manage).
    public let isSelf: Bool
    public var keys: [SSHKeyRecord] = []
    public var selected = 0
    public var mode: Mode = .list
    public var isLoading = true
    /// A write is on its way; keys wait for its answer.
    public var isWorking = false
    /// The last refusal or failure, shown in the panel.
    public var error: String?

    public init(email: String?, memberRole: Role? = nil, isSelf: Bool = false) {
        self.email = email
        self.memberRole = memberRole
        self.isSelf = isSelf
    }

    public var selectedKey: SSHKeyRecord? { keys.indices.contains(selected) ? keys[selected] : nil }

    /// Longest draft accepted from the keyboard (the parser refuses longer lines anyway).
    static let maximumDraft = SSHPublicKey.maximumLineLength

    /// Whether a key can be added here now, with the reason when not.
    public func addAvailability(policy: Policy, readOnly: Bool) -> Decision {
        if readOnly { return .denied(.readOnly) }
        guard email != nil else {
            return .denied(.keysAreAddedPerMember)
        }
        guard let memberRole else { return policy.viewSSHKeys() }
        return policy.manageSSHKeys(ofRole: memberRole, isSelf: isSelf)
    }

    /// Whether the selected key can be removed now, with the reason when not.
    public func removeAvailability(policy: Policy, readOnly: Bool, user: UserID) -> Decision {
        if readOnly { return .denied(.readOnly) }
        guard let key = selectedKey else { return .denied(.noKeyToRemove) }
        return policy.manageSSHKeys(ofRole: key.memberRole, isSelf: key.userID == user)
    }

    /// The panel one step back (adding or confirming -> the list), or nil when Esc should
    /// close it.
    func backingOut() -> SSHKeysPanel? {
        switch mode {
        case .list: return nil
        case .adding, .confirmingRemoval:
            var panel = self
            panel.mode = .list
            panel.error = nil
            return panel
        }
    }
}

/// What happens to the keys panel: opening it, and the store's answers.
public enum KeysAction: Sendable, Equatable {
    /// `:keys [EMAIL]`.
    case opened(email: String?)
    /// `K` on the Team tab: the selected member's keys.
    case memberKeysRequested
    case loaded(email: String?, Result<[SSHKeyRecord], DomainError>)
    case added(Result<SSHKeyRecord, DomainError>)
    case removed(Result<SSHKeyRecord, DomainError>)
}

/// The store calls the keys panel needs.
public enum KeysEffect: Sendable, Equatable {
    case load(email: String?)
    case add(email: String, line: String)
    case remove(fingerprint: String)
}
