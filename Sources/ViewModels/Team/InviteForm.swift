import Domain

/// The invite form: email and role, validated as the user types. What was typed survives a
/// refusal from the server, which shows as `serverError` under the form.
public struct InviteForm: Sendable, Equatable {
    public enum Field: Sendable, Equatable { case email, role }

    public var email = ""
    public var role: Role = .member
    public var focus: Field = .email
    public var isSubmitting = false
    public var serverError: String?
    /// Roles the actor may grant; the picker offers only these.
    public let grantableRoles: [Role]

    public init(grantableRoles: [Role]) {
        self.grantableRoles = grantableRoles
        if !grantableRoles.contains(role), let first = grantableRoles.last { role = first }
    }

    /// The live validation message for the email field, nil when it is fine (or still empty).
    public var emailError: String? {
        guard !email.isEmpty else { return nil }
        do {
            _ = try EmailAddress(email)
            return nil
        } catch {
            if case .invalid(_, let reason) = error { return reason }
            return error.userMessage
        }
    }

    public var canSubmit: Bool { !email.isEmpty && emailError == nil && !isSubmitting }

    /// How long the link works, as the form tells the inviter: "7 days", from the token's
    /// real lifetime (`InvitationReceipt.lifetime`, which the store gives the invitation).
    public static var linkLifetime: String {
        let days = Int((InvitationReceipt.lifetime / 86_400).rounded())
        return days == 1 ? "1 day" : "\(days) days"
    }

    /// Longest email the field accepts as typed input.
    static let maximumInput = EmailAddress.maximumLength
}
