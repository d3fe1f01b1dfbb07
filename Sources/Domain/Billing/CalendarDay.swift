import Foundation
import Postgres

/// A date without a time of day (`DATE` columns: billing cycle, next billing date).
///
/// Kept apart from `Date` on purpose: a `DATE` read as midnight UTC and shown in a
/// timezone west of Greenwich would print as the day before.
public struct CalendarDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses PostgreSQL's ISO `YYYY-MM-DD`; nil for anything else.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The UTC calendar day of an instant.
    public init(_ instant: Date) {
        let days = Int((instant.timeIntervalSince1970 / 86_400).rounded(.down))
        let (year, month, day) = CivilCalendar.civil(epochDay: days)
        self.init(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01, for day arithmetic.
    public var epochDay: Int { CivilCalendar.epochDay(year: year, month: month, day: day) }

    /// `other - self` in whole days.
    public func days(until other: CalendarDay) -> Int { other.epochDay - epochDay }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        lhs.epochDay < rhs.epochDay
    }
}
