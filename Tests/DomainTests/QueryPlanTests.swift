import Domain
import Foundation
import Logging
import Postgres
import Synchronization
import TestSupport
import Testing

/// Every query the console runs, planned on data at scale: none may read a large table from
/// end to end (issue 11). PostgreSQL's auto_explain reports each statement's executed plan,
/// nested ones included, as a notice to the console's own connection, whose logger this
/// test reads.
@Suite(.serialized) struct QueryPlanTests {
    /// Tables at least this large must be reached through an index.
    static let largeTable = 10_000

    /// Every index of the schema the console reads, and whether the queue of set-aside
    /// definitions is left over.
    static func indexNames(_ client: PostgresClient) async throws -> [String] {
        try await client.query(
            """
            SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public'
            UNION ALL
            SELECT 'queue left: ' || relname FROM pg_class WHERE relname = 'scale_seed_indexes'
            ORDER BY 1
            """
        ).rows.map { try $0.string("name") }
    }

    @Test func noConsoleQueryScansALargeTable() async throws {
        let database = try await TestDatabase.make(.migrated)
        let admin = database.adminClient()
        let indexesBefore = try await Self.indexNames(admin)
        let lane = database.adminClient()
        try await ScaleSeed(workspaces: 2_000, largeWorkspaceMembers: 100_000, rowsPerWorkspace: 9)
            .load(into: admin, lanes: [lane])
        await lane.close()
        // The load sets the secondary indexes aside and two lanes build them again.
        #expect(try await Self.indexNames(admin) == indexesBefore)
        let role = try SQLIdentifier(database.name)
        for setting: SQL in [
            "session_preload_libraries = 'auto_explain'", "auto_explain.log_min_duration = 0",
            "auto_explain.log_level = 'notice'", "auto_explain.log_format = 'json'",
            "auto_explain.log_nested_statements = on", "auto_explain.log_analyze = on",
            "auto_explain.log_buffers = on",
        ] {
            try await admin.query(
                "ALTER ROLE console_app IN DATABASE \(role) SET \(setting)")
        }
        let large = Set(
            try await admin.query(
                """
                SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.reltuples >= $1
                """, [Self.largeTable]
            ).rows.map { try $0.string("relname") })
        #expect(large.isSuperset(of: ["team_members", "users", "team_member_sort_keys"]))

        let notices = NoticeRecorder()
        let app = PostgresClient(
            conninfo: database.adminConninfo, overrides: database.appOverrides,
            logger: Logger(label: "plans") { _ in notices })
        let owner = SettingsStore(
            client: app,
            session: try await Authenticator(client: app).login(
                email: ScaleSeed.ownerEmail, password: "demo-pass",
                workspace: ScaleSeed.largeWorkspaceSlug))

        try await ConsoleQueries.runAll(on: owner)
        await app.close()
        await admin.close()

        let plans = notices.plans()
        #expect(plans.count > 30, "auto_explain reported \(plans.count) plans")
        for plan in plans {
            let scanned = plan.sequentialScans.filter(large.contains)
            #expect(scanned.isEmpty, "sequential scan of \(scanned) in:\n\(plan.query)")
        }
        Self.checkSearches(plans, large: large)
    }

    /// A search reads its own workspace's matches (sql/migrations/0010), never the trigram
    /// indexes over every user of the database, and no search statement reads more rows of a
    /// large table than a broad walk may (`u` sorted by name used to fall back to a trigram
    /// search that read every member).
    static func checkSearches(_ plans: [NoticeRecorder.Plan], large: Set<String>) {
        let searches = plans.filter {
            $0.query.contains("search_text") || $0.query.contains("ILIKE")
        }
        #expect(searches.count >= 10, "\(searches.count) search plans")
        let indexes = plans.reduce(into: Set<String>()) { $0.formUnion($1.indexes) }
        #expect(indexes.contains("idx_member_sort_keys_search"))
        #expect(indexes.isDisjoint(with: ["idx_users_email_trgm", "idx_users_full_name_trgm"]))
        for plan in searches {
            let read = plan.rowsRead.filter { large.contains($0.key) && $0.value > 10_000 }
            #expect(read.isEmpty, "search read \(read) rows in:\n\(plan.query)")
        }
    }
}

