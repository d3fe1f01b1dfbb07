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

    /// No way in applies: a usage error, or for a verb with no identity an invalid `user`.
    init(_ refusal: IdentityPlan.Refusal) {
        if refusal.isUsage {
            self.init(.usage, .untrusted(refusal.message))
        } else {
            self.init(DomainError.invalid(field: "user", reason: refusal.message))
        }
    }

    /// A forced command that may not run over SSH: a usage error naming what may.
    init(_ refusal: ForcedCommand.Refusal) {
        self.init(.usage, .untrusted(refusal.message))
    }
}
