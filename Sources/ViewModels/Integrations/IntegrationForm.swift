import Domain
import Foundation

/// The add/edit form for an integration: type, name, the type's key settings, the rest of
/// the configuration as JSON, a rate limit and write-only credentials.
///
/// Every field is checked as it is typed with the store's own validation, and what was typed
/// survives a refusal from the server (shown as `serverError`). Credentials are never shown:
/// stored ones read "configured" and are kept unless something new is typed.
public struct IntegrationForm: Sendable, Equatable {
    public enum Mode: Sendable, Equatable {
        case add
        case edit(IntegrationID, expected: RowVersion)
    }

    public enum Field: Sendable, Hashable {
        case type, name, setting(String), config, rateLimit, credentials
    }

    public let mode: Mode
    public private(set) var type: IntegrationType
    public private(set) var name = ""
    /// Text typed for the type's settings, by config key; kept when the type changes so
    /// switching back loses nothing.
    public private(set) var settingValues: [String: String] = [:]
    /// The configuration beyond the settings fields, as a JSON object ("" means `{}`).
    public private(set) var configText = ""
    /// Events per minute; "" means no limit.
    public private(set) var rateLimitText = ""
    /// New credentials as typed. Drawn masked; empty keeps what is stored.
    public private(set) var credentials = ""
    /// Whether credentials are stored now (shown as "configured").
    public let hasStoredCredentials: Bool
    /// Why credentials cannot be entered here (no sealing key); nil when they can.
    public let credentialsUnavailable: String?
    /// Set when someone typed into the credentials field while it is unavailable.
    public private(set) var credentialsRefused = false
    public var focus: Field
    public var isSubmitting = false
    public var serverError: String?
    /// After a refused submit, empty required fields show their error too.
    public var showsAllErrors = false
    // Kept as stored: the form does not edit these.
    let enabled: Bool
    let eventFilters: JSONValue
    let retryConfig: JSONValue?

    /// Longest text each field accepts as typed.
    static let maximumInput = 8_192

    /// An empty form for a new integration.
    public init(credentialsUnavailable: String?) {
        mode = .add
        type = .slack
        hasStoredCredentials = false
        self.credentialsUnavailable = credentialsUnavailable
        focus = .type
        enabled = true
        eventFilters = .emptyObject
        retryConfig = nil
    }

    /// A form holding `detail` as stored: the type's settings in their fields, the rest of
    /// the (redacted) configuration as JSON.
    public init(editing detail: IntegrationDetail, credentialsUnavailable: String?) {
        mode = .edit(detail.id, expected: detail.version)
        type = detail.summary.type
        name = detail.summary.name
        var rest = detail.config.objectValue ?? [:]
        for setting in IntegrationSetting.settings(for: type) {
            if let text = rest[setting.key]?.stringValue {
                settingValues[setting.key] = text
                rest[setting.key] = nil
            }
        }
        configText = rest.isEmpty ? "" : JSONValue.object(rest).jsonText
        rateLimitText = detail.rateLimitPerMinute.map(String.init) ?? ""
        hasStoredCredentials = detail.summary.hasCredentials
        self.credentialsUnavailable = credentialsUnavailable
        focus = .name
        enabled = detail.summary.enabled
        eventFilters = detail.eventFilters
        retryConfig = detail.retryConfig
    }

    public var isAdding: Bool { mode == .add }

    public var settings: [IntegrationSetting] { IntegrationSetting.settings(for: type) }

    /// The fields in Tab order; the type can be chosen only when adding.
    public var fields: [Field] {
        (isAdding ? [.type] : []) + [.name] + settings.map { .setting($0.key) } + [
            .config, .rateLimit, .credentials,
        ]
    }

    public func value(of setting: IntegrationSetting) -> String { settingValues[setting.key] ?? "" }

    // MARK: Validation

    /// The message shown under `field`, nil when fine. Empty fields stay quiet until a
    /// submit was refused, so a fresh form is not a wall of red.
    public func error(for field: Field) -> String? {
        guard showsAllErrors || !isBlank(field) else { return nil }
        return problem(with: field)
    }

    /// Whether Enter would send the form.
    public var canSubmit: Bool {
        !isSubmitting && fields.allSatisfy { problem(with: $0) == nil }
    }

    /// What is wrong with `field`, whether or not it is shown yet. Each field is checked on
    /// its own with the store's validation, so one bad field never hides another's error.
    func problem(with field: Field) -> String? {
        switch field {
        case .type:
            return nil
        case .name:
            return Self.reason { () throws(DomainError) in
                try IntegrationDraft(type: .custom, name: name).validate()
            }
        case .setting, .config:
            return configProblems[field]
        case .rateLimit:
            return Self.reason { () throws(DomainError) in
                try IntegrationDraft(
                    type: .custom, name: "rate", rateLimitPerMinute: try rateLimit()
                ).validate()
            }
        case .credentials:
            if credentialsRefused, let reason = credentialsUnavailable { return reason }
            if credentials.utf8.count > CredentialSealer.maximumSecretBytes {
                return "must be at most \(CredentialSealer.maximumSecretBytes) bytes"
            }
            return nil
        }
    }

