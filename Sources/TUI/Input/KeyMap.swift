/// One entry of a key map: the keys, what they do, and how help describes them.
public struct KeyBinding<Action: Sendable>: Sendable {
    /// Keys that trigger the action; the first is the one help shows first.
    public var keys: [Key]
    public var action: Action
    /// How help shows the keys, e.g. `j/↓`; defaults to the keys' labels joined by `/`.
    public var label: String
    /// What the action does, as help says it: "Invite a member".
    public var description: String
    /// Whether the action changes data; write bindings disappear in read-only mode.
    public var isWrite: Bool
    /// A heading help groups the binding under ("Navigation", "Members").
    public var section: String
    /// Left out of help (aliases such as Ctrl-C for quit); still dispatched.
    public var isHiddenFromHelp: Bool

    public init(
        _ keys: [Key], action: Action, label: String? = nil, description: String,
        isWrite: Bool = false, section: String = "", isHiddenFromHelp: Bool = false
    ) {
        self.keys = keys
        self.action = action
        self.label = label ?? keys.map(\.label).joined(separator: "/")
        self.description = description
        self.isWrite = isWrite
        self.section = section
        self.isHiddenFromHelp = isHiddenFromHelp
    }

    public init(
        _ key: Key, action: Action, label: String? = nil, description: String,
        isWrite: Bool = false, section: String = "", isHiddenFromHelp: Bool = false
    ) {
        self.init(
            [key], action: action, label: label, description: description, isWrite: isWrite,
            section: section, isHiddenFromHelp: isHiddenFromHelp)
    }
}

/// One line of the help overlay, generated from a key map so help never lies.
public struct HelpItem: Sendable, Hashable {
    public var keyLabel: String
    public var description: String
    /// False when the current user may not take the action; it is still listed, dimmed.
    public var isEnabled: Bool
    /// Why the action is unavailable ("Only owners can change the plan").
    public var disabledReason: String?
    public var section: String

    public init(
        keyLabel: String, description: String, isEnabled: Bool = true,
        disabledReason: String? = nil, section: String = ""
    ) {
        self.keyLabel = keyLabel
        self.description = description
        self.isEnabled = isEnabled
        self.disabledReason = disabledReason
        self.section = section
    }
}

/// The keys of one view: dispatches key presses and generates that view's help.
///
/// The same value answers "what does this key do" and "what does help list", so help cannot
/// drift from behaviour. In read-only mode `readOnly` removes write bindings from what help
/// lists; the console still dispatches them, and the view-model answers with the reason.
public struct KeyMap<Action: Sendable>: Sendable {
    public private(set) var bindings: [KeyBinding<Action>]

    public init(_ bindings: [KeyBinding<Action>] = []) {
        self.bindings = bindings
    }

    /// The first binding that includes `key`.
    public func binding(for key: Key) -> KeyBinding<Action>? {
        bindings.first { $0.keys.contains(key) }
    }

    /// The action `key` triggers, if any.
    public func action(for key: Key) -> Action? {
        binding(for: key)?.action
    }

    /// This map without write bindings, for `--readonly`.
    public var readOnly: KeyMap<Action> {
        KeyMap(bindings.filter { !$0.isWrite })
    }

    /// This map followed by `other`; on a shared key this map's binding wins (view keys before
    /// global ones).
    public func followed(by other: KeyMap<Action>) -> KeyMap<Action> {
        KeyMap(bindings + other.bindings)
    }

    /// Keys bound more than once; the later bindings of such keys are unreachable.
    public var shadowedKeys: [Key] {
        var seen: Set<Key> = []
        var shadowed: [Key] = []
        for binding in bindings {
            for key in binding.keys where !seen.insert(key).inserted {
                shadowed.append(key)
            }
        }
        return shadowed
    }

    /// Help lines in binding order; `disabledReason` asks the policy about each action.
    public func helpItems(disabledReason: (Action) -> String? = { _ in nil }) -> [HelpItem] {
        bindings.filter { !$0.isHiddenFromHelp }.map { binding in
            let reason = disabledReason(binding.action)
            return HelpItem(
                keyLabel: binding.label, description: binding.description, isEnabled: reason == nil,
                disabledReason: reason, section: binding.section)
        }
    }
}
