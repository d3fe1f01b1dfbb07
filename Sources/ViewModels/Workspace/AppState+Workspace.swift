import Domain
import Foundation

extension AppState {
    mutating func update(_ action: WorkspaceAction, now: Date) -> [Effect] {
        switch action {
        case .pickerRequested:
            return [.workspace(.loadList)]
        case .listLoaded(let result):
            switch result {
            case .success(let memberships):
                guard dialog == nil else { return [] }
                dialog = .workspacePicker(
                    WorkspacePicker(memberships: memberships, current: session.workspaceID))
                return []
            case .failure(let error):
                return fail(error, now: now)
            }
        case .switched(let result):
            switch result {
            case .success(let newSession):
                let readOnly = self.readOnly
                let keyProblem = credentialsKeyProblem
                self = AppState(session: newSession, readOnly: readOnly)
                credentialsKeyProblem = keyProblem
                flash = .make(.info, "Switched to \(newSession.workspaceName)", now: now)
                return Self.initialEffects(for: self)
            case .failure(let error):
                return fail(error, now: now, sticky: true)
            }
        }
    }

    /// Keys typed into the workspace switcher.
    mutating func handleWorkspacePicker(_ picker: WorkspacePicker, _ input: DialogInput, now: Date)
        -> [Effect]
    {
        var picker = picker
        switch input {
        case .choiceMoved(let step):
            picker.move(step)
        case .typed(let character):
            picker.jump(to: character)
        case .submit:
            dialog = nil
            guard let chosen = picker.selectedMembership else { return [] }
            if chosen.workspaceID == session.workspaceID {
                flash = .make(.info, "Already in \(chosen.name)", now: now)
                return []
            }
            flash = .make(.info, "Switching to \(chosen.name)…", now: now)
            return [.workspace(.switchTo(chosen.workspaceID.description))]
        case .backspace, .nextField, .previousField:
            break
        }
        dialog = .workspacePicker(picker)
        return []
    }
}
