/// A plain-text credential (token, API key, DSN) on its way to being sealed.
///
/// Write-only by design: its descriptions are redacted so it cannot reach a log, an error
/// message or a debugger dump by accident; only `CredentialSealer` reads `plaintext`.
public struct CredentialSecret: Sendable, Equatable, CustomStringConvertible,
    CustomDebugStringConvertible, CustomReflectable
{
    /// Secrets larger than this are refused: integration tokens are short, and a bound on
    /// size keeps a pasted file from being stored as a "token".
    public static let maximumBytes = 16 * 1024

    let plaintext: String

    public init(_ plaintext: String) { self.plaintext = plaintext }

    /// The secret text, for the code that delivers events with it. Never display it.
    public func reveal() -> String { plaintext }

    public var description: String { "CredentialSecret(redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
