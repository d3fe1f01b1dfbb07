/// Colours and attributes for one role, as the terminal will draw them.
public struct ResolvedStyle: Sendable, Hashable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var attributes: TextAttributes

    public init(
        foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
        attributes: TextAttributes = []
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// A complete mapping from every `StyleRole` to colours and attributes.
///
/// Built by `ThemeLoader` from a YAML file; code never picks colours itself, it asks the theme
/// to resolve the role a widget drew with.
public struct Theme: Sendable, Equatable {
    /// The theme's name (its file name without `.yaml`).
    public let name: String
    private let styles: [StyleRole: ResolvedStyle]

    /// A theme with `styles`; a role left out copies its `StyleRole.fallback`, ending at `body`
    /// (plain terminal colours when `body` is missing too).
    public init(name: String, styles: [StyleRole: ResolvedStyle]) {
        self.name = name
        var complete: [StyleRole: ResolvedStyle] = [:]
        for role in StyleRole.allCases {
            var current: StyleRole? = role
            var found: ResolvedStyle?
            while let candidate = current, found == nil {
                found = styles[candidate]
                current = candidate.fallback
            }
            complete[role] = found ?? ResolvedStyle()
        }
        self.styles = complete
    }

    /// The colours and attributes of `role`.
    public func style(for role: StyleRole) -> ResolvedStyle {
        styles[role] ?? ResolvedStyle()
    }

    /// What a cell drawn with `style` looks like: its role's look plus the style's own attributes.
    public func resolve(_ style: Style) -> ResolvedStyle {
        var resolved = self.style(for: style.role)
        resolved.attributes.formUnion(style.attributes)
        return resolved
    }

    /// Whether any role uses the terminal's default colours, which needs `use_default_colors`.
    public var usesTerminalDefault: Bool {
        styles.values.contains {
            $0.foreground == .terminalDefault || $0.background == .terminalDefault
        }
    }

    /// The theme with every colour replaced by the nearest one the terminal can show.
    public func adapted(to depth: ColorDepth) -> Theme {
        var mapped: [StyleRole: ResolvedStyle] = [:]
        for (role, style) in styles {
            mapped[role] = ResolvedStyle(
                foreground: depth.nearest(to: style.foreground),
                background: depth.nearest(to: style.background), attributes: style.attributes)
        }
        return Theme(name: name, styles: mapped)
    }

    /// Plain terminal colours with attributes only; used if even the shipped default fails to
    /// load, so the console can always start.
    public static let minimal = Theme(
        name: "minimal",
        styles: [
            .body: ResolvedStyle(),
            .dim: ResolvedStyle(attributes: .dim),
            .title: ResolvedStyle(attributes: .bold),
            .header: ResolvedStyle(attributes: [.bold, .underline]),
            .selection: ResolvedStyle(attributes: .reverse),
            .statusBar: ResolvedStyle(attributes: .reverse),
            .badge: ResolvedStyle(attributes: [.reverse, .bold]),
            .flashError: ResolvedStyle(attributes: [.bold, .reverse]),
            .disabled: ResolvedStyle(attributes: .dim),
            .gaugeCritical: ResolvedStyle(attributes: .bold),
            .key: ResolvedStyle(attributes: .bold),
        ])
}
