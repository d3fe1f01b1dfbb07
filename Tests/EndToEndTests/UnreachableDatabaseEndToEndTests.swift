import Foundation
import Testing

/// A database that cannot be reached: every verb exits 8, says what libpq said, and never
/// prints the password it was given.
@Suite("the binary on an unreachable database")
struct UnreachableDatabaseEndToEndTests {
    static let missingSocket =
        "host=/nonexistent/sc-socket port=5999 user=someone dbname=x password=hunter2"
    static let refusedURI = "postgres://u:hunter2@127.0.0.1:1/db"

    func run(_ arguments: [String], database: String) throws -> ProcessRun {
        try ProcessRun.run(
            [Binary.path] + arguments + ["--database", database], input: "pw\n",
            environment: [
                "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8",
            ])
    }

    @Test(arguments: [
        ["migrate"], ["seed"], ["team", "list", "--user", "a@b.c", "--password-stdin"],
    ])
    func aMissingSocketExitsEightAndNamesIt(_ verb: [String]) throws {
        let result = try run(verb, database: Self.missingSocket)
        #expect(result.status == 8, "\(verb): \(result.stderr)")
        #expect(result.stderr.contains("could not connect"), "\(result.stderr)")
        #expect(result.stderr.contains("/nonexistent/sc-socket"), "\(result.stderr)")
        #expect(result.stderr.contains("No such file or directory"), "\(result.stderr)")
        #expect(!result.stderr.contains("was lost"), "it never connected: \(result.stderr)")
        #expect(!(result.stdout + result.stderr).contains("hunter2"))
    }

    @Test(arguments: [
        ["migrate"], ["seed"], ["team", "list", "--user", "a@b.c", "--password-stdin"],
    ])
    func aRefusedHostExitsEightWithoutThePassword(_ verb: [String]) throws {
        let result = try run(verb, database: Self.refusedURI)
        #expect(result.status == 8, "\(verb): \(result.stderr)")
        #expect(result.stderr.contains("127.0.0.1"), "\(result.stderr)")
        #expect(result.stderr.contains("Connection refused"), "\(result.stderr)")
        #expect(!(result.stdout + result.stderr).contains("hunter2"))
    }

    @Test func aMalformedURIIsReportedWithoutThePassword() throws {
        let result = try run(["migrate"], database: "postgres://u:hunter2@[::1/db")
        #expect(result.status == 8, "\(result.stderr)")
        #expect(result.stderr.contains("IPv6"), "libpq's own words: \(result.stderr)")
        #expect(!(result.stdout + result.stderr).contains("hunter2"), "\(result.stderr)")
    }
}
