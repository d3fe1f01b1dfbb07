import Domain

extension EffectRunner {
    /// Lists the user's workspaces, or opens a session in one and moves the runner to it.
    func run(_ effect: WorkspaceEffect) async -> WorkspaceAction {
        switch effect {
        case .loadList:
            let session = store.session
            return .listLoaded(
                await result { _ in try await self.authenticator.workspaces(for: session) })
        case .switchTo(let name):
            let current = store.session
            do {
                let session = try await authenticator.session(
                    for: current.userID, workspace: name, method: current.authMethod,
                    sshKeyFingerprint: current.sshKeyFingerprint)
                adopt(session)
                return .switched(.success(session))
            } catch {
                return .switched(.failure(error))
            }
        }
    }
}
