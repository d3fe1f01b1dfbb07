import Foundation
import Postgres

extension DomainError {
    /// Turns whatever a transaction threw into a `DomainError`. Raw server text never reaches
    /// users (statements' errors can echo values); the one exception is libpq's account of a
    /// connection that could not be opened, which names no data and is what a DBA needs.
    public static func from(_ error: any Error) -> DomainError {
        if let domain = error as? DomainError { return domain }
        guard let postgres = error as? PostgresError else {
            return .unavailable(reason: "unexpected failure")
        }
        switch postgres.kind {
        case .connectionFailed:
            // What a DBA needs: the host or socket and the cause, in libpq's own words (the
            // connection already took any password out of them).
            return .unavailable(
                reason: "could not connect to PostgreSQL: \(oneLine(postgres.serverMessage))")
        case .connectionLost:
            return .unavailable(reason: "the connection to PostgreSQL was lost; try again")
        case .server, .unexpectedResult:
            break
        }
        let message = postgres.serverMessage
        if let invariant = InvariantViolation(sqlState: postgres.sqlState)
            ?? InvariantViolation(serverMessage: message)
        {
            return invariant.domainError
        }
        switch postgres.sqlState ?? "" {
        case "42501":
            // The guard triggers word their refusals for people after "forbidden: ".
            if message.hasPrefix("forbidden: ") {
                let reason = message.dropFirst("forbidden: ".count)
                return .forbidden(reason: reason.prefix(1).uppercased() + reason.dropFirst())
            }
            return .forbidden(reason: "the database refused this for your role")
        case "23505":
            return .conflict(reason: "that already exists")
        case "57014":
            // statement_timeout (QueryTimeouts) or a cancel; the transaction rolled back.
            return .unavailable(
                reason:
                    "the database took too long to answer and the statement was cancelled; nothing was changed, try again"
            )
        case "55P03":
            // lock_timeout: another session held what this change needed.
            return .unavailable(
                reason:
                    "another change held the data too long (lock timeout); nothing was changed, try again"
            )
        case "40001", "40P01":
            return .conflict(reason: "another change happened at the same time; try again")
        case "22023" where message.hasPrefix("url_secret: "):
            return .invalid(field: "url", reason: IntegrationValidation.urlSecretReason)
        case let code where code.hasPrefix("22"):
            return .invalid(field: "input", reason: "the database rejected a value")
        case let code where code.hasPrefix("23"):
            return .conflict(reason: "the change breaks a rule of the data (\(code))")
        default:
            return .unavailable(reason: "unexpected database error \(postgres.sqlState ?? "")")
        }
    }
}

/// libpq's message on one line: it puts a hint on a second, tab-indented line.
private func oneLine(_ message: String) -> String {
    message.split(whereSeparator: \.isNewline)
        .map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
        .joined(separator: " ")
}

/// The invariants the database's own triggers enforce (sql/migrations/0003_security.up.sql),
/// recognised by their SQLSTATE (SC001-SC004) or message prefix.
enum InvariantViolation: String {
    case lastOwner = "last_owner"
    case seatLimit = "seat_limit"
    case integrationLimit = "integration_limit"
    case apiKeyLimit = "api_key_limit"

    init?(sqlState: String?) {
        switch sqlState {
        case "SC001": self = .lastOwner
        case "SC002": self = .seatLimit
        case "SC003": self = .integrationLimit
        case "SC004": self = .apiKeyLimit
        default: return nil
        }
    }

    init?(serverMessage: String) {
        guard let colon = serverMessage.firstIndex(of: ":"),
            let violation = InvariantViolation(rawValue: String(serverMessage[..<colon]))
        else { return nil }
        self = violation
    }

    var domainError: DomainError {
        switch self {
        case .lastOwner: return .forbidden(reason: "A workspace needs at least one owner")
        case .seatLimit: return .limitReached(reason: "every seat of the plan is taken")
        case .integrationLimit:
            return .limitReached(reason: "the plan allows no more integrations")
        case .apiKeyLimit: return .limitReached(reason: "the plan allows no more API keys")
        }
    }
}
