import Foundation
import Postgres
import Testing

@Suite struct PostgresTimestampTests {
    @Test(arguments: [
        ("2026-11-23 09:28:14+00", 1_795_426_094.0),
        ("2026-11-23 10:28:14+01", 1_795_426_094.0),
        ("2026-11-23 04:58:14-04:30", 1_795_426_094.0),
        ("2026-11-23 09:28:14.5+00", 1_795_426_094.5),
        ("1970-01-01", 0.0),
        ("2000-02-29 00:00:00+00", 951_782_400.0),
    ])
    func parsesServerText(text: String, epoch: Double) throws {
        let date = try #require(PostgresTimestamp.parse(text))
        #expect(date.timeIntervalSince1970 == epoch)
    }

    @Test(arguments: ["", "2026-13", "yesterday", "2026-11-23 09:28", "2026-11-23 09:28:14Z"])
    func rejectsMalformedText(text: String) {
        #expect(PostgresTimestamp.parse(text) == nil)
    }

    @Test func formatRoundTrips() throws {
        let date = Date(timeIntervalSince1970: 1_795_426_094.123456)
        let text = PostgresTimestamp.format(date)
        #expect(text == "2026-11-23 09:28:14.123456+00")
        let back = try #require(PostgresTimestamp.parse(text))
        #expect(abs(back.timeIntervalSince(date)) < 0.000_001)
    }
}
