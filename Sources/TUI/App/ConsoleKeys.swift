import ViewModels

/// The console's key maps: one per view, generated help, and the reasons behind dimmed keys.
///
/// The same `KeyMap` dispatches keys and lists them in help, so help never lies; in read-only
/// mode the write bindings are removed from the map, not just hidden.
public enum ConsoleKeys {
    /// Keys that work in every view. Ctrl-A, Ctrl-B and Ctrl-D are left alone (tmux/screen).
    static let global: [KeyBinding<AppAction>] = [
        KeyBinding(
            .character("1"), action: .tabSelected(.team), description: "Team", section: "Views"),
        KeyBinding(
            .character("2"), action: .tabSelected(.billing), description: "Billing",
            section: "Views"),
        KeyBinding(
            .character("3"), action: .tabSelected(.integrations), description: "Integrations",
            section: "Views"),
        KeyBinding(
            .character("A"), action: .tabSelected(.audit), description: "Audit log",
            section: "Views"),
        KeyBinding(.tab, action: .nextTab, description: "Next tab", section: "Views"),
        KeyBinding(.backTab, action: .previousTab, description: "Previous tab", section: "Views"),
        KeyBinding(
            [.down, .character("j")], action: .moved(1), label: "j/↓", description: "Down",
            section: "Move"),
        KeyBinding(
            [.up, .character("k")], action: .moved(-1), label: "k/↑", description: "Up",
            section: "Move"),
        KeyBinding(
            [.pageDown, .control("f")], action: .moved(20), label: "PgDn", description: "Page down",
            section: "Move"),
        KeyBinding(
            [.pageUp, .control("u")], action: .moved(-20), label: "PgUp", description: "Page up",
            section: "Move"),
        KeyBinding(
            [.character("g"), .home], action: .movedToTop, label: "g/Home",
            description: "First row", section: "Move"),
        KeyBinding(
            [.character("G"), .end], action: .movedToBottom, label: "G/End",
            description: "Last row", section: "Move"),
        KeyBinding(
            [.character("r"), .control("r")], action: .refreshRequested, label: "r",
            description: "Refresh now", section: "General"),
        KeyBinding(
            .character("w"), action: .workspace(.pickerRequested), description: "Switch workspace",
            section: "General"),
        KeyBinding(
            .character(":"), action: .commandLineOpened,
            description: "Command line (:team, :invite EMAIL ROLE, :q)", section: "General"),
        KeyBinding(
            .character("?"), action: .helpToggled, description: "This help", section: "General"),
        KeyBinding(
            .escape, action: .escapePressed, label: "Esc", description: "Close / back",
            section: "General"),
        KeyBinding(
            .character("q"), action: .quitRequested, description: "Quit", section: "General"),
        KeyBinding(
            .control("c"), action: .quitRequested, description: "Quit", section: "General",
            isHiddenFromHelp: true),
    ]

