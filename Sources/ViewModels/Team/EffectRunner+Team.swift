import Domain

extension EffectRunner {
    /// Runs a Team read or write and reports what happened; the wording is `update`'s.
    func run(_ effect: TeamEffect) async -> TeamAction {
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
            return .memberChanged(
                .invitationRevoked,
                await done { try await $0.revokeInvitation(id, expected: version) })
        case .changeRole(let id, let role, let version):
            return .memberChanged(
                .roleChanged(role),
                await done { try await $0.changeRole(id, to: role, expected: version) })
        case .deactivate(let id, let version):
            return .memberChanged(
                .deactivated, await done { try await $0.deactivate(id, expected: version) })
        case .reactivate(let id, let version):
            return .memberChanged(
                .reactivated, await done { try await $0.reactivate(id, expected: version) })
        case .remove(let id, let version):
            return .memberChanged(
                .removed, await done { try await $0.remove(id, expected: version) })
        case .findMember(let email, let verb):
            return .memberFound(verb, await result { try await $0.member(email: email) })
        }
    }
}
