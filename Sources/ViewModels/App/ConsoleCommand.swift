import Domain
import Foundation

/// A `:` command, parsed. The same verbs as the command line (`:invite EMAIL ROLE`).
public enum ConsoleCommand: Sendable, Equatable {
    case open(Tab)
    case workspace(String)
    /// `:workspace` without a name: the switcher lists the workspaces to choose from.
    case chooseWorkspace
    case quit
    case refresh
    case help
    case invite(email: String, role: Role)
    case member(email: String, verb: MemberVerb)
    /// `:keys [EMAIL]`: SSH keys of one member, or of everyone.
    case keys(email: String?)
    /// `:plan [PLAN]`, `:cancel-plan`, `:resume-plan`: the Billing keys, by name.
    case billing(BillingCommand, plan: Plan?)
    /// `:enable NAME`, `:disable NAME`: an integration found by its name.
    case setIntegration(name: String, enabled: Bool)
    /// `:test NAME`: the dry-run check of an integration found by its name.
    case testIntegration(name: String)

    /// Every verb with its usage, for `:help` and error messages.
    public static let usage: [(String, String)] = [
        (":team  :billing  :integrations  :audit", "open a view"),
        (":workspace [NAME]", "switch workspace (no name: choose from a list)"),
        (":invite EMAIL ROLE", "invite someone"),
        (":role EMAIL ROLE", "change a member's role"),
        (":resend EMAIL  :revoke EMAIL", "manage an invitation"),
        (":deactivate EMAIL  :reactivate EMAIL  :remove EMAIL", "manage a member"),
        (":keys [EMAIL]", "SSH keys of a member (or all)"),
        (":plan [PLAN]  :cancel-plan  :resume-plan", "change, cancel or resume the plan"),
        (":enable NAME  :disable NAME  :test NAME", "an integration, by name"),
        (":refresh", "reload"),
        (":q", "quit"),
    ]

    /// Parses what was typed after `:`; the error says what was expected.
    public static func parse(_ text: String) throws(DomainError) -> ConsoleCommand {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let verb = words.first?.lowercased() else {
            throw .invalid(
                field: "command", reason: "type a command, e.g. :team or :invite EMAIL ROLE")
        }
        let arguments = Array(words.dropFirst())
        func expect(_ count: Int, _ usage: String) throws(DomainError) {
            guard arguments.count == count else {
                throw .invalid(field: "command", reason: "usage: \(usage)")
            }
        }
        switch verb {
        case "team", "members": try expect(0, ":team"); return .open(.team)
        case "billing": try expect(0, ":billing"); return .open(.billing)
        case "integrations", "int": try expect(0, ":integrations"); return .open(.integrations)
        case "audit": try expect(0, ":audit"); return .open(.audit)
        case "q", "quit", "q!": return .quit
        case "refresh", "r": return .refresh
        case "help", "h", "?": return .help
        case "workspace", "ws":
            guard !arguments.isEmpty else { return .chooseWorkspace }
            return .workspace(arguments.joined(separator: " "))
        case "invite":
            try expect(2, ":invite EMAIL ROLE")
            return .invite(email: arguments[0], role: try Role.parse(arguments[1]))
        case "role":
            try expect(2, ":role EMAIL ROLE")
            return .member(email: arguments[0], verb: .changeRole(try Role.parse(arguments[1])))
        case "resend":
            try expect(1, ":resend EMAIL"); return .member(email: arguments[0], verb: .resend)
        case "revoke":
            try expect(1, ":revoke EMAIL"); return .member(email: arguments[0], verb: .revoke)
        case "deactivate":
            try expect(1, ":deactivate EMAIL")
            return .member(email: arguments[0], verb: .deactivate)
        case "reactivate":
            try expect(1, ":reactivate EMAIL")
            return .member(email: arguments[0], verb: .reactivate)
        case "remove":
            try expect(1, ":remove EMAIL")
            return .member(email: arguments[0], verb: .remove)
        case "plan":
            guard arguments.count <= 1 else {
                throw .invalid(field: "command", reason: "usage: :plan [PLAN]")
            }
            return .billing(
                .changePlan,
                plan: try arguments.first.map { text throws(DomainError) in try Plan.parse(text) })
        case "cancel-plan", "cancel":
            try expect(0, ":cancel-plan")
            return .billing(.cancel, plan: nil)
        case "resume-plan", "resume":
            try expect(0, ":resume-plan")
            return .billing(.resume, plan: nil)
        case "enable", "disable":
            guard !arguments.isEmpty else {
                throw .invalid(field: "command", reason: "usage: :\(verb) NAME")
            }
            return .setIntegration(
                name: arguments.joined(separator: " "), enabled: verb == "enable")
        case "test":
            guard !arguments.isEmpty else {
                throw .invalid(field: "command", reason: "usage: :test NAME")
            }
            return .testIntegration(name: arguments.joined(separator: " "))
        case "keys", "ssh-keys":
            guard arguments.count <= 1 else {
                throw .invalid(field: "command", reason: "usage: :keys [EMAIL]")
            }
            return .keys(email: arguments.first)
        default:
            throw .invalid(
                field: "command",
                reason:
                    "unknown command :\(verb); try :team, :billing, :integrations, :audit, :invite, :role, :q"
            )
        }
    }

