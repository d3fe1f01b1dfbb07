import Domain
import Foundation

extension AppState {
    /// Integration intents and the store's answers.
    mutating func update(_ action: IntegrationAction, now: Date) -> [Effect] {
        switch action {
        case .command(let command):
            return perform(command, now: now)
        case .openSelected:
            guard tab == .integrations, let item = integrations.selectedItem else { return [] }
            return [.integration(.loadDetail(item.id))]
        case .listLoaded(let result):
            return integrationsLoaded(result, now: now)
        case .detailLoaded(let result):
            switch result {
            case .success(let detail):
                if integrations.history?.id != detail.id { integrations.history = nil }
                integrations.detail = detail
                return [.integration(.loadHistory(detail.id))]
            case .failure(let error): return fail(error, now: now)
            }
        case .usageLoaded(let result):
            if case .success(let usage) = result { integrations.usage = usage }
            // Members and viewers are told who can act; fetch the names once.
            if integrations.managers == nil, !policy.can(.manageIntegrations).isAllowed {
                return [.integration(.loadManagers)]
            }
            return []
        case .editLoaded(let result):
            switch result {
            case .success(let detail):
                guard dialog == nil, tab == .integrations else { return [] }
                dialog = .integrationForm(
                    IntegrationForm(editing: detail, credentialsUnavailable: credentialsKeyProblem))
                return []
            case .failure(let error):
                return fail(error, now: now)
            }
        case .saved(let added, let result):
            return integrationSaved(added: added, result, now: now)
        case .toggled(let result):
            switch result {
            case .success(let item):
                flash = .make(
                    .info, "\(item.enabled ? "Enabled" : "Disabled") \(item.name)", now: now)
                // The answer carries the new row version: use it at once, so a key pressed
                // before the reload lands does not act on the old one (a false conflict).
                integrations.adopt(item)
                return reloadIntegrations()
            case .failure(let error):
                return fail(error, now: now, sticky: true) + reloadIntegrations()
            }
        case .checked(let name, let result):
            switch result {
            case .success(let check) where check.passed:
                flash = .make(.info, "\(name): test \(check.message)", now: now)
            case .success(let check):
                flash = .make(
                    .error, "\(name): test failed: \(check.message)", now: now, sticky: true)
            case .failure(let error):
                return fail(error, now: now, sticky: true)
            }
            return reloadIntegrations()
        case .breakersLoaded(let result):
            if case .success(let breakers) = result { integrations.breakers = breakers }
            return []
        case .managersLoaded(let result):
            if case .success(let names) = result { integrations.managers = names }
            return []
        case .historyLoaded(let result):
            if case .success(let history) = result, integrations.detail?.id == history.id {
                integrations.history = history
            }
            return []
        case .removed(let name, let result):
            switch result {
            case .success:
                flash = .make(.info, "Removed \(name)", now: now)
                integrations.detail = nil
                return reloadIntegrations()
            case .failure(let error):
                return fail(error, now: now, sticky: true) + reloadIntegrations()
            }
        }
    }

    /// The list arrived: the selection stays on the same integration (by id) when it can.
    private mutating func integrationsLoaded(
        _ result: Result<[IntegrationHealth], DomainError>, now: Date
    ) -> [Effect] {
        integrations.isLoading = false
        integrations.hasLoaded = true
        switch result {
        case .success(let items):
            let keep = integrations.selectedItem?.id
            integrations.items = items
            integrations.loadError = nil
            integrations.refreshedAt = now
            integrations.selected =
                keep.flatMap { id in items.firstIndex { $0.id == id } }
                ?? min(integrations.selected, max(0, items.count - 1))
            return [.integration(.loadUsage), .integration(.loadBreakers)] + connectionAnswered()
        case .failure(let error):
            integrations.loadError = error.userMessage
            return fail(error, now: now)
        }
    }

