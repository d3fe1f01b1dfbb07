import Domain

/// Runs effects against the store and answers with the action that reports the result.
///
/// It holds the store for the current session; a workspace switch swaps it for a new one.
/// Each feature's effects run in that feature's `EffectRunner+…` file.
public actor EffectRunner {
    private(set) var store: SettingsStore
    let authenticator: Authenticator
    /// Seals integration credentials; nil when INTEGRATION_CREDENTIALS_KEY is not set (the
    /// store then refuses new credentials with that reason).
    let sealer: CredentialSealer?

    public init(store: SettingsStore, authenticator: Authenticator, sealer: CredentialSealer? = nil)
    {
        self.store = store
        self.authenticator = authenticator
        self.sealer = sealer
    }

    /// Performs one effect and answers with the action that reports its result.
    public func run(_ effect: Effect) async -> AppAction {
        switch effect {
        case .team(let effect): return .team(await run(effect))
        case .billing(let effect): return .billing(await run(effect))
        case .integration(let effect): return .integration(await run(effect))
        case .audit(let effect): return .audit(await run(effect))
        case .workspace(let effect): return .workspace(await run(effect))
        case .keys(let effect): return .keys(await run(effect))
        }
    }

    /// Works in `session` from now on (a workspace switch).
    func adopt(_ session: Session) {
        store = SettingsStore(client: store.client, session: session)
    }

    func result<T: Sendable>(_ body: (SettingsStore) async throws -> T) async
        -> Result<T, DomainError>
    {
        do {
            return .success(try await body(store))
        } catch {
            return .failure(DomainError.from(error))
        }
    }

    func done(_ body: (SettingsStore) async throws -> Void) async -> Result<Empty, DomainError> {
        await result { store in
            try await body(store)
            return Empty()
        }
    }
}
