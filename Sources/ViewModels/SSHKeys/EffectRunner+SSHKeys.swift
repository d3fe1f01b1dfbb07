import Domain

extension EffectRunner {
    /// Runs an SSH keys call and answers with the panel's action.
    func run(_ effect: KeysEffect) async -> KeysAction {
        switch effect {
        case .load(let email):
            return .loaded(email: email, await result { try await $0.sshKeys(of: email) })
        case .add(let email, let line):
            return .added(await result { try await $0.addSSHKey(email: email, line: line) })
        case .remove(let fingerprint):
            return .removed(await result { try await $0.removeSSHKey(fingerprint: fingerprint) })
        }
    }
}
