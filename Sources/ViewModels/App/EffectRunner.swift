import Domain

/// Runs effects against the store and answers with the action that reports the result.
///
/// It holds the store for the current session; a workspace switch swaps it for a new one.
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
        case .loadMembers(let generation, let direction, let query):
            return .membersLoaded(
                generation: generation, direction: direction,
                await result { try await $0.members(query) })
        case .settleSearch(let generation):
            try? await Task.sleep(for: TeamState.searchSettleDelay)
            return .searchSettled(generation: generation)
        case .loadCounts:
            return .countsLoaded(await result { try await $0.memberCounts() })
        case .invite(let email, let role):
            return .invitationCreated(
                await result { try await $0.invite(email: email, role: role) })
        case .resendInvitation(let id, let version):
            return .invitationCreated(
                await result { try await $0.resendInvitation(id, expected: version) })
        case .revokeInvitation(let id, let version):
            return .mutationFinished(
                success: "Invitation revoked",
                await done { try await $0.revokeInvitation(id, expected: version) })
        case .changeRole(let id, let role, let version):
            return .mutationFinished(
                success: "Role changed to \(role.rawValue)",
                await done { try await $0.changeRole(id, to: role, expected: version) })
        case .deactivate(let id, let version):
            return .mutationFinished(
                success: "Member deactivated",
                await done { try await $0.deactivate(id, expected: version) })
        case .reactivate(let id, let version):
            return .mutationFinished(
                success: "Member reactivated",
                await done { try await $0.reactivate(id, expected: version) })
        case .remove(let id, let version):
            return .mutationFinished(
                success: "Member removed", await done { try await $0.remove(id, expected: version) }
            )
        case .memberCommand(let email, let verb):
            return await runMemberCommand(email: email, verb: verb)
        case .loadBilling:
            return .billingLoaded(await result { try await $0.billing() })
        case .loadIntegrations:
            return .integrationsLoaded(await result { try await $0.integrations() })
        case .loadIntegrationDetail(let id):
            return .integrationDetailLoaded(await result { try await $0.integration(id) })
        case .loadAudit(let cursor):
            return .auditLoaded(
                append: cursor != nil,
                await result { try await $0.auditLog(limit: AuditState.pageSize, before: cursor) })
        case .switchWorkspace(let name):
            let current = store.session
            do {
                let session = try await authenticator.session(
                    for: current.userID, workspace: name, method: current.authMethod,
                    sshKeyFingerprint: current.sshKeyFingerprint)
                store = SettingsStore(client: store.client, session: session)
                return .workspaceSwitched(.success(session))
            } catch {
                return .workspaceSwitched(.failure(error))
            }
        case .loadWorkspaces:
            let session = store.session
            return .workspace(
                .listLoaded(
                    await result { _ in try await self.authenticator.workspaces(for: session) }))
        case .billing(let effect):
            return .billing(await run(effect))
        case .integration(let effect):
            return .integration(await run(effect))
        case .keys(let effect):
            return .keys(await run(effect))
        }
    }

    private func runMemberCommand(email: String, verb: MemberVerb) async -> AppAction {
        let member: Member
        do {
            member = try await store.member(email: email)
        } catch {
            return .mutationFinished(success: "", .failure(error))
        }
        switch verb {
        case .resend:
            return await run(.resendInvitation(member.id, member.version))
        case .revoke:
            return await run(.revokeInvitation(member.id, member.version))
        case .changeRole(let role):
            return await run(.changeRole(member.id, role, member.version))
        case .deactivate:
            return await run(.deactivate(member.id, member.version))
        case .reactivate:
            return await run(.reactivate(member.id, member.version))
        case .remove: return await run(.remove(member.id, member.version))
        }
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
