import Domain

/// The one dialog open over the current view, if any. `Esc` closes every kind.
public enum Dialog: Sendable, Equatable {
    case confirm(Confirmation)
    case invite(InviteForm)
    case rolePicker(RolePicker)
    /// The new token, shown exactly once.
    case invitationCreated(InvitationReceipt)
    case help
    case planPicker(PlanPicker)
    case integrationForm(IntegrationForm)
    case workspacePicker(WorkspacePicker)
    /// SSH keys of a member (or of every member), with add and remove.
    case sshKeys(SSHKeysPanel)
}

/// "Are you sure?" - and for the worst actions, "type the email to confirm".
public struct Confirmation: Sendable, Equatable {
    public let title: String
    public let message: String
    public let confirmLabel: String
    public let effect: Effect
    /// When set, the confirm button works only once this exact text is typed.
    public let requiredText: String?
    /// What `requiredText` is, as the hint and the refusal name it ("the email", "the name").
    public let requiredWhat: String
    /// Drawn as a warning (remove, cancel); a harmless confirmation (resume) is not.
    public let isDestructive: Bool
    public var typed: String = ""

    public init(
        title: String, message: String, confirmLabel: String, effect: Effect,
        requiredText: String? = nil,
        requiredWhat: String = "the email", isDestructive: Bool = true
    ) {
        self.title = title
        self.message = message
        self.confirmLabel = confirmLabel
        self.effect = effect
        self.requiredText = requiredText
        self.requiredWhat = requiredWhat
        self.isDestructive = isDestructive
    }

    public var canConfirm: Bool { requiredText.map { typed == $0 } ?? true }
}

/// Picking a member's new role.
public struct RolePicker: Sendable, Equatable {
    public let member: MemberSnapshot
    public var choice: Role
    public let activeOwners: Int

    public init(member: MemberSnapshot, activeOwners: Int) {
        self.member = member
        self.choice = member.role
        self.activeOwners = activeOwners
    }
}

/// Keys a dialog receives once it is open.
public enum DialogInput: Sendable, Equatable {
    case typed(Character)
    case backspace
    case nextField
    case previousField
    case choiceMoved(Int)
    case submit
}
