import ViewModels

/// The add/edit integration form: one row per field with its error underneath, a note about
/// the focused field, and the server's refusal at the bottom. Credentials are drawn masked
/// and never pre-filled: stored ones read "configured".
enum IntegrationFormDialog {
    static let labelWidth = 12

    static func draw(_ form: IntegrationForm, in area: Rect, on canvas: inout Canvas) {
        let rows = self.rows(form)
        var height = rows.reduce(0) { $0 + $1.height } + 2
        if form.serverError != nil { height += 2 }
        let title = form.isAdding ? "Add integration" : "Edit \(form.type.title) integration"
        let action = form.isAdding ? "Add" : "Save"
        let model = DialogModel(
            title: title,
            buttons: [
                DialogButton(form.isSubmitting ? "Saving…" : action, keyHint: "Enter"),
                DialogButton("Cancel", keyHint: "Esc"),
            ],
            focusedButton: form.canSubmit ? 0 : nil,
            hint:
                "Tab next field · \(form.isAdding ? "←/→ type · " : "")Enter \(action.lowercased()) · Esc cancel",
            contentHeight: height, preferredWidth: 76)
        let content = DialogWidget.draw(model, in: area, on: &canvas)
        guard !content.isEmpty else { return }
        var y = content.y
        for row in rows where y < content.maxY {
            let rect = Rect(
                x: content.x, y: y, width: content.width, height: min(row.height, content.maxY - y))
            switch row {
            case .type:
                drawType(form, in: rect, on: &canvas)
            case .text(let field):
                TextFieldWidget.draw(field, in: rect, labelWidth: labelWidth, on: &canvas)
            }
            y += row.height
        }
        y += 1
        if y < content.maxY {
            canvas.write(
                note(form), x: content.x, y: y, style: Style(.dim), maxWidth: content.width)
        }
        y += 2
        if let error = form.serverError, y < content.maxY {
            canvas.write(
                "✖ " + error, x: content.x, y: y, style: Style(.inputError), maxWidth: content.width
            )
        }
    }

    enum Row {
        case type
        case text(TextFieldModel)

        var height: Int {
            switch self {
            case .type: return 1
            case .text(let field): return TextFieldWidget.height(of: field)
            }
        }
    }

    /// The form's rows in Tab order.
    static func rows(_ form: IntegrationForm) -> [Row] {
        var rows: [Row] = [.type]
        func field(
            _ label: String, _ value: String, _ which: IntegrationForm.Field, placeholder: String,
            masked: Bool = false
        )
            -> Row
        {
            .text(
                // A field without focus shows the start of its text, not the end.
                TextFieldModel(
                    label: label, value: value, cursor: form.focus == which ? nil : 0,
                    isFocused: form.focus == which, isMasked: masked,
                    placeholder: placeholder, error: form.error(for: which)))
        }
        rows.append(field("Name", form.name, .name, placeholder: "what on-call will recognise"))
        for setting in form.settings {
            rows.append(
                field(
                    setting.label, form.value(of: setting), .setting(setting.key),
                    placeholder: setting.placeholder))
        }
        rows.append(field("More config", form.configText, .config, placeholder: "{} (JSON object)"))
        rows.append(
            field(
                "Rate limit", form.rateLimitText, .rateLimit,
                placeholder: "none (events per minute)"))
        rows.append(
            field(
                "Credentials", form.credentials, .credentials,
                placeholder: credentialsPlaceholder(form), masked: true))
        return rows
    }

    static func credentialsPlaceholder(_ form: IntegrationForm) -> String {
        if form.credentialsUnavailable != nil { return "unavailable: no credentials key set" }
        return form.hasStoredCredentials ? "configured (type to replace)" : "none"
    }

    /// `Type         ◀ Webhook ▶` when adding; the fixed type when editing.
    static func drawType(_ form: IntegrationForm, in rect: Rect, on canvas: inout Canvas) {
        canvas.write(
            "Type", x: rect.x, y: rect.y, width: labelWidth, alignment: .left, style: Style(.label))
        let x = rect.x + labelWidth + 1
        guard form.isAdding else {
            canvas.write(
                "\(form.type.title) (a type cannot change)", x: x, y: rect.y, style: Style(.dim),
                maxWidth: rect.maxX - x)
            return
        }
        let focused = form.focus == .type
        let width = canvas.write(
            "◀ \(form.type.title) ▶", x: x, y: rect.y,
            style: focused ? Style(.selection) : Style(.input, .bold),
            maxWidth: rect.maxX - x)
        let others = IntegrationType.allCases.map(\.rawValue).joined(separator: " ")
        canvas.write(
            "  " + others, x: x + width, y: rect.y, style: Style(.dim),
            maxWidth: rect.maxX - x - width)
    }

    /// One line about the focused field: what it takes and what happens to it.
    static func note(_ form: IntegrationForm) -> String {
        switch form.focus {
        case .type:
            return "The kind of integration; it cannot change once added."
        case .name:
            return "Unique per type; shown in the health list and in alerts."
        case .setting(let key):
            return "Stored as \"\(key)\" in the configuration."
        case .config:
            return "Other settings as a JSON object, e.g. {\"timeout_ms\": 5000}. No secrets here."
        case .rateLimit:
            let range = IntegrationDraft.rateLimitRange
            return
                "Events per minute, \(range.lowerBound) to \(NumberText.grouped(range.upperBound)); empty for no limit."
        case .credentials:
            if let reason = form.credentialsUnavailable {
                return "Credentials cannot be entered: \(reason)"
            }
            return form.hasStoredCredentials
                ? "Stored credentials are kept unless you type new ones. Sealed; never shown again."
                : "A token or key; sealed (AES-256-GCM) and never shown again."
        }
    }
}
