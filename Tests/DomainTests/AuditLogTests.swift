import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// The audit log through the store: newest first, keyset pages, owners and admins only.
@Suite struct AuditLogTests {
    let database: TestDatabase

    init() async throws {
        database = try await TestDatabase.make(.seeded)
    }

    /// Makes five audited changes, each in its own transaction, and returns their actions
    /// in the order they happened.
    func makeHistory(_ store: SettingsStore) async throws -> [String] {
        try await store.changePlan(to: .enterprise)
        try await store.cancelAtPeriodEnd()
        try await store.resume()
        let added = try await store.addIntegration(
            IntegrationDraft(
                type: .custom, name: "Audit me", config: .object(["region": .string("eu")])))
        try await store.disableIntegration(added.id)
        return [
            "billing.change_plan", "billing.cancel", "billing.resume", "integrations.add",
            "integrations.disable",
        ]
    }

    @Test func listsNewestFirstInKeysetPagesThatNeitherRepeatNorSkip() async throws {
        let store = try await DemoLogin.store(database, .owner)
        let done = try await makeHistory(store)
        var seen: [AuditEntry] = []
        var cursor: AuditCursor?
        var pages = 0
        repeat {
            let page = try await store.auditLog(limit: 2, before: cursor)
            #expect(page.entries.count <= 2)
            seen += page.entries
            cursor = page.next
            pages += 1
        } while cursor != nil && pages < 50
        let changes = seen.filter { !$0.action.hasPrefix("auth.") }
        #expect(changes.map(\.action) == done.reversed())
        #expect(Set(seen.map(\.id)).count == seen.count)
        let total = try await DemoLogin.scalar(database, "SELECT count(*) FROM audit_logs")
        #expect(String(seen.count) == total)
        for (newer, older) in zip(seen, seen.dropFirst()) {
            #expect(newer.createdAt >= older.createdAt)
        }
        let plan = try #require(changes.last)
        #expect(plan.actor == "demo@example.com")
        #expect(plan.actorName == "Demo Owner")
        #expect(plan.resourceType == "billing_config")
        #expect(plan.method == "password")
        #expect(plan.summary.contains("plan: professional → enterprise"))
        #expect(plan.summary.contains("team_members_limit: 25 → unlimited"))
        let added = try #require(changes.first { $0.action == "integrations.add" })
        #expect(added.after["name"] == .string("Audit me"))
        #expect(added.before == .emptyObject)
    }

    @Test func adminsReadItMembersAndViewersDoNot() async throws {
        let owner = try await DemoLogin.store(database, .owner)
        _ = try await makeHistory(owner)
        let admin = try await DemoLogin.store(database, .admin)
        #expect(
            try await admin.auditLog(limit: 100).entries.contains {
                $0.action == "billing.change_plan"
            })
        for role in [Role.member, .viewer] {
            let store = try await DemoLogin.store(database, role)
            let error = await DemoLogin.error { () async throws(DomainError) in
                try await store.auditLog()
            }
            #expect(error == .forbidden(reason: "Only admins and owners can read the audit log"))
            let visible = try await DemoLogin.asConsoleApp(database, role) { connection in
                try connection.query("SELECT count(*) AS n FROM audit_logs").first?.int("n")
            }
            #expect(visible == 0, "\(role) reads audit_logs in SQL")
        }
    }

    @Test func cursorsTravelAsTokens() async throws {
        let store = try await DemoLogin.store(database, .owner)
        _ = try await makeHistory(store)
        let first = try await store.auditLog(limit: 2)
        let next = try #require(first.next)
        let again = try AuditCursor(token: next.token)
        #expect(again == next)
        let second = try await store.auditLog(limit: 2, before: again)
        #expect(Set(second.entries.map(\.id)).isDisjoint(with: first.entries.map(\.id)))
        for bad in [
            "", "nope", Data("2026-01-01|not-a-uuid".utf8).base64EncodedString(),
            Data("yesterday|\(UUID())".utf8).base64EncodedString(),
        ] {
            #expect(
                throws: DomainError.invalid(
                    field: "cursor", reason: "is not a cursor this program printed")
            ) {
                try AuditCursor(token: bad)
            }
        }
    }

    @Test func limitsOutsideOneToAThousandAreInvalid() async throws {
        let store = try await DemoLogin.store(database, .owner)
        for limit in [0, -1, 1001] {
            let error = await DemoLogin.error { () async throws(DomainError) in
                try await store.auditLog(limit: limit)
            }
            #expect(error == .invalid(field: "limit", reason: "must be between 1 and 1000"))
        }
    }

    @Test func theLogIsAppendOnlyEvenForOwnersInRawSQL() async throws {
        let owner = try await DemoLogin.store(database, .owner)
        _ = try await makeHistory(owner)
        for sql: SQL in ["UPDATE audit_logs SET action = 'x.y'", "DELETE FROM audit_logs"] {
            let error = await #expect(throws: PostgresError.self) {
                try await DemoLogin.asConsoleApp(database, .owner) { connection in
                    try connection.query(sql)
                }
            }
            #expect(error?.sqlState == "42501", "\(sql)")
        }
        // Writing as someone else is refused too.
        let forged = await #expect(throws: PostgresError.self) {
            try await DemoLogin.asConsoleApp(database, .owner) { connection in
                try connection.query(
                    "INSERT INTO audit_logs (workspace_id, user_id, action, resource_type) VALUES ($1, $2, 'team.forged', 'x')",
                    [DemoLogin.workspaceID, "10000000-0000-0000-0000-000000000004"])
            }
        }
        #expect(forged?.sqlState == "42501")
    }

    @Test func rowsFromOtherWritersStillRead() async throws {
        try await database.adminClient().query(
            """
            INSERT INTO audit_logs (workspace_id, user_id, action, resource_type, resource_id, changes)
            VALUES ($1, '00000000-0000-0000-0000-000000000001', 'team_member.role_changed', 'team_member',
                    '10000000-0000-0000-0000-000000000003', '{"old_role": "member", "new_role": "admin", "api_token": "tok-LEAK"}')
            """, [DemoLogin.workspaceID])
        let store = try await DemoLogin.store(database, .admin)
        let entry = try #require(
            try await store.auditLog().entries.first { $0.action == "team_member.role_changed" })
        #expect(entry.after["new_role"] == .string("admin"))
        #expect(entry.after["api_token"] == .string("configured"))
        #expect(!entry.summary.contains("tok-LEAK"))
    }
}
