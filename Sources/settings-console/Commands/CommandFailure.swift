import ArgumentParser
import Domain
import Foundation

/// A `DomainError` leaving the program: its message on stderr and its documented exit code.
struct CommandFailure: Error, CustomStringConvertible {
    let error: DomainError

    init(_ error: DomainError) { self.error = error }

    var description: String { error.userMessage }
}

/// Exit codes, in one table for `--help`, the README and the code alike.
enum ExitCodes {
    static let help = """
        Exit codes: 0 done; 1 unexpected failure; 3 denied; 4 not found; 5 conflict; \
        6 invalid input; 7 plan limit reached; 8 database unavailable; 9 login refused \
        (invalid credentials, locked account, unknown or unusable SSH key); 10 (health) an \
        integration is degraded or never checked; 11 (health) an integration is unhealthy; \
        64 usage error.
        """
}
