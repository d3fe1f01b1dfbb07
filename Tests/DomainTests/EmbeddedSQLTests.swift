import Domain
import Foundation
import Testing

/// The binary carries `sql/` compiled in (scripts/embed-sql.py); this fails when someone edits
/// a SQL file and forgets `make embed`, so the shipped schema is always the reviewed one.
@Suite struct EmbeddedSQLTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    private func read(_ path: String) throws -> String {
        try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func migrationsMatchTheFilesInSQL() throws {
        let directory = Self.root.appendingPathComponent("sql/migrations")
        let ups = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.hasSuffix(".up.sql")
        }.sorted()
        #expect(
            ups.count == Migration.shipped.count,
            "run `make embed`: sql/migrations has \(ups.count) migrations")
        for (file, migration) in zip(ups, Migration.shipped) {
            #expect(file.hasPrefix(String(format: "%04d_", migration.version)))
            #expect(
                try read("sql/migrations/" + file) == migration.up,
                "\(file) differs from the embedded copy")
            let down = file.replacingOccurrences(of: ".up.sql", with: ".down.sql")
            #expect(
                try read("sql/migrations/" + down) == migration.down,
                "\(down) differs from the embedded copy")
        }
    }

    @Test func seedAndVerificationsMatchTheirFiles() throws {
        #expect(try read("sql/seed/demo.sql") == DemoSeed.sql)
        for verification in Verification.shipped {
            #expect(try read("sql/verify/\(verification.name).sql") == verification.sql)
            #expect(try read("sql/verify/\(verification.name).expected") == verification.expected)
        }
        #expect(!Verification.shipped.isEmpty)
    }
}
