import Domain
import Postgres
import Testing

/// Every `DomainError` case with the words people read and the exit code scripts see.
@Suite struct DomainErrorTableTests {
    /// The cases by name. `kind(of:)` has no default, so a new `DomainError` case does not
    /// compile until it is named here, and a new name does not compile until it has a row.
    enum Kind: CaseIterable {
        case forbidden, notFound, conflict, limitReached, invalid, unavailable
        case invalidCredentials, locked, unknownKey, keyNotVouched
    }

    static func kind(of error: DomainError) -> Kind {
        switch error {
        case .forbidden: return .forbidden
        case .notFound: return .notFound
        case .conflict: return .conflict
        case .limitReached: return .limitReached
        case .invalid: return .invalid
        case .unavailable: return .unavailable
        case .invalidCredentials: return .invalidCredentials
        case .locked: return .locked
        case .unknownKey: return .unknownKey
        case .keyNotVouched: return .keyNotVouched
        }
    }

    struct Row {
        let error: DomainError
        let message: String
        let kind: ExitKind
        let code: Int32
    }

    /// An example of each case, its words and its exit code.
    static func row(_ kind: Kind) -> Row {
        switch kind {
        case .forbidden:
            return Row(
                error: .forbidden(reason: "Only owners can change the plan"),
                message: "Not allowed: Only owners can change the plan", kind: .denied, code: 3)
        case .notFound:
            return Row(
                error: .notFound(what: "no member with email x@example.com"),
                message: "Not found: no member with email x@example.com", kind: .notFound,
                code: 4)
        case .conflict:
            return Row(
                error: .conflict(reason: "that already exists"),
                message: "Conflict: that already exists", kind: .conflict, code: 5)
        case .limitReached:
            return Row(
                error: .limitReached(reason: "every seat of the plan is taken"),
                message: "Plan limit reached: every seat of the plan is taken",
                kind: .limitReached, code: 7)
        case .invalid:
            return Row(
                error: .invalid(field: "email", reason: "must contain @"),
                message: "Invalid email: must contain @", kind: .invalid, code: 6)
        case .unavailable:
            return Row(
                error: .unavailable(reason: "the connection to PostgreSQL was lost; try again"),
                message: "Database unavailable: the connection to PostgreSQL was lost; try again",
                kind: .unavailable, code: 8)
        case .invalidCredentials:
            return Row(
                error: .invalidCredentials, message: "Invalid credentials", kind: .loginRefused,
                code: 9)
        case .locked:
            return Row(
                error: .locked(reason: "too many failed attempts; try again in 15 minutes"),
                message: "Account locked: too many failed attempts; try again in 15 minutes",
                kind: .loginRefused, code: 9)
        case .unknownKey:
            return Row(
                error: .unknownKey(fingerprint: "SHA256:abc"),
                message:
                    "This SSH key is not registered with any active member (SHA256:abc); ask an "
                    + "owner or admin to add it with `settings-console keys add`",
                kind: .loginRefused, code: 9)
        case .keyNotVouched:
            return Row(
                error: .keyNotVouched(
                    reason:
                        "this SSH key was added by admin@example.com, who as admin cannot vouch "
                        + "for your owner role here; add your own key or ask an owner"),
                message:
                    "SSH key refused: this SSH key was added by admin@example.com, who as admin "
                    + "cannot vouch for your owner role here; add your own key or ask an owner",
                kind: .loginRefused, code: 9)
        }
    }

    @Test(arguments: Kind.allCases)
    func wordingAndExitCode(_ kind: Kind) {
        let row = Self.row(kind)
        #expect(Self.kind(of: row.error) == kind, "the row's example is of its own case")
        #expect(row.error.userMessage == row.message)
        #expect(row.error.description == row.message)
        #expect(row.error.exitKind == row.kind)
        #expect(row.error.exitCode == row.code)
    }

    @Test func aConnectionThatNeverOpenedSaysWhatLibpqSaid() {
        let libpq = """
            connection to server on socket "/srv/pg/.s.PGSQL.5432" failed: No such file or directory
            \tIs the server running locally and accepting connections on that socket?
            """
        let error = DomainError.from(PostgresError(kind: .connectionFailed, serverMessage: libpq))
        #expect(
            error.userMessage
                == "Database unavailable: could not connect to PostgreSQL: connection to server on "
                + "socket \"/srv/pg/.s.PGSQL.5432\" failed: No such file or directory Is the "
                + "server running locally and accepting connections on that socket?")
        #expect(error.exitCode == 8)
    }

    @Test func aConnectionThatBrokeSaysItWasLost() {
        let error = DomainError.from(
            PostgresError(
                kind: .connectionLost, serverMessage: "server closed the connection unexpectedly"))
        #expect(
            error.userMessage
                == "Database unavailable: the connection to PostgreSQL was lost; try again")
        #expect(error.exitCode == 8)
    }

    @Test(arguments: [
        "host=/nonexistent/sc-socket port=5999 user=u dbname=d password=hunter2",
        "postgres://u:hunter2@127.0.0.1:1/db",
    ])
    func aRealFailedConnectionSaysWhereAndWhyWithoutThePassword(_ conninfo: String) throws {
        let failure = #expect(throws: PostgresError.self) {
            try PostgresConnection(conninfo: conninfo)
        }
        let error = DomainError.from(try #require(failure))
        let message = error.userMessage
        #expect(message.hasPrefix("Database unavailable: could not connect to PostgreSQL: "))
        #expect(
            message.contains("\"/nonexistent/sc-socket/.s.PGSQL.5999\" failed: No such file")
                || message.contains("\"127.0.0.1\", port 1 failed: Connection refused"),
            "\(message)")
        #expect(!message.contains("hunter2"))
    }
}
