import Testing

@testable import Postgres

/// libpq's account of a failed connection is shown to people, so no password given in the
/// conninfo may survive in it, also when libpq could not parse the conninfo and quotes it back.
@Suite struct ConninfoPasswordsTests {
    @Test(arguments: [
        ("host=/nonexistent/sc-socket port=1 password=hunter2", "No such file or directory"),
        ("postgres://u:hunter2@127.0.0.1:1/db", "Connection refused"),
        ("postgresql://u@/db?host=/nonexistent/sc&port=1&password=hunter2", "No such file"),
        ("postgres://u:hunter2@[::1/db", "IPv6 host address in URI: \"postgres://u:********@[::1"),
        ("postgres://u:hun%zzter2@localhost/db", "invalid percent-encoded token: \"********\""),
    ])
    func libpqsWordsWithoutThePassword(_ conninfo: String, _ libpqSaid: String) throws {
        let error = try #require(
            #expect(throws: PostgresError.self) { try PostgresConnection(conninfo: conninfo) })
        #expect(error.kind == .connectionFailed)
        #expect(error.serverMessage.contains(libpqSaid), "\(error.serverMessage)")
        #expect(!error.serverMessage.contains("hunter2"), "\(error.serverMessage)")
        #expect(!error.serverMessage.contains("zzter2"), "\(error.serverMessage)")
    }

    @Test func everySpellingIsFoundLongestFirst() {
        #expect(
            ConninfoPasswords.find(in: "host=db password='a b\\'c' user=u") == ["a b\\'c", "a b'c"])
        #expect(ConninfoPasswords.find(in: "postgres://u:p%40ss@db/x") == ["p%40ss", "p@ss"])
        #expect(ConninfoPasswords.find(in: "postgres://u:hunter2@[::1/db") == ["hunter2"])
        #expect(ConninfoPasswords.find(in: "host=db", overrides: ["s3cret"]) == ["s3cret"])
        #expect(ConninfoPasswords.find(in: "host=db user=u").isEmpty)
    }

    @Test func redactingReplacesEveryOccurrence() {
        #expect(
            ConninfoPasswords.redact("a hunter2 b hunter2", passwords: ["hunter2"])
                == "a ******** b ********")
    }
}