    /// Configuration problems by the field they belong to: a setting shown as its own field
    /// (a webhook's URL), else the JSON field. JSON that does not parse is the JSON field's
    /// problem; the settings fields are still checked on their own, so a bad URL shows too.
    private var configProblems: [Field: String] {
        var problems: [Field: String] = [:]
        var members: [String: JSONValue] = [:]
        do {
            members = try parsedConfig()
        } catch {
            problems[.config] = Self.reason(of: error)
        }
        do {
            try IntegrationDraft(type: type, name: "config", config: merged(members)).validate()
        } catch {
            guard case .invalid(let name, let reason) = error else {
                problems[.config] = problems[.config] ?? error.userMessage
                return problems
            }
            let field: Field =
                settings.contains(where: { $0.key == name }) ? .setting(name) : .config
            if problems[field] == nil {
                problems[field] =
                    name == "config" || field != .config ? reason : "\(name) \(reason)"
            }
        }
        return problems
    }

    private func isBlank(_ field: Field) -> Bool {
        switch field {
        case .type: return false
        case .name: return name.trimmingCharacters(in: .whitespaces).isEmpty
        case .setting(let key):
            return (settingValues[key] ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        case .config: return configText.trimmingCharacters(in: .whitespaces).isEmpty
        case .rateLimit: return rateLimitText.trimmingCharacters(in: .whitespaces).isEmpty
        case .credentials: return credentials.isEmpty && !credentialsRefused
        }
    }

    private static func reason(_ check: () throws(DomainError) -> Void) -> String? {
        do {
            try check()
            return nil
        } catch {
            return reason(of: error)
        }
    }

    private static func reason(of error: DomainError) -> String {
        if case .invalid(_, let reason) = error { return reason }
        return error.userMessage
    }

    // MARK: The draft

    /// The JSON field's object with the settings fields on top (a filled field wins; an
    /// empty one leaves whatever the JSON says).
    func mergedConfig() throws(DomainError) -> JSONValue {
        merged(try parsedConfig())
    }

    /// The members of the JSON field ("" is an empty object).
    private func parsedConfig() throws(DomainError) -> [String: JSONValue] {
        let text = configText.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return [:] }
        guard let object = try JSONValue.parse(text, field: "config").objectValue else {
            throw .invalid(field: "config", reason: "must be a JSON object ({...})")
        }
        return object
    }

    private func merged(_ json: [String: JSONValue]) -> JSONValue {
        var members = json
        for setting in settings {
            let value = (settingValues[setting.key] ?? "").trimmingCharacters(in: .whitespaces)
            if !value.isEmpty { members[setting.key] = .string(value) }
        }
        return .object(members)
    }

    func rateLimit() throws(DomainError) -> Int? {
        let text = rateLimitText.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return nil }
        guard let value = Int(text) else {
            throw .invalid(
                field: "rate limit",
                reason: "must be a whole number of events per minute, or empty for no limit")
        }
        return value
    }

    /// What the store is asked to save.
    public func draft() throws(DomainError) -> IntegrationDraft {
        IntegrationDraft(
            type: type, name: name, config: try mergedConfig(), enabled: enabled,
            eventFilters: eventFilters, rateLimitPerMinute: try rateLimit(),
            retryConfig: retryConfig,
            credentials: credentials.isEmpty ? .keep : .replace(Secret(credentials)))
    }

    // MARK: Editing

    /// Types `character` into the focused field (on the type picker, picks by first letter).
    mutating func insert(_ character: Character) {
        serverError = nil
        switch focus {
        case .type:
            let wanted = Character(character.lowercased())
            if let match = IntegrationType.allCases.first(where: { $0.rawValue.first == wanted }) {
                type = match
            }
        case .name: Self.append(character, to: &name, limit: 300)
        case .setting(let key):
            var text = settingValues[key] ?? ""
            Self.append(character, to: &text, limit: 2_048)
            settingValues[key] = text
        case .config: Self.append(character, to: &configText, limit: Self.maximumInput)
        case .rateLimit: Self.append(character, to: &rateLimitText, limit: 12)
        case .credentials:
            guard credentialsUnavailable == nil else {
                credentialsRefused = true
                return
            }
            Self.append(character, to: &credentials, limit: CredentialSealer.maximumSecretBytes + 1)
        }
    }

    mutating func deleteBackward() {
        serverError = nil
        switch focus {
        case .type: break
        case .name: _ = name.popLast()
        case .setting(let key): _ = settingValues[key]?.popLast()
        case .config: _ = configText.popLast()
        case .rateLimit: _ = rateLimitText.popLast()
        case .credentials: _ = credentials.popLast()
        }
    }

    /// Tab and Shift-Tab: the next or previous field, wrapping.
    mutating func moveFocus(_ step: Int) {
        let order = fields
        let index = order.firstIndex(of: focus) ?? 0
        focus = order[(index + step % order.count + order.count) % order.count]
    }

    /// ←/→ on the type picker.
    mutating func moveChoice(_ step: Int) {
        guard focus == .type, isAdding else { return }
        let types = IntegrationType.allCases
        let index = types.firstIndex(of: type) ?? 0
        type = types[(index + step % types.count + types.count) % types.count]
        serverError = nil
    }

    /// After a refused submit: the cursor goes to the first field that needs attention.
    mutating func focusFirstProblem() {
        if let first = fields.first(where: { problem(with: $0) != nil }) { focus = first }
    }

    /// The store refused: keep everything typed, say why, and point at the field it named.
    mutating func refused(_ error: DomainError) {
        isSubmitting = false
        serverError = error.userMessage
        guard case .invalid(let field, _) = error else { return }
        switch field {
        case "name": focus = .name
        case "config": focus = .config
        case "rate limit": focus = .rateLimit
        case "credentials", CredentialSealer.keyVariable: focus = .credentials
        default:
            if settings.contains(where: { $0.key == field }) { focus = .setting(field) }
        }
    }

    private static func append(_ character: Character, to text: inout String, limit: Int) {
        if text.count < limit { text.append(character) }
    }
}
