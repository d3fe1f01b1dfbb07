import ViewModels

/// The login screen: a centred form with the email, the masked password and what went wrong.
/// A pure function of the state, like every screen.
public enum LoginScreen {
    /// Below this the screen shows "terminal too small" instead of a clipped form.
    public static let minimumSize = Size(width: 44, height: 14)
    static let preferredWidth = 64

    public static func render(_ state: LoginState, size: Size) -> Canvas {
        var canvas = Canvas(size: size)
        guard size.fits(minimumSize) else {
            drawTooSmall(on: &canvas)
            return canvas
        }
        let full = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let email = TextFieldModel(
            label: "Email", value: state.email,
            isFocused: state.focus == .email && !state.isSubmitting,
            placeholder: "name@example.com")
        let password = TextFieldModel(
            label: "Password", value: state.password.revealed,
            isFocused: state.focus == .password && !state.isSubmitting, isMasked: true)
        // The dialog's text width at this size (frame, borders and padding off), so a long
        // refusal wraps instead of losing its end.
        let textWidth = max(1, min(preferredWidth, size.width - 2) - 2 - 2 * DialogWidget.padding)
        let errorLines =
            state.error.map { TextLayout.wrap("✖ " + $0, width: textWidth).prefix(3) } ?? []
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
            hint: "Tab next field · Enter sign in · Esc quit", contentHeight: 3 + errorLines.count,
            preferredWidth: preferredWidth)
        let content = DialogWidget.draw(model, in: full, on: &canvas)
        guard !content.isEmpty else { return canvas }
        TextFieldWidget.draw(email, in: content.row(0), labelWidth: 9, on: &canvas)
        TextFieldWidget.draw(password, in: content.row(1), labelWidth: 9, on: &canvas)
        for (index, line) in errorLines.enumerated() where 3 + index < content.height {
            canvas.write(
                line, x: content.x, y: content.y + 3 + index, style: Style(.inputError),
                maxWidth: content.width)
        }
        return canvas
    }

    /// Like `TooSmallScreen`, but `q` is text here: only Esc leaves.
    private static func drawTooSmall(on canvas: inout Canvas) {
        let width = max(1, canvas.width)
        let lines =
            TextLayout.wrap(
                TooSmallScreen.message(required: minimumSize, actual: canvas.size), width: width)
            + [""] + TextLayout.wrap("resize the window, or press Esc to quit", width: width)
        let shown = lines.prefix(canvas.height)
        let top = max(0, (canvas.height - shown.count) / 2)
        for (index, line) in shown.enumerated() {
            canvas.write(
                line, x: 0, y: top + index, width: width, alignment: .center,
                style: Style(line.isEmpty ? .body : .title))
        }
    }
}
