/// The command line's exit codes, one row each: `--help` and the README print this table, and
/// every failure exits with one of its codes, so the documentation cannot drift from the code.
public enum ExitKind: Int32, CaseIterable, Sendable {
    case done = 0
    case unexpected = 1
    case denied = 3
    case notFound = 4
    case conflict = 5
    case invalid = 6
    case limitReached = 7
    case unavailable = 8
    case loginRefused = 9
    /// `health`: an enabled integration is degraded or was never checked.
    case healthDegraded = 10
    /// `health`: an enabled integration is unhealthy.
    case healthUnhealthy = 11
    case usage = 64

    public var code: Int32 { rawValue }

    /// What the code means, as `--help` lists it.
    public var meaning: String {
        switch self {
        case .done: return "done"
        case .unexpected: return "unexpected failure"
        case .denied: return "denied"
        case .notFound: return "not found"
        case .conflict: return "conflict"
        case .invalid: return "invalid input"
        case .limitReached: return "plan limit reached"
        case .unavailable: return "database unavailable"
        case .loginRefused:
            return
                "login refused (invalid credentials, locked account, unknown or unusable SSH key)"
        case .healthDegraded:
            return "(health) an enabled integration is degraded or never checked"
        case .healthUnhealthy: return "(health) an enabled integration is unhealthy"
        case .usage: return "usage error"
        }
    }

    /// The table as one sentence, for `--help` and the README.
    public static var summary: String {
        "Exit codes: " + allCases.map { "\($0.code) \($0.meaning)" }.joined(separator: "; ") + "."
    }
}

extension DomainError {
    /// Which row of the exit-code table this failure leaves by; one line per case.
    public var exitKind: ExitKind {
        switch self {
        case .forbidden: return .denied
        case .notFound: return .notFound
        case .conflict: return .conflict
        case .invalid: return .invalid
        case .limitReached: return .limitReached
        case .unavailable: return .unavailable
        case .invalidCredentials: return .loginRefused
        case .locked: return .loginRefused
        case .unknownKey, .keyNotVouched: return .loginRefused
        }
    }

    /// Process exit code for the command line.
    public var exitCode: Int32 { exitKind.code }
}
