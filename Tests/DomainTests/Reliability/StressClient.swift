import Domain
import Foundation
import TestSupport

/// One stress client: reads what it acts on (with row versions), then writes with those
/// versions, and logs each answer it was given.
struct StressClient: Sendable {
    /// The billing row has one per workspace: its successes share this key.
    static let billingResource = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1))

    let index: Int
    let store: SettingsStore
    let log: StressLog
    /// The clients' own memberships: left alone so the clients keep their power to act.
    let protected: Set<MemberID>

    func step(_ step: Int, random: inout SeededRandom) async {
        let roll = Int.random(in: 0..<100, using: &random)
        let pick = Int.random(in: 0..<1_000_000, using: &random)
        do throws(DomainError) {
            switch roll {
            case 0..<20: try await invite(step, role: [.admin, .member, .viewer][pick % 3])
            case 20..<30: try await accept(pick)
            case 30..<48:
                try await member(pick) {
                    (member: Member) throws(DomainError) -> (String, StressSuccess.Effect) in
                    let role = [Role.admin, .member, .viewer, .owner][pick / 7 % 4]
                    try await store.changeRole(member.id, to: role, expected: member.version)
                    return ("team.change_role", .role(role))
                }
            case 48..<60:
                try await member(pick, status: .active) {
                    (member: Member) throws(DomainError) -> (String, StressSuccess.Effect) in
                    try await store.deactivate(member.id, expected: member.version)
                    return ("team.deactivate", .status("inactive"))
                }
            case 60..<72:
                try await member(pick, status: .inactive) {
                    (member: Member) throws(DomainError) -> (String, StressSuccess.Effect) in
                    try await store.reactivate(member.id, expected: member.version)
                    return ("team.reactivate", .status("active"))
                }
            case 72..<78:
                try await member(pick) {
                    (member: Member) throws(DomainError) -> (String, StressSuccess.Effect) in
                    try await store.remove(member.id, expected: member.version)
                    return ("team.remove", .removed)
                }
            case 78..<88: try await changePlan(pick)
            default: try await toggleIntegration(pick)
            }
        } catch {
            log.failed(error)
        }
    }

    private func invite(_ step: Int, role: Role) async throws(DomainError) {
        let email = "stress-\(index)-\(step)@example.com"
        let receipt = try await store.invite(email: email, role: role)
        log.succeeded(
            StressSuccess(
                action: "team.invite", resource: receipt.memberID.rawValue, expected: nil,
                effect: .invited(role)))
        log.offer(token: receipt.token.value.revealed)
    }

    /// Accepts someone's invitation as the invited person (a new account).
    private func accept(_ pick: Int) async throws(DomainError) {
        guard let token = log.takeToken(pick) else { return }
        let accepted = try await SettingsStore.acceptInvitation(
            client: store.client, token: Secret(token), fullName: "Stress Person",
            password: Secret("stress-pass-\(pick)"))
        log.succeeded(
            StressSuccess(
                action: "team.accept", resource: accepted.memberID.rawValue, expected: nil,
                effect: .accepted))
    }

    /// Reads the team, picks a member (of `status`, when given) and runs `write` on it.
    private func member(
        _ pick: Int, status: MemberStatus? = nil,
        _ write: (Member) async throws(DomainError) -> (String, StressSuccess.Effect)
    ) async throws(DomainError) {
        let page = try await store.members(MemberQuery(status: status, limit: 500))
        let candidates = page.members.filter { !protected.contains($0.id) }
        guard !candidates.isEmpty else { return }
        let member = candidates[pick % candidates.count]
        let (action, effect) = try await write(member)
        log.succeeded(
            StressSuccess(
                action: action, resource: member.id.rawValue, expected: member.version,
                effect: effect))
    }

    private func changePlan(_ pick: Int) async throws(DomainError) {
        let billing = try await store.billing()
        let others = Plan.allCases.filter { $0 != billing.plan }
        let plan = others[pick % others.count]
        _ = try await store.changePlan(to: plan, expected: billing.version)
        log.succeeded(
            StressSuccess(
                action: "billing.change_plan", resource: Self.billingResource,
                expected: billing.version, effect: .plan(plan)))
    }

    private func toggleIntegration(_ pick: Int) async throws(DomainError) {
        let integrations = try await store.integrations()
        guard !integrations.isEmpty else { return }
        let integration = integrations[pick % integrations.count]
        if integration.enabled {
            try await store.disableIntegration(integration.id, expected: integration.version)
        } else {
            try await store.enableIntegration(integration.id, expected: integration.version)
        }
        log.succeeded(
            StressSuccess(
                action: integration.enabled ? "integrations.disable" : "integrations.enable",
                resource: integration.id.rawValue, expected: integration.version,
                effect: .enabled(!integration.enabled)))
    }
}
