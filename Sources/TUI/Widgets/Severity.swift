/// How serious a flash message or banner is.
public enum Severity: Sendable, Hashable, CaseIterable {
    case info
    case warning
    case error

    /// A symbol before the text, so severity reads without colour.
    public var symbol: String {
        switch self {
        case .info: return "ℹ"
        case .warning: return "▲"
        case .error: return "✖"
        }
    }

    public var flashRole: StyleRole {
        switch self {
        case .info: return .flashInfo
        case .warning: return .flashWarn
        case .error: return .flashError
        }
    }

    public var bannerRole: StyleRole {
        switch self {
        case .info: return .bannerInfo
        case .warning: return .bannerWarn
        case .error: return .bannerError
        }
    }
}
