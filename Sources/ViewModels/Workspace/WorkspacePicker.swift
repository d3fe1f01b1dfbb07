import Domain

/// The workspace switcher: every workspace the user is an active member of, with their role
/// in each; Enter switches to the highlighted one.
public struct WorkspacePicker: Sendable, Equatable {
    public let memberships: [WorkspaceMembership]
    /// The workspace the console shows now, marked in the list.
    public let current: WorkspaceID
    public var selected: Int

    public init(memberships: [WorkspaceMembership], current: WorkspaceID) {
        self.memberships = memberships
        self.current = current
        selected = memberships.firstIndex { $0.workspaceID == current } ?? 0
    }

    public var selectedMembership: WorkspaceMembership? {
        memberships.indices.contains(selected) ? memberships[selected] : nil
    }

    mutating func move(_ step: Int) {
        guard !memberships.isEmpty else { return }
        selected = (selected + step % memberships.count + memberships.count) % memberships.count
    }

    /// Jumps to the next workspace (after the highlighted one) whose name starts with
    /// `character`, so typing a letter repeatedly walks through the matches.
    mutating func jump(to character: Character) {
        let wanted = character.lowercased()
        let count = memberships.count
        for offset in 1...max(1, count) {
            let index = (selected + offset) % max(1, count)
            if memberships.indices.contains(index),
                memberships[index].name.lowercased().hasPrefix(wanted)
            {
                selected = index
                return
            }
        }
    }
}

/// The workspace switcher's intents and the store's answers.
public enum WorkspaceAction: Sendable, Equatable {
    /// `w` or `:workspace` without a name.
    case pickerRequested
    case listLoaded(Result<[WorkspaceMembership], DomainError>)
    /// The session for the chosen workspace, or why there is none.
    case switched(Result<Session, DomainError>)
}

/// The workspace switcher's reads, and the switch itself.
public enum WorkspaceEffect: Sendable, Equatable {
    /// The workspaces the user belongs to, for the switcher.
    case loadList
    /// Opens a session in the workspace named (or identified by) the text.
    case switchTo(String)
}
