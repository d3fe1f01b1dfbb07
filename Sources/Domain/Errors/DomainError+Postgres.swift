import Foundation
import Postgres

extension DomainError {
    /// Turns whatever a transaction threw into a `DomainError`. Raw server text never reaches
    /// users (statements' errors can echo values); the one exception is libpq's account of a
    /// connection that could not be opened, which names no data and is what a DBA needs.
    public static func from(_ error: any Error) -> DomainError {
        if let domain = error as? DomainError { return domain }
        guard let postgres = error as? PostgresError else {
            return DomainError(.unexpectedFailure)
        }
        switch postgres.kind {
        case .connectionFailed:
            // What a DBA needs: the host or socket and the cause, in libpq's own words (the
            // connection already took any password out of them).
            return DomainError(.cannotConnect(detail: oneLine(postgres.serverMessage)))
        case .connectionLost:
            return DomainError(.connectionLost)
        case .commitUnconfirmed:
            // Never "try again": the change may be saved already; callers re-read instead.
            return DomainError(.changeUnconfirmed)
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
            return DomainError(.databaseRefusedRole)
        case "23505":
            return DomainError(.alreadyExists)
        case "57014":
            // statement_timeout (QueryTimeouts) or a cancel; the transaction rolled back.
            return DomainError(.statementTimeout)
        case "55P03":
            // lock_timeout: another session held what this change needed.
            return DomainError(.lockTimeout)
        case "40001", "40P01":
            return DomainError(.concurrentChange)
        case "22023" where message.hasPrefix("url_secret: "):
            return DomainError(.urlCarriesSecret)
        case let code where code.hasPrefix("22"):
            return DomainError(.databaseRejectedValue)
        case let code where code.hasPrefix("23"):
            return DomainError(.breaksDataRule(sqlState: code))
        default:
            return DomainError(.unexpectedDatabaseError(sqlState: postgres.sqlState ?? ""))
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
        case .lastOwner: return .forbidden(reason: Denial.lastOwner.text)
        case .seatLimit: return DomainError(.seatLimit)
        case .integrationLimit: return DomainError(.integrationLimit)
        case .apiKeyLimit: return DomainError(.apiKeyLimit)
        }
    }
}
