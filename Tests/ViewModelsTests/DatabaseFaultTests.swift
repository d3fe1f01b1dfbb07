import Domain
import Foundation
import Postgres
import TestSupport
import Testing

@testable import ViewModels

/// A database that does not answer, goes away, or loses a change's confirmation: what the
/// console says, what it keeps, and what it reads again.
@Suite("Database faults in the view-model")
struct DatabaseFaultTests {
    let now = Fixtures.now

    private func state() -> AppState {
        Fixtures.state(.owner, members: [Fixtures.member(1), Fixtures.member(2)])
    }

    @Test func theNoticeGivesTheAgeOfTheOldestRequestAfterThreeSeconds() {
        var state = state()
        _ = state.update(.requestsWaiting(since: now), now: now)
        #expect(state.databaseNotice(now: now.addingTimeInterval(2.9)) == nil, "no flashing")
        #expect(
            state.databaseNotice(now: now.addingTimeInterval(3)) == "database not answering (3 s)")
        #expect(
            state.databaseNotice(now: now.addingTimeInterval(12.7))
                == "database not answering (12 s)")
        // The oldest answered; the next one started 1 s ago.
        _ = state.update(.requestsWaiting(since: now.addingTimeInterval(11.7)), now: now)
        #expect(state.databaseNotice(now: now.addingTimeInterval(12.7)) == nil)
        _ = state.update(.requestsWaiting(since: nil), now: now)
        #expect(state.databaseNotice(now: now.addingTimeInterval(60)) == nil)
    }

    @Test func aPollWhileTheDatabaseIsNotAnsweringQueuesNothingBehindIt() {
        var state = state()
        _ = state.update(.requestsWaiting(since: now), now: now)
        #expect(state.update(.pollDue, now: now.addingTimeInterval(10)).isEmpty)
        #expect(!state.update(.pollDue, now: now.addingTimeInterval(1)).isEmpty)
    }

    /// A search typed while the database was gone is run once it answers again.
    @Test func answeringAgainReloadsWhatIsOnScreenWithTheSearchTyped() {
        var state = state()
        _ = state.update(.team(.searchStarted), now: now)
        _ = state.update(.team(.searchEdited("car")), now: now)
        let generation = state.team.generation
        _ = state.update(
            .team(
                .membersLoaded(
                    generation: generation, direction: .replace,
                    .failure(DomainError(.connectionLost)))), now: now)
        #expect(state.connection == .reconnecting)
        let effects = state.update(
            .team(
                .countsLoaded(
                    .success(
                        MemberCounts(
                            active: 2, pending: 0, inactive: 0, seatLimit: 25, activeOwners: 1)))),
            now: now)
        #expect(state.connection == .connected)
        #expect(
            effects.contains {
                guard case .team(.loadMembers(_, .replace, let query)) = $0 else { return false }
                return query.search == "car"
            }, "\(effects)")
        #expect(state.team.searchDraft == "car", "the prompt keeps what was typed")
    }

    /// The unconfirmed change's message stays while the re-read fails for the outage.
    @Test func anUnconfirmedChangeStaysOnScreenWhileTheDatabaseIsAway() {
        var state = state()
        let effects = state.update(
            .team(.memberChanged(.roleChanged(.admin), .failure(DomainError(.changeUnconfirmed)))),
            now: now)
        let message = DomainError(.changeUnconfirmed).userMessage
        #expect(state.flash?.text == message)
        #expect(state.flash?.expiresAt == nil, "stays until dismissed")
        #expect(effects == state.reconnectProbe(), "asks the database at once")
        _ = state.update(
            .team(.countsLoaded(.failure(DomainError(.cannotConnect(detail: "no socket"))))),
            now: now)
        #expect(state.flash?.text == message)
        #expect(state.connection == .reconnecting)
    }

    /// The proxy cuts the connection after the role change's COMMIT reached the server and
    /// was answered: the store says the outcome is unknown, the view reads the row back and
    /// shows it as saved, and the change went to the server once.
    @Test func aRoleChangeWhoseCommitWasNotConfirmedIsReadBackNeverSentAgain() async throws {
        let database = try await TestDatabase.make(.seeded)
        let proxy = try PostgresProxy(inFrontOf: database.adminConninfo)
        defer { proxy.close() }
        let client = PostgresClient(
            conninfo: database.adminConninfo, overrides: database.appOverrides + proxy.overrides)
        let session = try await Authenticator(client: client).login(
            email: "demo@example.com", password: "demo-pass")
        let runner = EffectRunner(
            store: SettingsStore(client: client, session: session),
            authenticator: Authenticator(client: client))
        var state = AppState(session: session, readOnly: false)
        try await settle(&state, AppState.initialEffects(for: state), runner, now: now)
        let target = try #require(state.team.rows.first { $0.email == "member@example.com" })
        #expect(target.role == .member)

        proxy.cutAfterCommit(ofTransactionContaining: "UPDATE team_members SET role")
        let answer = await runner.run(.team(.changeRole(target.id, .admin, target.version)))
        #expect(
            answer
                == .team(
                    .memberChanged(
                        .roleChanged(.admin), .failure(DomainError(.changeUnconfirmed)))))
        try await settle(&state, state.update(answer, now: now), runner, now: now)

        #expect(proxy.cuts == 1)
        #expect(state.flash?.text == DomainError(.changeUnconfirmed).userMessage)
        #expect(state.connection == .connected, "the console read the database again")
        let shown = try #require(state.team.rows.first { $0.id == target.id })
        #expect(shown.role == .admin, "the row as the database has it: the change was saved")
        #expect(shown.version != target.version)

        let admin = PostgresClient(
            conninfo: database.adminConninfo, overrides: [("dbname", database.name)])
        let row = try #require(
            try await admin.query(
                "SELECT role, (SELECT count(*) FROM audit_logs WHERE resource_id = $1 AND action = 'team.change_role') AS audits FROM team_members WHERE id = $1",
                [target.id.rawValue]
            ).first)
        await admin.close()
        #expect(try row.string("role") == "admin")
        #expect(try row.int("audits") == 1, "one audit row")
        let sent = proxy.statements.filter { $0.contains("UPDATE team_members SET role") }
        #expect(sent.count == 1, "the change was sent once: \(sent)")
        #expect(
            proxy.statements.filter { $0.contains("INSERT INTO audit_logs") }.count == 1)
    }
}
