import Domain
import Foundation
import Postgres
import TUI
import ViewModels

/// Measures the console against a 100,000-member workspace and prints the figures.
///
/// Run by `make bench` (release build, private cluster). Figures, not pass/fail: the numbers
/// go into docs/performance.md with the command that produced them.
@main
struct Benchmark {
    static func main() async {
        do {
            try await run()
        } catch {
            FileHandle.standardError.write(Data("bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static let members = Int(ProcessInfo.processInfo.environment["BENCH_MEMBERS"] ?? "") ?? 100_000
    /// Other workspaces beside the large one (`seed --scale` has 99,999 with 9 rows each).
    static let workspaces =
        Int(ProcessInfo.processInfo.environment["BENCH_WORKSPACES"] ?? "") ?? 99_999
    static let iterations = 30

    static func run() async throws {
        if ProcessInfo.processInfo.environment["BENCH_RENDER_ONLY"] != nil {
            // The drawing figures alone, from rows shaped like the scale seed's: no database.
            Rendering.report(firstPage: Rendering.sampleRows(), session: Rendering.sampleSession())
            return
        }
        guard let admin = ProcessInfo.processInfo.environment["SC_TEST_PG"] else {
            throw Failure("SC_TEST_PG is not set; run via `make bench`")
        }
        let database = "sc_bench_\(getpid())"
        let root = PostgresClient(conninfo: admin)
        let quoted = try SQLIdentifier(database)
        try await root.query("CREATE DATABASE \(quoted)")
        let owner = PostgresClient(conninfo: admin, overrides: [("dbname", database)])
        try await Migrator(client: owner).migrate()
        let seedStart = Date()
        let scale = ScaleSeed(
            workspaces: workspaces, largeWorkspaceMembers: members, rowsPerWorkspace: 9)
        let lane = PostgresClient(conninfo: admin, overrides: [("dbname", database)])
        try await scale.load(into: owner, lanes: [lane])
        await lane.close()
        print(
            "setup: \(Format.count(scale.teamRows)) team rows in \(Format.count(workspaces + 1)) workspaces (the largest \(Format.count(members)) members) loaded in \(Format.seconds(Date().timeIntervalSince(seedStart)))"
        )

        let app = PostgresClient(
            conninfo: admin, overrides: [("dbname", database), ("user", "console_app")])
        let session = try await Authenticator(client: app).login(
            email: ScaleSeed.adminEmail, password: "demo-pass",
            workspace: ScaleSeed.largeWorkspaceSlug)
        let store = SettingsStore(client: app, session: session)
        print(
            "\nstore operations as admin over \(Format.count(members)) members (\(iterations) runs each, ms)"
        )
        print(Format.header)
        try await measure("counts (header)") { _ = try await store.memberCounts() }
        let first = try await store.members(MemberQuery(limit: 200))
        try await measure("first page, 200 rows") {
            _ = try await store.members(MemberQuery(limit: 200))
        }
        var deep = MemberQuery(limit: 200)
        deep.after = try await Seeder.cursor(atRow: members / 2, store: store)
        try await measure("page at row \(Format.count(members / 2))") {
            _ = try await store.members(deep)
        }
        try await measure("last page (G)") {
            _ = try await store.members(MemberQuery(ascending: false, limit: 200))
        }
        for column in [MemberQuery.SortColumn.name, .email, .lastActive] {
            try await measure("first page sorted by \(column.rawValue)") {
                _ = try await store.members(MemberQuery(sort: column, limit: 200))
            }
        }
        try await measure("search, one match") {
            _ = try await store.members(MemberQuery(search: "user77777@", limit: 200))
        }
        try await measure("search, ~1% match") {
            _ = try await store.members(MemberQuery(search: "user1234", limit: 200))
        }
        try await measure("search, every row matches") {
            _ = try await store.members(MemberQuery(search: "example", limit: 200))
        }
        for broad in ["u", "us"] {
            try await measure("search, broad prefix \"\(broad)\"") {
                _ = try await store.members(MemberQuery(search: broad, limit: 200))
            }
        }
        try await measure("search, broad prefix \"u\", by name") {
            _ = try await store.members(MemberQuery(search: "u", sort: .name, limit: 200))
        }
        try await measure("search, every row matches, by name") {
            _ = try await store.members(MemberQuery(search: "example", sort: .name, limit: 200))
        }
        try await measure("filter status=pending") {
            _ = try await store.members(MemberQuery(status: .pending, limit: 200))
        }
        try await measure("change role (one transaction)") {
            let member = first.members[10]
            let role: Role = (try await store.member(member.id)).role == .viewer ? .member : .viewer
            try await store.changeRole(member.id, to: role)
        }

        try await TransactionCost.report(client: app, store: store, session: session)
        try await compareWithPgbench(
            store: store, session: session, conninfo: "\(admin) dbname=\(database)",
            deep: deep.after, roleTarget: first.members[10].id)

        Rendering.report(firstPage: first.members, session: session)
        print(
            "\nmemory: peak resident set \(Format.count(Memory.peakKilobytes())) KiB after all of the above"
        )
        await app.close()
        await owner.close()
        try await root.query("DROP DATABASE \(quoted) WITH (FORCE)")
        await root.close()
    }

    /// Each console query beside the same transaction run by pgbench on the same data.
    static func compareWithPgbench(
        store: SettingsStore, session: Session, conninfo: String, deep: MemberCursor?,
        roleTarget: MemberID
    ) async throws {
        let runs = 200
        let reference = PgbenchReference(
            conninfo: conninfo, workspaceID: session.workspaceID.rawValue,
            userID: session.userID.rawValue)
        let workspace = session.workspaceID.rawValue
        var role = try await store.member(roleTarget).role
        print(
            "\nconsole beside pgbench, the same transaction (\(runs) runs each, in 5 alternating rounds, ms)"
        )
        print(
            "  " + "query".padding(toLength: 30, withPad: " ", startingAt: 0)
                + "  console p50    p99   pgbench p50    p99   ratio p50  p99")
        let cases: [(String, [String], () async throws -> Void)] = [
            (
                "counts", [StoreStatements.counts(workspace: workspace)],
                { _ = try await store.memberCounts() }
            ),
            (
                "first page", [StoreStatements.page(workspace: workspace)],
                { _ = try await store.members(MemberQuery(limit: 200)) }
            ),
            (
                "page at row \(Format.count(members / 2))",
                [StoreStatements.page(workspace: workspace, after: deep)],
                {
                    var query = MemberQuery(limit: 200)
                    query.after = deep
                    _ = try await store.members(query)
                }
            ),
            (
                "last page (G)", [StoreStatements.page(workspace: workspace, ascending: false)],
                { _ = try await store.members(MemberQuery(ascending: false, limit: 200)) }
            ),
            (
                "search \"u\" (broad walk)",
                [
                    StoreStatements.isBroad(term: "u"),
                    StoreStatements.joinsAsNestedLoops,
                    StoreStatements.broadSearch(workspace: workspace, term: "u"),
                    StoreStatements.joinsAsUsual,
                ],
                { _ = try await store.members(MemberQuery(search: "u", limit: 200)) }
            ),
            (
                "search, one match",
                [
                    StoreStatements.isBroad(term: "user77777@"),
                    StoreStatements.page(workspace: workspace, search: "user77777@"),
                ],
                { _ = try await store.members(MemberQuery(search: "user77777@", limit: 200)) }
            ),
            (
                "change role",
                StoreStatements.changeRole(
                    workspace: workspace, member: roleTarget.rawValue,
                    actor: session.userID.rawValue),
                {
                    role = role == .viewer ? .member : .viewer
                    try await store.changeRole(roleTarget, to: role)
                }
            ),
        ]
        // The two take turns in rounds, so a burst of load on the machine falls on both
        // alike rather than on whichever ran at the time.
        let rounds = 5
        for (name, statements, body) in cases {
            try await body()
            var samples: [Double] = []
            var referenceSamples: [Double] = []
            for _ in 0..<rounds {
                for _ in 0..<(runs / rounds) {
                    let start = DispatchTime.now().uptimeNanoseconds
                    try await body()
                    samples.append(
                        Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
                }
                referenceSamples += try reference.measure(
                    statements, transactions: runs / rounds)
            }
            let console = (Quantile.of(samples, 0.5), Quantile.of(samples, 0.99))
            let pgbench = (
                p50: Quantile.of(referenceSamples, 0.5), p99: Quantile.of(referenceSamples, 0.99)
            )
            print(
                "  " + name.padding(toLength: 30, withPad: " ", startingAt: 0)
                    + String(
                        format: "  %10.2f %6.2f  %11.2f %6.2f  %9.2f %4.2f", console.0, console.1,
                        pgbench.p50, pgbench.p99, console.0 / pgbench.p50, console.1 / pgbench.p99))
        }
    }

    static func measure(_ name: String, _ body: () async throws -> Void) async throws {
        try await body()  // warm-up: plans cached, pages in memory
        var samples: [Double] = []
        for _ in 0..<iterations {
            let start = DispatchTime.now().uptimeNanoseconds
            try await body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        print(Format.row(name, samples))
    }
}

struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Positions in the list, found through the store.
enum Seeder {
    /// The cursor of the row at `index` in the default order, found by paging with a big limit.
    static func cursor(atRow index: Int, store: SettingsStore) async throws -> MemberCursor? {
        var query = MemberQuery(limit: 1000)
        var seen = 0
        while true {
            let page = try await store.members(query)
            if seen + page.members.count > index { return page.cursors[index - seen] }
            seen += page.members.count
            guard let next = page.next else { return page.last }
            query.after = next
        }
    }
}

/// Rendering cost and how little of the screen one key press changes.
enum Rendering {
    /// 200 rows as `seed --scale` names them, for `BENCH_RENDER_ONLY=1`.
    static func sampleRows() -> [Member] {
        let created = Date(timeIntervalSince1970: 1_780_000_000)
        let roles: [Role] = [.owner, .admin, .member, .viewer]
        return (1...200).map { index in
            Member(
                id: MemberID(UUID()), userID: UserID(UUID()),
                email: "user\(index)@scale.example", fullName: "Scale User \(index)",
                role: roles[index % roles.count], status: .active, invitationExpiresAt: nil,
                acceptedAt: created,
                lastActiveAt: created.addingTimeInterval(Double(index) * 3_600),
                createdAt: created, version: RowVersion("\(index)"))
        }
    }

    static func sampleSession() -> Session {
        Session(
            userID: UserID(UUID()), email: "admin@scale.example", fullName: "Scale Admin",
            workspaceID: WorkspaceID(UUID()), workspaceName: "Scale", role: .admin,
            memberID: MemberID(UUID()), authMethod: "password")
    }

    static func report(firstPage: [Member], session: Session) {
        var state = AppState(session: session, readOnly: false)
        var rows = firstPage
        while rows.count < TeamState.windowLimit { rows += firstPage }
        _ = state.update(
            .team(
                .membersLoaded(
                    generation: 0, direction: .replace,
                    .success(
                        MemberPage(
                            members: Array(rows.prefix(TeamState.windowLimit)),
                            cursors: rows.prefix(TeamState.windowLimit).map {
                                MemberCursor(sortKey: $0.email, id: $0.id)
                            },
                            hasMore: true)))), now: Date())
        let now = Date()
        let size = Size(width: 120, height: 40)
        var scroll = ScrollPositions()
        var previous = ConsoleScreen.render(state, size: size, now: now, scroll: &scroll)
        var samples: [Double] = []
        var changedCells: [Double] = []
        for step in 0..<200 {
            _ = state.update(.moved(step % 50 == 49 ? -49 : 1), now: now)
            let start = DispatchTime.now().uptimeNanoseconds
            let next = ConsoleScreen.render(state, size: size, now: now, scroll: &scroll)
            let runs = CanvasDiff.changes(from: previous, to: next)
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            changedCells.append(Double(runs.reduce(0) { $0 + $1.cells.count }))
            previous = next
        }
        print(
            "\nrendering the Team tab at 120x40 with a \(Format.count(TeamState.windowLimit))-row window (200 key presses)"
        )
        print(Format.header)
        print(Format.row("render + diff per key (ms)", samples))
        print(Format.row("cells sent per key (of 4,800)", changedCells))
    }
}

enum Memory {
    /// VmHWM from /proc/self/status: the most memory this process ever held.
    static func peakKilobytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
            return 0
        }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        return 0
    }
}

enum Format {
    static let header =
        "  " + "measurement".padding(toLength: 44, withPad: " ", startingAt: 0)
        + "   p50      p95      max"

    static func row(_ name: String, _ samples: [Double]) -> String {
        let sorted = samples.sorted()
        func at(_ q: Double) -> Double {
            sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * q))]
        }
        return "  " + name.padding(toLength: 44, withPad: " ", startingAt: 0)
            + String(format: " %8.2f %8.2f %8.2f", at(0.5), at(0.95), sorted.last ?? 0)
    }

    static func count(_ value: Int) -> String { NumberText.grouped(value) }
    static func seconds(_ value: Double) -> String { String(format: "%.1f s", value) }
}
