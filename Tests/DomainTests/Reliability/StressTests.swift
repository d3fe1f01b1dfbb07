import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// Eight clients at once in one workspace, each with a connection of its own, doing random
/// operations through the store (invite, accept, role changes, deactivate, reactivate, remove,
/// plan changes, integration edits) with the row versions they last read, as the console does.
/// Afterwards the database is compared with what each client was told succeeded:
///
/// - no lost update: no two successes on one row started from the same version, and each
///   row's final state is what its last success (the highest version) said;
/// - one audit row per success, for that action and row, and none more;
/// - the invariants (`DatabaseInvariants`) hold.
///
/// `SC_STRESS_OPERATIONS` sets the size (default 400; `make reliability`: 10,000), `SC_SEED`
/// replays a run.
@Suite("stress: parallel clients in one workspace", .serialized)
struct StressTests {
    static let clients = 8

    @Test func parallelClientsLoseNoUpdateAndLeaveOneAuditRowPerSuccess() async throws {
        let operations = ReliabilitySize.value("SC_STRESS_OPERATIONS", default: 400)
        let seed = SeededRandom.fromEnvironment().seed
        let world = try await TeamWorld()
        // Cheap password hashes for the accounts acceptances create; unlimited seats and
        // integrations so plan changes are not all blocked (the limits move with the plan).
        try await world.admin.query("UPDATE console_auth_settings SET bcrypt_cost = 4")
        let start =
            try await world.admin.query("SELECT clock_timestamp()::text AS t").first?
            .string("t") ?? ""
        let log = StressLog()
        let emails = ["demo@example.com", "admin@example.com"]
        var stores: [SettingsStore] = []
        for index in 0..<Self.clients {
            stores.append(try await world.store(email: emails[index % 2], ownConnection: true))
        }
        let perClient = max(1, operations / Self.clients)
        let began = Date()
        await withTaskGroup(of: Void.self) { group in
            for (index, store) in stores.enumerated() {
                group.addTask {
                    var random = SeededRandom(seed: seed &+ UInt64(index))
                    let client = StressClient(
                        index: index, store: store, log: log,
                        protected: [
                            DemoTeam.ownerMember, DemoTeam.adminMember,
                        ])
                    for step in 0..<perClient { await client.step(step, random: &random) }
                }
            }
        }
        let seconds = Date().timeIntervalSince(began)
        for store in stores { await store.client.close() }

        let successes = log.successes
        let report = try await StressCheck(world: world, since: start).check(successes)
        let failures = log.failures
        print(
            "stress: seed \(seed), \(Self.clients) clients, \(perClient * Self.clients) operations in \(String(format: "%.1f", seconds)) s, \(successes.count) succeeded, \(failures.values.reduce(0, +)) refused \(failures.sorted { $0.key < $1.key }), \(report.count) violations"
        )
        #expect(report.isEmpty, "seed \(seed): \(report.prefix(10))")
        #expect(successes.count > operations / 10, "seed \(seed): too few successes to mean much")
    }
}

/// What one client was told succeeded: the row, the version it wrote over (nil: no version
/// was involved, as for an invitation or an acceptance), and what it set.
struct StressSuccess: Sendable {
    enum Effect: Sendable, Equatable {
        case invited(Role)
        case accepted
        case role(Role)
        case status(String)
        case removed
        case plan(Plan)
        case enabled(Bool)
    }

    let action: String
    let resource: UUID
    let expected: RowVersion?
    let effect: Effect
}

/// Every client's answers, shared.
final class StressLog: Sendable {
    private let state = Shared(
        (successes: [StressSuccess](), failures: [String: Int](), tokens: [String]()))

    var successes: [StressSuccess] { state.value.withLock { $0.successes } }
    var failures: [String: Int] { state.value.withLock { $0.failures } }

    func succeeded(_ success: StressSuccess) {
        state.value.withLock { $0.successes.append(success) }
    }

    func failed(_ error: DomainError) {
        let kind = String(describing: error.exitKind)
        state.value.withLock { $0.failures[kind, default: 0] += 1 }
    }

    func offer(token: String) { state.value.withLock { $0.tokens.append(token) } }

    func takeToken(_ pick: Int) -> String? {
        state.value.withLock { value in
            value.tokens.isEmpty ? nil : value.tokens.remove(at: pick % value.tokens.count)
        }
    }
}
