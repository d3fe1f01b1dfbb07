import ViewModels

/// The line above the status bar: the command line or search prompt while typing, else the
/// flash message, else key hints for the current view.
enum MessageLine {
    static func draw(_ state: AppState, in rect: Rect, on canvas: inout Canvas) {
        if let text = state.commandLine {
            prompt(":", text, in: rect, on: &canvas)
            return
        }
        if let draft = state.team.searchDraft, state.tab == .team {
            prompt("/", draft, in: rect, on: &canvas)
            return
        }
        if let flash = state.flash {
            FlashWidget.draw(flash.text, severity: severity(flash.level), in: rect, on: &canvas)
            return
        }
        hints(state, in: rect, on: &canvas)
    }

    static func severity(_ level: Flash.Level) -> Severity {
        switch level {
        case .info: return .info
        case .warning: return .warning
        case .error: return .error
        }
    }

    private static func prompt(
        _ sigil: String, _ text: String, in rect: Rect, on canvas: inout Canvas
    ) {
        canvas.within(rect) { region in
            region.write(sigil, x: 0, y: 0, style: Style(.key))
            let width = region.write(
                text, x: 1, y: 0, style: Style(.input), maxWidth: rect.width - 2)
            region.write(" ", x: 1 + width, y: 0, style: Style(.cursor))
        }
    }

    /// `i invite  c role  ...` for the view's own keys; unavailable ones dimmed.
    private static func hints(_ state: AppState, in rect: Rect, on canvas: inout Canvas) {
        let items = ConsoleKeys.help(for: state).filter {
            $0.section != "Move" && $0.section != "Views"
        }
        canvas.within(rect) { region in
            var x = 1
            for item in items.prefix(9) {
                let text = "\(item.keyLabel) \(item.description.lowercased())"
                guard x + DisplayWidth.of(text) + 2 <= rect.width else { break }
                region.write(
                    item.keyLabel, x: x, y: 0, style: Style(item.isEnabled ? .key : .disabled))
                let labelWidth = DisplayWidth.of(TerminalText.sanitize(item.keyLabel))
                region.write(
                    " " + item.description.lowercased(), x: x + labelWidth, y: 0,
                    style: Style(item.isEnabled ? .dim : .disabled))
                x += DisplayWidth.of(text) + 2
            }
        }
    }
}
