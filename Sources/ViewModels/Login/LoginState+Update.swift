import Domain
import Foundation

extension LoginState {
    /// Applies `action`; returns the effect to run, if any. Pure, so every step of a login is
    /// a plain unit test.
    public mutating func update(_ action: LoginAction) -> [LoginEffect] {
        switch action {
        case .typed(let character):
            guard !isSubmitting else { return [] }
            switch focus {
            case .email:
                if email.count < Self.maximumEmail { email.append(character) }
            case .password:
                if password.count < Self.maximumPassword { password.append(character) }
            }
            return []
        case .backspace:
            guard !isSubmitting else { return [] }
            switch focus {
            case .email: if !email.isEmpty { email.removeLast() }
            case .password: if !password.isEmpty { password.removeLast() }
            }
            return []
        case .fieldCleared:
            guard !isSubmitting else { return [] }
            switch focus {
            case .email: email = ""
            case .password: password = ""
            }
            return []
        case .nextField, .previousField:
            focus = focus == .email ? .password : .email
            return []
        case .submitted:
            return submit()
        case .quitRequested:
            isQuitting = true
            password = ""
            return []
        case .loginFinished(let result):
            return finish(result)
        }
    }

    /// Enter on the email field moves on to the password, as every login form does; on the
    /// password field it signs in once both are filled.
    private mutating func submit() -> [LoginEffect] {
        guard !isSubmitting else { return [] }
        let trimmed = email.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            focus = .email
            error = "Enter your email address"
            return []
        }
        guard !password.isEmpty else {
            if focus == .password { error = "Enter your password" }
            focus = .password
            return []
        }
        isSubmitting = true
        error = nil
        return [.authenticate(email: trimmed, password: password)]
    }

    private mutating func finish(_ result: Result<Session, DomainError>) -> [LoginEffect] {
        isSubmitting = false
        switch result {
        case .success(let session):
            self.session = session
            password = ""
            error = nil
        case .failure(let failure):
            switch failure {
            case .invalidCredentials, .locked, .unknownKey, .keyNotVouched:
                attempts += 1
                password = ""
                focus = .password
            case .forbidden, .notFound, .conflict, .limitReached, .invalid, .unavailable:
                // Not a verdict on the password (the database was away): keep it for a retry.
                break
            }
            error = failure.userMessage
        }
        return []
    }
}
