import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// A change that waits behind another on the workspace lock is judged by the actor's role as
/// it is once the lock is free, not as it was when the request arrived.
@Suite struct ConcurrencyRoleChangeTests {
    @Test func aChangeQueuedBehindTheActorsDemotionGetsThePolicysReason() async throws {
        let world = try await TeamWorld()
        let admin = try await world.store(.admin, ownConnection: true)
        let holder = try LockHolder(world.database)
        // An owner's transaction demotes the admin and still holds the workspace lock.
        try await holder.begin(
            "UPDATE team_members SET role = 'member' WHERE id = $1", [DemoTeam.adminMember.rawValue]
        )

        async let attempt = domainError { () async throws(DomainError) in
            try await admin.changeRole(DemoTeam.viewerMember, to: .member)
        }
        var waiting = false
        for _ in 0..<200 where !waiting {
            try await Task.sleep(for: .milliseconds(10))
            waiting =
                try await world.int(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") > 0
        }
        #expect(waiting, "the admin's change queued behind the lock")
        try await holder.commit()

        #expect(await attempt == .forbidden(reason: "Only admins and owners can manage members"))
        #expect(try await world.state(DemoTeam.viewerMember) == "viewer|active|false")
        #expect(try await world.teamAuditCount() == 0)
    }
}

/// A superuser transaction holding the demo workspace's lock, on a thread of its own so the
/// cooperative pool stays free while it waits to be told to commit.
final class LockHolder: Sendable {
    private let conninfo: String
    private let overrides: [(String, String)]
    private let release = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    init(_ database: TestDatabase) throws {
        conninfo = database.adminConninfo
        overrides = [("dbname", database.name)]
    }

    /// Opens the transaction, takes the lock, runs `statement`; returns once all that is done.
    func begin(_ statement: SQL, _ parameters: [any PostgresEncodable]) async throws {
        let conninfo = conninfo
        let overrides = overrides
        let release = release
        let finished = finished
        try await withCheckedThrowingContinuation {
            (continuation: CheckedContinuation<Void, any Error>) in
            Thread {
                do {
                    let connection = try PostgresConnection(
                        conninfo: conninfo, overrides: overrides)
                    try connection.query("BEGIN")
                    try connection.query(
                        "SELECT console_lock_workspace($1)", [DemoTeam.workspaceID.rawValue])
                    try connection.query(statement, parameters)
                    continuation.resume()
                    release.wait()
                    try connection.query("COMMIT")
                    connection.close()
                } catch {
                    continuation.resume(throwing: error)
                }
                finished.signal()
            }.start()
        }
    }

    /// Commits and waits (off the cooperative pool) until the thread is done.
    func commit() async throws {
        release.signal()
        let finished = finished
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread {
                finished.wait()
                continuation.resume()
            }.start()
        }
    }
}
