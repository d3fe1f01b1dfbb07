/// A tab in the tab bar: its title and the key that selects it.
public struct TabItem: Sendable, Hashable {
    public var title: String
    /// Shown before the title (`1`), so the shortcut is discoverable.
    public var keyHint: String

    public init(_ title: String, keyHint: String = "") {
        self.title = title
        self.keyHint = keyHint
    }
}

/// Draws the row of tabs, the active one highlighted, with optional text on the right.
public enum TabBarWidget {
    /// Draws `tabs` in the first row of `rect`; `trailing` (e.g. the workspace name) is
    /// right-aligned and dropped first when space runs out. On narrow screens the inactive tabs
    /// shrink to their key hints before anything is cut.
    public static func draw(
        _ tabs: [TabItem], active: Int, trailing: String = "", in rect: Rect,
        on canvas: inout Canvas
    ) {
        guard !rect.isEmpty else { return }
        canvas.within(rect.row(0)) { region in
            region.fill(style: Style(.tabBar))
            let full = tabs.map { label(for: $0, compact: false) }
            let compact = tabs.enumerated().map { index, tab in
                label(for: tab, compact: index != active)
            }
            let fullWidth = full.reduce(0) { $0 + DisplayWidth.of($1) } + max(0, tabs.count - 1)
            let labels = fullWidth <= rect.width ? full : compact
            var x = 0
            for (index, text) in labels.enumerated() {
                let style = index == active ? Style(.tabActive) : Style(.tabInactive)
                x += region.write(text, x: x, y: 0, style: style, maxWidth: rect.width - x)
                if index < labels.count - 1 {
                    x += region.write(" ", x: x, y: 0, style: Style(.tabBar))
                }
            }
            let trailingWidth = DisplayWidth.of(TerminalText.sanitize(trailing))
            if !trailing.isEmpty, x + 2 + trailingWidth <= rect.width {
                region.write(
                    trailing, x: rect.width - trailingWidth - 1, y: 0, style: Style(.tabBar))
            }
        }
    }

    /// ` 1 Team ` in full, ` 1 ` when compact (or the title when there is no key hint).
    private static func label(for tab: TabItem, compact: Bool) -> String {
        if tab.keyHint.isEmpty {
            return " \(tab.title) "
        }
        return compact ? " \(tab.keyHint) " : " \(tab.keyHint) \(tab.title) "
    }
}
