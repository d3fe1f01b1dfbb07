import Foundation

/// Short relative times for lists ("4m ago"), as a pure function of the date and now.
public enum RelativeTime {
    /// `date` relative to `now`: `just now`, `4m ago`, `2h ago`, `3d ago`, `5mo ago`, `2y ago`,
    /// or `in 4m` for dates in the future.
    public static func format(_ date: Date, now: Date) -> String {
        let seconds = now.timeIntervalSince(date)
        let magnitude = abs(seconds)
        if magnitude < 60 {
            return "just now"
        }
        let amount: String
        switch magnitude {
        case ..<3_600:
            amount = "\(Int(magnitude / 60))m"
        case ..<86_400:
            amount = "\(Int(magnitude / 3_600))h"
        case ..<(30 * 86_400):
            amount = "\(Int(magnitude / 86_400))d"
        case ..<(365 * 86_400):
            amount = "\(Int(magnitude / (30 * 86_400)))mo"
        default:
            amount = "\(Int(magnitude / (365 * 86_400)))y"
        }
        return seconds >= 0 ? "\(amount) ago" : "in \(amount)"
    }
}

/// Absolute times for detail views, deterministic regardless of the process locale.
public enum AbsoluteTime {
    /// `2025-03-04 14:05 UTC`, or with the zone's offset (`2025-03-04 16:05 +02:00`).
    public static func format(_ date: Date, timeZone: TimeZone = .gmt) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let offset = timeZone.secondsFromGMT(for: date)
        let zone: String
        if offset == 0 {
            zone = "UTC"
        } else {
            let sign = offset < 0 ? "-" : "+"
            zone = sign + twoDigits(abs(offset) / 3_600) + ":" + twoDigits(abs(offset) % 3_600 / 60)
        }
        let day = "\(parts.year ?? 0)-\(twoDigits(parts.month ?? 0))-\(twoDigits(parts.day ?? 0))"
        return "\(day) \(twoDigits(parts.hour ?? 0)):\(twoDigits(parts.minute ?? 0)) \(zone)"
    }

    /// Just the date part, `2025-03-04`, for billing cycles and renewal dates.
    public static func formatDay(_ date: Date, timeZone: TimeZone = .gmt) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return "\(parts.year ?? 0)-\(twoDigits(parts.month ?? 0))-\(twoDigits(parts.day ?? 0))"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
