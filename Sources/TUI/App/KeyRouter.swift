import ViewModels

/// Turns a key into an action, depending on what has the keyboard: the command line, the
/// search prompt, an open dialog, or the current view's key map.
struct KeyRouter {
    func action(for key: Key, in state: AppState) -> AppAction? {
        if let text = state.commandLine {
            return edit(
                text, key, changed: AppAction.commandLineEdited, submit: .commandLineSubmitted)
        }
        if let draft = state.team.searchDraft {
            return edit(
                draft, key, changed: { .team(.searchEdited($0)) }, submit: .team(.searchFinished))
        }
        if let dialog = state.dialog {
            return dialogAction(for: key, dialog: dialog)
        }
        return ConsoleKeys.dispatch(for: state).action(for: key)
    }

    /// The key's action on a screen of `size`: help scrolls to a line clamped to what the
    /// screen holds; every other key as `action(for:in:)`.
    func action(for key: Key, in state: AppState, size: Size) -> AppAction? {
        if let lines = helpScroll(for: key, in: state) {
            let limit = ConsoleScreen.helpScrollLimit(state, size)
            return .helpScrolled(to: min(limit, max(0, min(state.helpScroll, limit) + lines)))
        }
        return action(for: key, in: state)
    }

    /// Lines to scroll the help overlay for `key` while it is open (j/k, arrows, pages), or
    /// nil.
    func helpScroll(for key: Key, in state: AppState) -> Int? {
        guard state.dialog == .help, state.commandLine == nil else { return nil }
        switch key {
        case .down, .character("j"): return 1
        case .up, .character("k"): return -1
        case .pageDown, .character(" "), .control("f"): return 10
        case .pageUp, .control("u"): return -10
        case .home, .character("g"): return -10_000
        case .end, .character("G"): return 10_000
        default: return nil
        }
    }

    private func edit(
        _ text: String, _ key: Key, changed: (String) -> AppAction, submit: AppAction
    ) -> AppAction? {
        switch key {
        case .character(let character): return changed(text + String(character))
        case .backspace, .delete:
            return text.isEmpty ? .escapePressed : changed(String(text.dropLast()))
        case .enter: return submit
        case .escape: return .escapePressed
        case .control("c"): return .escapePressed
        case .control("u"): return changed("")
        default: return nil
        }
    }

    private func dialogAction(for key: Key, dialog: Dialog) -> AppAction? {
        if dialog == .help {
            switch key {
            case .escape, .enter, .character("?"), .character("q"): return .escapePressed
            default: return nil
            }
        }
        switch key {
        case .escape, .control("c"): return .escapePressed
        case .enter: return .dialogInput(.submit)
        case .tab: return .dialogInput(.nextField)
        case .backTab: return .dialogInput(.previousField)
        case .left, .up: return .dialogInput(.choiceMoved(-1))
        case .right, .down: return .dialogInput(.choiceMoved(1))
        case .backspace, .delete: return .dialogInput(.backspace)
        case .character(let character): return .dialogInput(.typed(character))
        default: return nil
        }
    }
}
