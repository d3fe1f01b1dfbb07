import Domain
import Foundation
import ViewModels

/// Deterministic states for screen snapshots: the demo workspace as the seed describes it,
/// at a fixed "now", without a database.
enum ScreenFixtures {
    /// 2026-11-23 12:00:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_795_435_200)
    static let workspace = WorkspaceID(
        UUID(uuidString: "00000000-0000-0000-0000-000000000001") ?? UUID())

    static func id(_ n: Int) -> UUID {
        UUID(uuidString: String(format: "10000000-0000-0000-0000-%012d", n)) ?? UUID()
    }

    static func session(_ role: Role) -> Session {
        let email: String
        switch role {
        case .owner: email = "demo@example.com"
        case .admin: email = "admin@example.com"
        case .member: email = "member@example.com"
        case .viewer: email = "viewer@example.com"
        }
        return Session(
            userID: UserID(id(90)), email: email, fullName: "\(role.title) User",
            workspaceID: workspace,
            workspaceName: "Acme Corp", role: role, memberID: MemberID(id(91)), authMethod: "demo")
    }

    static func member(
        _ n: Int, _ name: String, _ email: String, _ role: Role, _ status: MemberStatus,
        activeHoursAgo: Double?
    ) -> Member {
        Member(
            id: MemberID(id(n)), userID: status == .pending ? nil : UserID(id(n)), email: email,
            fullName: name,
            role: role, status: status,
            invitationExpiresAt: status == .pending ? now.addingTimeInterval(5 * 86_400) : nil,
            acceptedAt: nil,
            lastActiveAt: activeHoursAgo.map { now.addingTimeInterval(-$0 * 3600) },
            createdAt: now.addingTimeInterval(-Double(60 - n) * 86_400),
            version: RowVersion("v\(n)"))
    }

    static let members: [Member] = [
        member(6, "Former Member", "former@example.com", .member, .inactive, activeHoursAgo: 720),
        member(1, "Demo Owner", "demo@example.com", .owner, .active, activeHoursAgo: 1),
        member(2, "Admin User", "admin@example.com", .admin, .active, activeHoursAgo: 2),
        member(3, "Member User", "member@example.com", .member, .active, activeHoursAgo: 5),
        member(4, "Viewer User", "viewer@example.com", .viewer, .active, activeHoursAgo: 24),
        member(5, "", "pending@example.com", .member, .pending, activeHoursAgo: nil),
    ]

    static let counts = MemberCounts(
        active: 4, pending: 1, inactive: 1, seatLimit: 25, activeOwners: 1)

    static func billing(
        plan: Plan = .professional, status: PlanStatus = .active, traces: Int = 650_000,
        cancellation: Bool = false, trialEndsAt: Date? = nil
    ) -> BillingOverview {
        let entry = PlanCatalogue.entry(for: plan)
        return BillingOverview(
            plan: plan, status: status, limits: entry.limits,
            traces: UsageMeter(used: traces, limit: entry.limits.tracesPerMonth),
            seats: UsageMeter(used: 5, limit: entry.limits.seats),
            apiKeys: UsageMeter(used: 3, limit: entry.limits.apiKeys),
            integrations: UsageMeter(used: 4, limit: entry.limits.integrations),
            cycleStart: CalendarDay(year: 2026, month: 11, day: 1),
            cycleEnd: CalendarDay(year: 2026, month: 11, day: 30),
            nextBillingDate: CalendarDay(year: 2026, month: 12, day: 1),
            monthlyPriceUSD: entry.monthlyPriceUSD,
            annualPriceUSD: nil, interval: .monthly,
            paymentMethod: PaymentMethod(brand: "Visa", last4: "4242"),
            trialEndsAt: trialEndsAt, autoRenew: !cancellation, cancellationRequested: cancellation,
            cancellationEffectiveDate: cancellation
                ? CalendarDay(year: 2026, month: 11, day: 30) : nil,
            overageAllowed: false, version: RowVersion("b1"))
    }

    static func integration(
        _ n: Int, _ type: IntegrationType, _ name: String, enabled: Bool, health: HealthStatus,
        error: String? = nil, sent: Int, errors: Int = 0, checkedMinutesAgo: Double?
    ) -> IntegrationHealth {
        IntegrationHealth(
            id: IntegrationID(id(30 + n)), type: type, name: name, enabled: enabled, health: health,
            healthMessage: error == nil
                ? nil : "Intermittent timeouts detected (3/10 recent requests)",
            lastHealthCheckAt: checkedMinutesAgo.map { now.addingTimeInterval(-$0 * 60) },
            lastSyncAt: now.addingTimeInterval(-300), eventsSent: sent, errors: errors,
            lastErrorMessage: error,
            lastErrorAt: error == nil ? nil : now.addingTimeInterval(-180),
            hasCredentials: type == .slack,
            version: RowVersion("i\(n)"))
    }

    static let integrations: [IntegrationHealth] = [
        integration(
            3, .webhook, "Custom Analytics Endpoint", enabled: true, health: .degraded,
            error: "Request timeout after 5000ms", sent: 892, errors: 23, checkedMinutesAgo: 10),
        integration(
            1, .slack, "Engineering Alerts", enabled: true, health: .healthy, sent: 1247,
            checkedMinutesAgo: 15),
        integration(
            2, .pagerduty, "Production Incidents", enabled: true, health: .healthy, sent: 34,
            checkedMinutesAgo: 20),
        integration(
            4, .sentry, "Error Tracking", enabled: false, health: .unknown, sent: 156,
            checkedMinutesAgo: nil),
    ]

    /// A fully loaded state for `role`, on `tab`.
    static func state(
        _ role: Role, tab: Tab = .team, readOnly: Bool = false, members: [Member] = members
    ) -> AppState {
        var state = AppState(session: session(role), readOnly: readOnly)
        _ = state.update(
            .team(
                .membersLoaded(
                    generation: 0, direction: .replace,
                    .success(
                        MemberPage(
                            members: members,
                            cursors: members.map { MemberCursor(sortKey: $0.email, id: $0.id) },
                            hasMore: false)))),
            now: now)
        _ = state.update(.team(.countsLoaded(.success(counts))), now: now)
        _ = state.update(.integration(.listLoaded(.success(integrations))), now: now)
        if role == .owner { _ = state.update(.billing(.loaded(.success(billing()))), now: now) }
        state.tab = tab
        state.flash = nil
        return state
    }
}