    static let team: [KeyBinding<AppAction>] = [
        KeyBinding(
            .character("i"), action: .team(.command(.invite)), description: "Invite a member",
            isWrite: true, section: "Members"),
        KeyBinding(
            .character("c"), action: .team(.command(.changeRole)), description: "Change role",
            isWrite: true, section: "Members"),
        KeyBinding(
            .character("d"), action: .team(.command(.deactivate)), description: "Deactivate",
            isWrite: true, section: "Members"),
        KeyBinding(
            .character("a"), action: .team(.command(.reactivate)), description: "Reactivate",
            isWrite: true, section: "Members"),
        KeyBinding(
            [.character("X"), .delete], action: .team(.command(.remove)), label: "X/Del",
            description: "Remove", isWrite: true, section: "Members"),
        KeyBinding(
            .character("s"), action: .team(.command(.resend)), description: "Resend invitation",
            isWrite: true, section: "Members"),
        KeyBinding(
            .character("x"), action: .team(.command(.revoke)), description: "Revoke invitation",
            isWrite: true, section: "Members"),
        KeyBinding(
            .character("/"), action: .team(.searchStarted), description: "Search name or email",
            section: "Find"),
        KeyBinding(
            .character("f"), action: .team(.statusFilterCycled), description: "Filter by status",
            section: "Find"),
        KeyBinding(
            .character("F"), action: .team(.roleFilterCycled), description: "Filter by role",
            section: "Find"),
        KeyBinding(
            .character("N"), action: .team(.sortRequested(.name)), description: "Sort by name",
            section: "Sort"),
        KeyBinding(
            .character("E"), action: .team(.sortRequested(.email)), description: "Sort by email",
            section: "Sort"),
        KeyBinding(
            .character("O"), action: .team(.sortRequested(.role)), description: "Sort by role",
            section: "Sort"),
        KeyBinding(
            .character("S"), action: .team(.sortRequested(.status)), description: "Sort by status",
            section: "Sort"),
        KeyBinding(
            .character("L"), action: .team(.sortRequested(.lastActive)),
            description: "Sort by last active", section: "Sort"),
        KeyBinding(
            .character("J"), action: .team(.sortRequested(.joined)), description: "Sort by joined",
            section: "Sort"),
        KeyBinding(
            .character("K"), action: .keys(.memberKeysRequested),
            description: "SSH keys of the member", section: "SSH keys"),
    ]

    static let integrations: [KeyBinding<AppAction>] = [
        KeyBinding(
            .enter, action: .integration(.openSelected), description: "Open details",
            section: "Integrations"),
        KeyBinding(
            .character("a"), action: .integration(.command(.add)), description: "Add integration",
            isWrite: true, section: "Integrations"),
        KeyBinding(
            .character("e"), action: .integration(.command(.edit)), description: "Edit",
            isWrite: true, section: "Integrations"),
        KeyBinding(
            .character(" "), action: .integration(.command(.toggle)),
            description: "Enable / disable", isWrite: true, section: "Integrations"),
        KeyBinding(
            .character("t"), action: .integration(.command(.test)),
            description: "Send a test event",
            isWrite: true, section: "Integrations"),
        KeyBinding(
            [.character("X"), .delete], action: .integration(.command(.remove)), label: "X/Del",
            description: "Remove", isWrite: true, section: "Integrations"),
    ]

    static let billing: [KeyBinding<AppAction>] = [
        KeyBinding(
            .character("p"), action: .billing(.command(.changePlan)), description: "Change plan",
            isWrite: true, section: "Billing"),
        KeyBinding(
            .character("c"), action: .billing(.command(.cancel)),
            description: "Cancel at period end", isWrite: true, section: "Billing"),
        KeyBinding(
            .character("u"), action: .billing(.command(.resume)), description: "Resume plan",
            isWrite: true, section: "Billing"),
    ]

    /// The key map of the view the state shows, as help and the message line list it: in
    /// read-only mode without the write keys.
    public static func map(for state: AppState) -> KeyMap<AppAction> {
        state.readOnly ? dispatch(for: state).readOnly : dispatch(for: state)
    }

    /// The keys that act in the view the state shows: its own keys first, then the global
    /// ones. Write keys stay even in read-only mode, where the view-model answers them with
    /// the read-only reason instead of nothing happening.
    static func dispatch(for state: AppState) -> KeyMap<AppAction> {
        let own: [KeyBinding<AppAction>]
        switch state.tab {
        case .team: own = team
        case .billing: own = billing
        case .integrations:
            // Enter opens a row; in the detail view there is nothing to open.
            own =
                state.integrations.detail == nil
                ? integrations : integrations.filter { $0.keys != [.enter] }
        case .audit: own = []
        }
        return KeyMap(own).followed(by: KeyMap(global))
    }

    /// Help lines for the current view.
    public static func help(for state: AppState) -> [HelpItem] {
        map(for: state).helpItems { state.disabledReason($0) }
    }
}
