import Domain

/// The login screen: email and password, which field has the keyboard, and what went wrong.
///
/// What was typed as the email survives a refusal; the password never does. The lockout
/// itself lives in the database (five failures in 15 minutes), so restarting the program
/// does not reset it and this state only reports it.
public struct LoginState: Sendable, Equatable {
    public enum Field: Sendable, Equatable { case email, password }

    public var email = ""
    public var password: Secret = ""
    public var focus: Field = .email
    /// The last refusal, as users read it ("Invalid credentials", the lockout).
    public var error: String?
    /// Failed attempts in this process (the database counts across processes).
    public var attempts = 0
    public var isSubmitting = false
    /// Set when the login succeeded; the runtime then opens the console with it.
    public var session: Session?
    public var isQuitting = false

    /// Longest inputs accepted from the keyboard (the authenticator refuses longer anyway).
    public static let maximumEmail = EmailAddress.maximumLength
    public static let maximumPassword = 1024

    public init(email: String = "") {
        self.email = email
        if !email.isEmpty { focus = .password }
    }

    /// Whether the runtime should stop: logged in, or the user gave up.
    public var isFinished: Bool { session != nil || isQuitting }
}

/// What happens on the login screen.
public enum LoginAction: Sendable, Equatable {
    case typed(Character)
    case backspace
    /// Ctrl-U: empty the focused field.
    case fieldCleared
    case nextField
    case previousField
    case submitted
    case quitRequested
    case loginFinished(Result<Session, DomainError>)
}

/// The only work the login screen asks for.
public enum LoginEffect: Sendable, Equatable {
    case authenticate(email: String, password: Secret)
}
