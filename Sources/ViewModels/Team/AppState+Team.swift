import Domain
import Foundation

extension AppState {
    /// Team intents and the store's answers.
    mutating func update(_ action: TeamAction, now: Date) -> [Effect] {
        switch action {
        case .command(let command):
            return perform(command, now: now)
        case .sortRequested(let column):
            return sort(by: column)
        case .statusFilterCycled:
            team.query.status = Self.cycle(team.query.status, through: MemberStatus.allCases)
            return reloadMembers()
        case .roleFilterCycled:
            team.query.role = Self.cycle(team.query.role, through: Role.allCases)
            return reloadMembers()
        case .searchStarted:
            team.searchDraft = team.query.search
            return []
        case .searchEdited(let text):
            team.searchDraft = String(text.prefix(200))
            team.query.search = team.searchDraft ?? ""
            team.generation += 1
            team.isLoading = true
            team.selected = 0
            return [.team(.settleSearch(generation: team.generation))]
        case .searchSettled(let generation):
            guard generation == team.generation else { return [] }
            return [
                .team(
                    .loadMembers(generation: generation, direction: .replace, query: firstPageQuery)
                )
            ]
        case .searchFinished:
            team.searchDraft = nil
            return []
        case .membersLoaded(let generation, let direction, let result):
            return membersLoaded(generation: generation, direction: direction, result, now: now)
        case .countsLoaded(let result):
            switch result {
            case .success(let counts):
                team.counts = counts
                return connectionAnswered()
            case .failure(let error): return fail(error, now: now)
            }
        case .invitationCreated(let result):
            return invitationCreated(result, now: now)
        case .memberFound(let verb, let result):
            switch result {
            case .success(let member): return perform(verb, on: member, now: now)
            case .failure(let error): return fail(error, now: now, sticky: true)
            }
        case .memberChanged(let change, let result):
            switch result {
            case .success:
                flash = .make(.info, change.doneMessage, now: now)
                return refreshEffects()
            case .failure(let error):
                return failWrite(error, now: now)
            }
        }
    }
}

extension MemberChange {
    /// The flash once the change is made.
    var doneMessage: String {
        switch self {
        case .invitationRevoked: return "Invitation revoked"
        case .roleChanged(let role): return "Role changed to \(role.rawValue)"
        case .deactivated: return "Member deactivated"
        case .reactivated: return "Member reactivated"
        case .removed: return "Member removed"
        }
    }
}
