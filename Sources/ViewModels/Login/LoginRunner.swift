import Domain

/// Runs the login screen's effect: the password check inside PostgreSQL (bcrypt, lockout and
/// the `auth.login` / `auth.failed` audit rows all happen there).
public struct LoginRunner: Sendable {
    private let authenticator: Authenticator
    private let workspace: String?

    public init(authenticator: Authenticator, workspace: String? = nil) {
        self.authenticator = authenticator
        self.workspace = workspace
    }

    public func run(_ effect: LoginEffect) async -> LoginAction {
        switch effect {
        case .authenticate(let email, let password):
            do {
                let session = try await authenticator.login(
                    email: email, password: password, workspace: workspace, method: "password")
                return .loginFinished(.success(session))
            } catch {
                return .loginFinished(.failure(error))
            }
        }
    }
}
