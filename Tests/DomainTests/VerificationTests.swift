import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// The seeds' verification queries (sql/verify) on a freshly seeded database give exactly the
/// documented output: 3 tables, 17/32/23 columns, 6 team rows, the role distribution, the
/// professional plan at 65.00%, the four integrations.
@Suite struct VerificationTests {
    /// psql -A's unaligned output: the header and each row joined by `|`, NULL as empty.
    static func unaligned(_ result: PostgresResult) -> String {
        let lines =
            [result.columns.names.joined(separator: "|")]
            + result.rows.map { $0.values.map { $0 ?? "" }.joined(separator: "|") }
        return lines.joined(separator: "\n")
    }

    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func everyShippedQueryIsThere() {
        let names = Verification.shipped.map(\.name)
        #expect(names.count >= 7, "\(names)")
        #expect(Verification.shipped.allSatisfy { !Self.trimmed($0.expected).isEmpty })
    }

    @Test func everyQueryGivesItsExpectedOutput() async throws {
        let database = try await TestDatabase.make(.seeded)
        let client = database.adminClient()
        for verification in Verification.shipped {
            let result = try await client.query(verification.sql)
            #expect(
                Self.unaligned(result) == Self.trimmed(verification.expected),
                "\(verification.name)")
        }
    }

    @Test func theSeedsNumbersAreTheDocumentedOnes() {
        let all = Verification.shipped.map(\.expected).joined(separator: "\n")
        #expect(all.contains("team_members|6"))
        #expect(all.contains("professional|650000|1000000|65.00"))
        #expect(all.contains("team_members|17"))
    }
}