    /// An integration command from a key: opens its form or confirmation, runs it, or
    /// flashes why it cannot run.
    mutating func perform(_ command: IntegrationCommand, now: Date) -> [Effect] {
        if readOnly {
            flash = .make(.warning, Denial.readOnly.text, now: now)
            return []
        }
        if let reason = command.availability(in: integrations, policy: policy).reason {
            let managers = policy.can(.manageIntegrations).isAllowed ? [] : integrations.managers
            flash = .make(
                .warning, IntegrationManagers.reason(reason, managers: managers ?? []), now: now)
            return []
        }
        if command == .add {
            dialog = .integrationForm(
                IntegrationForm(credentialsUnavailable: credentialsKeyProblem))
            return []
        }
        guard let target = integrations.target else { return [] }
        switch command {
        case .add:
            return []
        case .edit:
            if let detail = integrations.detail, detail.id == target.id {
                dialog = .integrationForm(
                    IntegrationForm(editing: detail, credentialsUnavailable: credentialsKeyProblem))
                return []
            }
            return [.integration(.loadForEdit(target.id))]
        case .toggle:
            let effect = Effect.integration(
                .setEnabled(target.id, !target.enabled, expected: target.version))
            // Silencing a paging integration at 3 a.m. by a stray key would be worse than a
            // question; enabling needs none.
            guard target.enabled, target.type.pages else { return [effect] }
            dialog = .confirm(
                Confirmation(
                    title: "Disable \(target.type.title) integration",
                    message:
                        "Disable \(target.name)? It pages on-call: alerts stop reaching anyone "
                        + "until it is enabled again.",
                    confirmLabel: "Disable", effect: effect))
            return []
        case .test:
            flash = .make(.info, "Sending a test event to \(target.name)…", now: now)
            return [.integration(.test(target.id, name: target.name))]
        case .remove:
            let hasHistory = target.eventsSent > 0
            let events =
                "\(Self.grouped(target.eventsSent)) \(target.eventsSent == 1 ? "event" : "events")"
            dialog = .confirm(
                Confirmation(
                    title: "Remove integration",
                    message: hasHistory
                        ? "Remove \(target.name)? It has sent \(events); its settings and credentials are deleted "
                            + "(the audit log keeps what it was). Type its name to confirm."
                        : "Remove \(target.name)? Its settings and credentials are deleted.",
                    confirmLabel: "Remove",
                    effect: .integration(
                        .remove(target.id, name: target.name, expected: target.version)),
                    requiredText: hasHistory ? target.name : nil, requiredWhat: "the name"))
            return []
        }
    }

    /// Keys typed into the add/edit form.
    mutating func handleIntegrationForm(_ form: IntegrationForm, _ input: DialogInput, now: Date)
        -> [Effect]
    {
        var form = form
        switch input {
        case .typed(let character):
            form.insert(character)
            if form.credentialsRefused, form.focus == .credentials,
                let reason = form.credentialsUnavailable
            {
                flash = .make(.warning, reason, now: now)
            }
        case .backspace:
            form.deleteBackward()
        case .nextField:
            form.moveFocus(1)
        case .previousField:
            form.moveFocus(-1)
        case .choiceMoved(let step):
            form.moveChoice(step)
        case .submit:
            guard !form.isSubmitting else { return [] }
            let draft: IntegrationDraft
            do {
                guard form.canSubmit else {
                    throw DomainError.invalid(field: "form", reason: "incomplete")
                }
                draft = try form.draft()
            } catch {
                form.showsAllErrors = true
                form.focusFirstProblem()
                dialog = .integrationForm(form)
                return []
            }
            form.isSubmitting = true
            form.serverError = nil
            dialog = .integrationForm(form)
            switch form.mode {
            case .add: return [.integration(.add(draft))]
            case .edit(let id, let version):
                return [.integration(.edit(id, draft, expected: version))]
            }
        }
        dialog = .integrationForm(form)
        return []
    }

    private mutating func integrationSaved(
        added: Bool, _ result: Result<IntegrationDetail, DomainError>, now: Date
    ) -> [Effect] {
        switch result {
        case .success(let detail):
            if case .integrationForm = dialog { dialog = nil }
            if integrations.detail?.id == detail.id { integrations.detail = detail }
            flash = .make(.info, "\(added ? "Added" : "Saved") \(detail.summary.name)", now: now)
            return reloadIntegrations()
        case .failure(let error):
            if case .integrationForm(var form) = dialog {
                form.refused(error)
                dialog = .integrationForm(form)
                return []
            }
            return fail(error, now: now, sticky: true)
        }
    }

    /// "1,247": thousands grouped the same way whatever the machine's locale.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// The list (and the open detail) again, after a change.
    private func reloadIntegrations() -> [Effect] {
        var effects: [Effect] = [.integration(.loadList)]
        if let detail = integrations.detail { effects.append(.integration(.loadDetail(detail.id))) }
        return effects
    }
}