    /// Whether the command changes data (refused in read-only mode).
    public var isWrite: Bool {
        switch self {
        case .open, .workspace, .chooseWorkspace, .quit, .refresh, .help, .keys: return false
        case .invite, .member, .billing, .setIntegration, .testIntegration: return true
        }
    }
}

extension AppState {
    /// Shows the Integrations list with the integration called `name` (any case) selected,
    /// or says there is none.
    mutating func selectIntegration(named name: String, now: Date) -> IntegrationHealth? {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard let index = integrations.items.firstIndex(where: { $0.name.lowercased() == wanted })
        else {
            flash = .make(.warning, "No integration is named \"\(name)\"", now: now)
            return nil
        }
        tab = .integrations
        integrations.detail = nil
        integrations.selected = index
        return integrations.items[index]
    }

    mutating func runCommandLine(_ text: String, now: Date) -> [Effect] {
        let command: ConsoleCommand
        do {
            command = try ConsoleCommand.parse(text)
        } catch {
            flash = .make(.error, error.userMessage, now: now)
            return []
        }
        if command.isWrite, readOnly {
            flash = .make(.warning, Denial.readOnly.text, now: now)
            return []
        }
        switch command {
        case .open(let tab): return update(.tabSelected(tab), now: now)
        case .workspace(let name): return [.workspace(.switchTo(name))]
        case .chooseWorkspace: return update(.workspace(.pickerRequested), now: now)
        case .quit: return update(.quitRequested, now: now)
        case .refresh: return update(.refreshRequested, now: now)
        case .help: return update(.helpToggled, now: now)
        case .keys(let email): return update(.keys(.opened(email: email)), now: now)
        case .billing(let command, let plan):
            _ = update(.tabSelected(.billing), now: now)
            let effects = perform(command, now: now)
            if let plan, case .planPicker(var picker) = dialog {
                picker.choice = plan
                dialog = .planPicker(picker)
            }
            return effects
        case .setIntegration(let name, let enabled):
            guard let item = selectIntegration(named: name, now: now) else { return [] }
            if item.enabled == enabled,
                let reason = policy.setEnabled(item, to: enabled).reason
            {
                flash = .make(.warning, reason, now: now)
                return []
            }
            return perform(IntegrationCommand.toggle, now: now)
        case .testIntegration(let name):
            guard selectIntegration(named: name, now: now) != nil else { return [] }
            return perform(IntegrationCommand.test, now: now)
        case .invite(let email, let role):
            if let reason = policy.invite(as: role).reason {
                flash = .make(.warning, reason, now: now)
                return []
            }
            return [.team(.invite(email: email, role: role))]
        case .member(let email, let verb):
            if let reason = policy.can(.manageTeam).reason {
                flash = .make(.warning, reason, now: now)
                return []
            }
            return [.team(.findMember(email: email, for: verb))]
        }
    }
}
