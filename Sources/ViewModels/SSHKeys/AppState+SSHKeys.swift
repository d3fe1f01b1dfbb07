import Domain
import Foundation

extension AppState {
    mutating func update(_ action: KeysAction, now: Date) -> [Effect] {
        switch action {
        case .opened(let email):
            let member = email.flatMap { wanted in
                team.rows.first { $0.email == wanted.lowercased() }
            }
            return openKeys(email: email, member: member, now: now)
        case .memberKeysRequested:
            guard let member = team.selectedMember else {
                flash = .make(.warning, "Select a member first", now: now)
                return []
            }
            guard member.status != .pending else {
                flash = .make(
                    .warning, "\(member.email) has not accepted the invitation yet: no keys",
                    now: now)
                return []
            }
            return openKeys(email: member.email, member: member, now: now)
        case .loaded(let email, let result):
            guard case .sshKeys(var panel) = dialog, panel.email == email else { return [] }
            panel.isLoading = false
            switch result {
            case .success(let keys):
                let keep = panel.selectedKey?.id
                panel.keys = keys
                panel.selected =
                    keep.flatMap { id in keys.firstIndex { $0.id == id } }
                    ?? min(panel.selected, max(0, keys.count - 1))
            case .failure(let error):
                panel.error = error.userMessage
            }
            dialog = .sshKeys(panel)
            return []
        case .added(let result):
            return keyChanged(result, now: now) {
                "Added \($0.shortType) key \($0.fingerprint) for \($0.email)"
            }
        case .removed(let result):
            return keyChanged(result, now: now) { "Removed key \($0.fingerprint) of \($0.email)" }
        }
    }

    /// Keys typed while the panel is open.
    mutating func handleKeysPanel(_ panel: SSHKeysPanel, _ input: DialogInput, now: Date)
        -> [Effect]
    {
        var panel = panel
        defer { if case .sshKeys = dialog { dialog = .sshKeys(panel) } }
        guard !panel.isWorking else { return [] }
        switch panel.mode {
        case .list:
            switch input {
            case .choiceMoved(let step):
                guard !panel.keys.isEmpty else { return [] }
                panel.selected = max(0, min(panel.keys.count - 1, panel.selected + step))
            case .typed("a"):
                if let reason = panel.addAvailability(policy: policy, readOnly: readOnly).reason {
                    panel.error = reason
                } else {
                    panel.mode = .adding(draft: "")
                    panel.error = nil
                }
            case .typed("X"), .typed("x"), .backspace:
                if let reason = panel.removeAvailability(
                    policy: policy, readOnly: readOnly, user: session.userID
                ).reason {
                    panel.error = reason
                } else if let key = panel.selectedKey {
                    panel.mode = .confirmingRemoval(key)
                    panel.error = nil
                }
            case .typed("r"):
                panel.isLoading = true
                return [.keys(.load(email: panel.email))]
            case .typed, .submit, .nextField, .previousField:
                break
            }
        case .adding(var draft):
            switch input {
            case .typed(let character):
                if draft.count < SSHKeysPanel.maximumDraft { draft.append(character) }
                panel.error = nil
            case .backspace:
                if !draft.isEmpty { draft.removeLast() }
            case .submit:
                guard let email = panel.email else { return [] }
                let line = draft.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !line.isEmpty else {
                    panel.error = "Paste the public key line (the .pub file), then Enter"
                    return []
                }
                panel.isWorking = true
                panel.mode = .adding(draft: draft)
                return [.keys(.add(email: email, line: line))]
            case .choiceMoved, .nextField, .previousField:
                break
            }
            panel.mode = .adding(draft: draft)
        case .confirmingRemoval(let key):
            guard input == .submit else { return [] }
            panel.isWorking = true
            return [.keys(.remove(fingerprint: key.fingerprint))]
        }
        return []
    }

    private mutating func openKeys(email: String?, member: Member?, now: Date) -> [Effect] {
        if let reason = policy.viewSSHKeys().reason {
            flash = .make(.warning, reason, now: now)
            return []
        }
        dialog = .sshKeys(
            SSHKeysPanel(
                email: email.map { $0.lowercased() }, memberRole: member?.role,
                isSelf: member?.userID == session.userID))
        return [.keys(.load(email: email.map { $0.lowercased() }))]
    }

    /// After an add or remove: back to the list and reload it, or the refusal in the panel.
    private mutating func keyChanged(
        _ result: Result<SSHKeyRecord, DomainError>, now: Date, success: (SSHKeyRecord) -> String
    ) -> [Effect] {
        guard case .sshKeys(var panel) = dialog else {
            if case .failure(let error) = result { return fail(error, now: now, sticky: true) }
            return []
        }
        panel.isWorking = false
        switch result {
        case .success(let key):
            panel.mode = .list
            panel.error = nil
            panel.isLoading = true
            dialog = .sshKeys(panel)
            flash = .make(.info, success(key), now: now)
            return [.keys(.load(email: panel.email))]
        case .failure(let error):
            if case .confirmingRemoval = panel.mode { panel.mode = .list }
            panel.error = error.userMessage
            dialog = .sshKeys(panel)
            return []
        }
    }
}
