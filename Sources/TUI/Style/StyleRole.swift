/// What a piece of text means on screen; themes map each role to colours and attributes.
///
/// Code asks only for roles, never for colours, so a theme can restyle everything and
/// `NO_COLOR` can fall back to attributes. The raw value is the key used in theme files.
public enum StyleRole: String, CaseIterable, Sendable, Hashable, Comparable {
    /// Ordinary text and the screen background.
    case body
    /// Secondary text: hints, counts, timestamps.
    case dim
    /// Screen and section titles.
    case title
    /// Frames and separators drawn around panels.
    case border
    /// The tab of the current screen.
    case tabActive = "tab.active"
    /// The other tabs.
    case tabInactive = "tab.inactive"
    /// The tab bar's background between and after tabs.
    case tabBar = "tab.bar"
    /// Table column headings.
    case header
    /// The column a table is sorted by, including its ▲/▼ indicator.
    case headerSorted = "header.sorted"
    /// The selected table row or list item.
    case selection
    /// The status line's background and plain segments.
    case statusBar = "status.bar"
    /// An emphasised status segment (user and role, connection state).
    case statusAccent = "status.accent"
    /// Badges such as READ-ONLY.
    case badge
    /// A flash message that informs.
    case flashInfo = "flash.info"
    /// A flash message that warns.
    case flashWarn = "flash.warn"
    /// A flash message reporting a failure or a refusal.
    case flashError = "flash.error"
    /// A gauge's filled part below 80%.
    case gaugeOK = "gauge.ok"
    /// A gauge's filled part from 80% ("approaching limit").
    case gaugeWarn = "gauge.warn"
    /// A gauge's filled part at 100% and above.
    case gaugeCritical = "gauge.critical"
    /// A gauge's unfilled part.
    case gaugeTrack = "gauge.track"
    /// An integration that is healthy.
    case healthHealthy = "health.healthy"
    /// An integration that is degraded.
    case healthDegraded = "health.degraded"
    /// An integration that is unhealthy.
    case healthUnhealthy = "health.unhealthy"
    /// An integration whose health is unknown.
    case healthUnknown = "health.unknown"
    /// Actions the user may not take and disabled rows, still shown so the reason can be given.
    case disabled
    /// The frame of a dialog or overlay.
    case dialogBorder = "dialog.border"
    /// The title set in a dialog's frame.
    case dialogTitle = "dialog.title"
    /// The inside of a dialog.
    case dialogBody = "dialog.body"
    /// A dialog button that does not have focus.
    case button
    /// The dialog button that Enter would press.
    case buttonFocused = "button.focused"
    /// A form field's text.
    case input
    /// The form field being edited.
    case inputFocused = "input.focused"
    /// The text cursor inside the field being edited.
    case cursor
    /// A field's validation message.
    case inputError = "input.error"
    /// A form field's label.
    case label
    /// Key names in help and hints (`q`, `Enter`).
    case key
    /// A banner that informs (e.g. trialing).
    case bannerInfo = "banner.info"
    /// A banner that warns (e.g. cancellation requested).
    case bannerWarn = "banner.warn"
    /// A banner about something wrong (e.g. past due).
    case bannerError = "banner.error"

    /// The role whose style fills in keys a theme leaves out; `nil` only for `body`.
    ///
    /// Chains end at `body`, so a theme that sets only `body` still draws everything.
    public var fallback: StyleRole? {
        switch self {
        case .body: return nil
        case .tabActive, .buttonFocused, .cursor: return .selection
        case .tabInactive: return .tabBar
        case .headerSorted: return .header
        case .statusAccent: return .statusBar
        case .flashWarn: return .flashInfo
        case .flashError: return .flashWarn
        case .dialogBorder: return .border
        case .dialogTitle: return .title
        case .button: return .dialogBody
        case .inputFocused: return .input
        case .inputError: return .flashError
        case .bannerInfo: return .flashInfo
        case .bannerWarn: return .flashWarn
        case .bannerError: return .flashError
        case .dim, .title, .border, .tabBar, .header, .selection, .statusBar, .badge, .flashInfo,
            .gaugeOK, .gaugeWarn, .gaugeCritical, .gaugeTrack, .healthHealthy, .healthDegraded,
            .healthUnhealthy, .healthUnknown, .disabled, .dialogBody, .input, .label, .key:
            return .body
        }
    }

    public static func < (lhs: StyleRole, rhs: StyleRole) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
