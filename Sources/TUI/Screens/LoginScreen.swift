import ViewModels

/// The login screen: a centred form with the email, the masked password and what went wrong.
/// A pure function of the state, like every screen.
public enum LoginScreen {
    /// Below this the screen shows "terminal too small" instead of a clipped form.
    public static let minimumSize = Size(width: 44, height: 14)

    public static func render(_ state: LoginState, size: Size) -> Canvas {
        var canvas = Canvas(size: size)
        guard size.fits(minimumSize) else {
            TooSmallScreen.draw(required: minimumSize, on: &canvas)
            return canvas
        }
        let full = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let email = TextFieldModel(
            label: "Email", value: state.email, isFocused: state.focus == .email && !state.isSubmitting,
            placeholder: "name@example.com")
        let password = TextFieldModel(
            label: "Password", value: state.password,
            isFocused: state.focus == .password && !state.isSubmitting, isMasked: true)
        var body = ["Sign in to the settings console with your email and password."]
        if state.attempts > 0 {
            body.append("Five failed attempts within 15 minutes lock the account for 15 minutes.")
        }
        let model = DialogModel(
            title: "settings-console · sign in", body: body,
            buttons: [
                DialogButton(state.isSubmitting ? "Signing in…" : "Sign in", keyHint: "Enter"),
                DialogButton("Quit", keyHint: "Esc"),
            ],
            focusedButton: state.isSubmitting ? nil : 0,
            hint: "Tab next field · Enter sign in · Esc quit", contentHeight: 4, preferredWidth: 64)
        let content = DialogWidget.draw(model, in: full, on: &canvas)
        guard !content.isEmpty else { return canvas }
        TextFieldWidget.draw(email, in: content.row(0), labelWidth: 9, on: &canvas)
        TextFieldWidget.draw(password, in: content.row(1), labelWidth: 9, on: &canvas)
        if let error = state.error, content.height >= 4 {
            canvas.write("✖ " + error, x: content.x, y: content.y + 3, style: Style(.inputError), maxWidth: content.width)
        }
        return canvas
    }
}
