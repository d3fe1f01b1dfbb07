import Domain
import Foundation

extension AppState {
    /// Keys typed into the role picker.
    mutating func handleRolePicker(_ picker: RolePicker, _ input: DialogInput, now: Date)
        -> [Effect]
    {
        var picker = picker
        switch input {
        case .choiceMoved(let step):
            let roles = Role.allCases.sorted(by: >)
            if let index = roles.firstIndex(of: picker.choice) {
                picker.choice = roles[(index + step + roles.count) % roles.count]
            }
        case .typed(let character):
            if let role = Role.allCases.first(where: {
                $0.rawValue.first == Character(character.lowercased())
            }) {
                picker.choice = role
            }
        case .submit:
            let decision = policy.changeRole(
                of: picker.member, to: picker.choice, activeOwners: picker.activeOwners)
            if let reason = decision.reason {
                flash = .make(.warning, reason, now: now)
                return []
            }
            dialog = nil
            return [.team(.changeRole(picker.member.id, picker.choice, picker.member.version))]
        case .backspace, .nextField, .previousField:
            break
        }
        dialog = .rolePicker(picker)
        return []
    }
}
