import Domain
import Foundation

/// Why nobody is logged in: printed once on stderr, then the process exits with `exitCode`.
/// Refusals end the program; no other way in is tried after one.
struct IdentityRefusal: Error, CustomStringConvertible {
    let message: String
    let exitCode: Int32

    init(_ message: String, exitCode: Int32) {
        self.message = message
        self.exitCode = exitCode
    }

    init(_ error: DomainError) {
        self.init(error.userMessage, exitCode: error.exitCode)
    }

    /// The SSH key identity failed: exit 9, like any other failed login.
    init(_ error: SSHAuthInfoError) {
        self.init("SSH login refused: \(error.description)", exitCode: 9)
    }

    /// A usage error (exit 64, as ArgumentParser uses).
    static func usage(_ message: String) -> IdentityRefusal {
        IdentityRefusal(message, exitCode: 64)
    }

    var description: String { message }

    func exit() -> Never {
        FileHandle.standardError.write(Data("settings-console: \(message)\n".utf8))
        Foundation.exit(exitCode)
    }
}
