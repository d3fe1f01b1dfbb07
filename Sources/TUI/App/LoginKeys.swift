import ViewModels

/// Keys of the login screen. Every printable key is text here, so `q` types a q; Esc and
/// Ctrl-C quit.
enum LoginKeys {
    static func action(for key: Key) -> LoginAction? {
        switch key {
        case .character(let character): return .typed(character)
        case .backspace, .delete: return .backspace
        case .control("u"): return .fieldCleared
        case .tab, .down: return .nextField
        case .backTab, .up: return .previousField
        case .enter: return .submitted
        case .escape, .control("c"): return .quitRequested
        case .left, .right, .pageUp, .pageDown, .home, .end, .resize, .function, .control, .unknown:
            return nil
        }
    }
}
