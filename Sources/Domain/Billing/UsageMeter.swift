/// How much of one plan limit is used: the figures behind a usage gauge.
public struct UsageMeter: Sendable, Equatable, Codable {
    public let used: Int
    /// `nil` means unlimited.
    public let limit: Int?

    public init(used: Int, limit: Int?) {
        self.used = used
        self.limit = limit
    }

    /// How the gauge should read; thresholds from UX.md (amber from 80%, red from 100%).
    public enum Level: String, Sendable, Equatable, Codable {
        case normal, approaching, exceeded, unlimited
    }

    /// Percent of the limit used (may pass 100); `nil` when unlimited.
    public var percent: Double? {
        guard let limit else { return nil }
        guard limit > 0 else { return used > 0 ? 100 : 0 }
        return Double(used) * 100 / Double(limit)
    }

    public var level: Level {
        guard let percent else { return .unlimited }
        if percent >= 100 { return .exceeded }
        if percent >= 80 { return .approaching }
        return .normal
    }

    /// Whether `used` fits within `limit` (a plan change must not leave any meter over).
    public func fits(within newLimit: Int?) -> Bool {
        guard let newLimit else { return true }
        return used <= newLimit
    }

    /// "650,000 / 1,000,000 (65%)" or "4 / unlimited", readable without colour.
    public var summary: String {
        guard let limit, let percent else { return "\(Count.grouped(used)) / unlimited" }
        return "\(Count.grouped(used)) / \(Count.grouped(limit)) (\(Int(percent.rounded(.down)))%)"
    }
}

/// Locale-independent number text for messages ("26 seats", "1,000,000 traces").
enum Count {
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// "1 seat", "26 seats".
    static func noun(_ value: Int, _ singular: String, _ plural: String) -> String {
        "\(grouped(value)) \(value == 1 ? singular : plural)"
    }
}
