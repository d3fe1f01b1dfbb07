import Foundation

/// Parses and formats PostgreSQL's ISO text forms of `timestamptz` and `date`.
///
/// Written against the server's output format (DateStyle ISO) rather than a locale-dependent
/// formatter, so results do not depend on the machine's settings.
public enum PostgresTimestamp {
    /// Formats a date as `YYYY-MM-DD HH:MM:SS.ffffff+00`.
    public static func format(_ date: Date) -> String {
        let totalMicros = (date.timeIntervalSince1970 * 1_000_000).rounded()
        let seconds = Int64((totalMicros / 1_000_000).rounded(.down))
        let micros = Int64(totalMicros) - seconds * 1_000_000
        let (y, mo, d, h, mi, s) = civil(fromEpochSeconds: seconds)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d.%06lld+00", y, mo, d, h, mi, s, micros)
    }

    /// Parses `YYYY-MM-DD HH:MM:SS[.ffffff][+HH[:MM[:SS]]]`, or a bare `YYYY-MM-DD` (midnight UTC).
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let byte = bytes[index + offset]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += count
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45),
            let day = number(2)
        else { return nil }
        var seconds = epochSeconds(year: year, month: month, day: day)
        if index == bytes.count { return Date(timeIntervalSince1970: Double(seconds)) }
        guard expect(32) || expect(84), let hour = number(2), expect(58), let minute = number(2),
            expect(58), let second = number(2)
        else { return nil }
        seconds += Int64(hour * 3600 + minute * 60 + second)
        var fraction = 0.0
        if expect(46) {
            var scale = 0.1
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        if index < bytes.count {
            let sign: Int64
            if expect(43) { sign = 1 } else if expect(45) { sign = -1 } else { return nil }
            guard let offsetHours = number(2) else { return nil }
            var offset = Int64(offsetHours * 3600)
            if expect(58), let offsetMinutes = number(2) {
                offset += Int64(offsetMinutes * 60)
                if expect(58), let offsetSeconds = number(2) { offset += Int64(offsetSeconds) }
            }
            seconds -= sign * offset
        }
        guard index == bytes.count else { return nil }
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    static func epochSeconds(year: Int, month: Int, day: Int) -> Int64 {
        Int64(CivilCalendar.epochDay(year: year, month: month, day: day)) * 86400
    }

    static func civil(fromEpochSeconds seconds: Int64) -> (Int, Int, Int, Int, Int, Int) {
        let days = Int((Double(seconds) / 86400).rounded(.down))
        let secondOfDay = Int(seconds - Int64(days) * 86400)
        let (year, month, day) = CivilCalendar.civil(epochDay: days)
        return (year, month, day, secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60)
    }
}