/// Every read the console's views make, and its changes, as the owner of the large workspace.
enum ConsoleQueries {
    static func runAll(on store: SettingsStore) async throws {
        _ = try await store.memberCounts()
        for column in MemberQuery.SortColumn.allCases {
            for ascending in [true, false] {
                let first = try await store.members(
                    MemberQuery(sort: column, ascending: ascending, limit: 200))
                var next = MemberQuery(sort: column, ascending: ascending, limit: 200)
                next.after = first.next
                _ = try await store.members(next)
            }
        }
        _ = try await store.members(MemberQuery(status: .pending, limit: 200))
        _ = try await store.members(MemberQuery(role: .admin, limit: 200))
        _ = try await store.members(MemberQuery(search: "user77777@", limit: 200))
        _ = try await store.members(MemberQuery(search: "user1234", limit: 200))
        // Broad patterns: the walk in the list's order (0009), first page and the next.
        for broad in ["u", "us", "scale"] {
            let first = try await store.members(MemberQuery(search: broad, limit: 200))
            var next = MemberQuery(search: broad, limit: 200)
            next.after = first.next
            _ = try await store.members(next)
        }
        // By name the 1,000 pending invitations, whose emails hold no "u", come first.
        _ = try await store.members(MemberQuery(search: "u", sort: .name, limit: 200))
        let page = try await store.members(MemberQuery(limit: 5))
        if let member = page.members.last {
            _ = try await store.member(member.id)
            _ = try await store.member(email: member.email)
        }
        let audit = try await store.auditLog(limit: 50)
        _ = try await store.auditLog(limit: 50, before: audit.next)
        let integrations = try await store.integrations()
        if let first = integrations.first { _ = try await store.integration(first.id) }
        _ = try await store.billing()
        _ = try await store.sshKeys()
        _ = try await store.sshKeys(of: ScaleSeed.adminEmail)

        let invited = try await store.invite(email: "plan-check@scale.example", role: .viewer)
        _ = try await store.member(email: "plan-check@scale.example")
        try await store.revokeInvitation(invited.memberID)
        let admin = try await store.member(email: ScaleSeed.adminEmail)
        try await store.changeRole(admin.id, to: .member)
        try await store.deactivate(admin.id)
        try await store.reactivate(admin.id)
        _ = try await store.expireInvitations()
    }
}

/// The notices a connection received, and the plans auto_explain put in them.
final class NoticeRecorder: LogHandler, Sendable {
    struct Plan {
        let query: String
        /// Relations read by a `Seq Scan` node that ran, anywhere in the plan.
        let sequentialScans: Set<String>
        /// Indexes any node of the plan reads.
        let indexes: Set<String>
        /// Rows each relation's scan nodes returned, over all their loops.
        let rowsRead: [String: Double]
    }

    private let messages = Mutex<[String]>([])

    func log(event: LogEvent) {
        let text = "\(event.message)"
        messages.withLock { $0.append(text) }
    }

    func plans() -> [Plan] {
        messages.withLock { $0 }.compactMap { message in
            guard let start = message.range(of: "plan:")?.upperBound,
                let object = try? JSONSerialization.jsonObject(
                    with: Data(message[start...].utf8)) as? [String: Any],
                let plan = object["Plan"] as? [String: Any]
            else { return nil }
            var indexes: Set<String> = []
            var rowsRead: [String: Double] = [:]
            Self.visit(plan) { node in
                if let index = node["Index Name"] as? String { indexes.insert(index) }
                if let relation = node["Relation Name"] as? String {
                    let rows = (node["Actual Rows"] as? NSNumber)?.doubleValue ?? 0
                    let loops = (node["Actual Loops"] as? NSNumber)?.doubleValue ?? 1
                    rowsRead[relation, default: 0] += rows * loops
                }
            }
            return Plan(
                query: object["Query Text"] as? String ?? "?",
                sequentialScans: Self.seqScans(in: plan), indexes: indexes, rowsRead: rowsRead)
        }
    }

    private static func visit(_ node: [String: Any], _ body: ([String: Any]) -> Void) {
        body(node)
        for child in node["Plans"] as? [[String: Any]] ?? [] { visit(child, body) }
    }

    private static func seqScans(in node: [String: Any]) -> Set<String> {
        var found: Set<String> = []
        // A node that never ran read nothing: a plan only planned (the EXPLAIN behind
        // console_search_breadth) reports its nodes with no loops.
        if node["Node Type"] as? String == "Seq Scan",
            let relation = node["Relation Name"] as? String,
            ((node["Actual Loops"] as? NSNumber)?.intValue ?? 0) > 0
        {
            found.insert(relation)
        }
        for child in node["Plans"] as? [[String: Any]] ?? [] {
            found.formUnion(seqScans(in: child))
        }
        return found
    }

    subscript(metadataKey _: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }
    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }
    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }
}
