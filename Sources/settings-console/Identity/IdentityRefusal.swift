import Domain

/// Why nobody is logged in: a `CommandFailure` like any other, printed once on stderr, then
/// the process exits with its code. Refusals end the program; no other way in is tried after
/// one.
typealias IdentityRefusal = CommandFailure

extension CommandFailure {
    /// The SSH key identity failed: exit 9, like any other failed login.
    init(_ error: SSHAuthInfoError) {
        self.init(.loginRefused, "SSH login refused: \(error.description)")
    }
}
