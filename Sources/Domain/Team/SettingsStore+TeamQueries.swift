import Foundation
import Postgres

extension SettingsStore {
    /// Header counts and seat usage, read from the per-workspace counters the database keeps
    /// exact in every transaction (`team_member_counts`): one row, however many members.
    public func memberCounts() async throws(DomainError) -> MemberCounts {
        let row = try await read(
            """
            SELECT COALESCE(c.active, 0) AS active, COALESCE(c.pending, 0) AS pending,
                   COALESCE(c.inactive, 0) AS inactive, COALESCE(c.active_owners, 0) AS owners,
                   (SELECT team_members_limit FROM console_plan_limits()) AS seat_limit
            FROM (SELECT $1::uuid AS id) ws
            LEFT JOIN team_member_counts c ON c.workspace_id = ws.id
            """, [session.workspaceID.rawValue]
        ).first
        guard let row else { throw DomainError.notFound(what: "workspace") }
        do {
            return MemberCounts(
                active: try row.int("active"), pending: try row.int("pending"),
                inactive: try row.int("inactive"), seatLimit: try row.optionalInt("seat_limit"),
                activeOwners: try row.int("owners"))
        } catch {
            throw DomainError.from(error)
        }
    }

    /// One page of the member list in the query's order.
    public func members(_ query: MemberQuery) async throws(DomainError) -> MemberPage {
        guard (1...1000).contains(query.limit) else {
            throw DomainError(.pageLimitOutOfRange)
        }
        let search = query.search.trimmingCharacters(in: .whitespaces)
        guard search.count <= 200 else {
            throw DomainError(.searchTooLong)
        }
        // libpq would cut the text at a NUL and search for the rest.
        guard !search.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw DomainError(.controlCharacters(field: "search"))
        }
        let key = MemberRows.sortKey(query.sort)
        let direction: SQL = query.ascending ? "ASC" : "DESC"
        let comparison: SQL = query.ascending ? ">" : "<"
        func page(matching search: SQL) -> SQL {
            """
            \(MemberRows.select(extraColumns: ", (\(key.sql))::text AS sort_key"))
            JOIN team_member_sort_keys k ON k.member_id = tm.id AND k.workspace_id = $1
            WHERE tm.workspace_id = $1 AND tm.deleted_at IS NULL
              AND ($2::text IS NULL OR tm.status = $2)
              AND ($3::text IS NULL OR tm.role = $3)
              AND \(search)
              AND ($5::text IS NULL OR (\(key.sql), \(key.id)) \(comparison) ($5::\(key.type), $6::uuid))
            ORDER BY \(key.sql) \(direction), \(key.id) \(direction)
            LIMIT $7
            """
        }
        // As a filter the planner reads the list in order and keeps the rows found in the
        // search's hashed result: good when matches are many (a broad pattern whose walk
        // came up short), but for one match it reads the whole workspace (50 ms at 100,000
        // members). As a join of the few ids the search returns, then a sort, a narrow
        // search costs its matches.
        let sql = page(
            matching: "($4::text IS NULL OR tm.id IN (SELECT console_search_members($4)))")
        let narrowSQL = page(matching: "tm.id IN (SELECT console_search_members($4::text))")
        let parameters: [any PostgresEncodable] = [
            session.workspaceID.rawValue, query.status?.rawValue, query.role?.rawValue,
            search.isEmpty ? nil : MemberRows.likePattern(search), query.after?.sortKey,
            query.after?.id.rawValue, query.limit + 1,
        ]
        guard !search.isEmpty else {
            return try Self.page(try await read(sql, parameters).rows, limit: query.limit)
        }
        let walk = MemberSearchWalk.sql(key: key, direction: direction, comparison: comparison)
        return try await transaction { tx in
            let broad = try tx.query(MemberSearchWalk.isBroad, [parameters[3]]).first
            guard try broad?.bool("broad") == true else {
                return try Self.page(try tx.query(narrowSQL, parameters).rows, limit: query.limit)
            }
            // The walk between its two join settings, in one round trip.
            var rows = try tx.connection.pipeline([
                (MemberSearchWalk.nestedLoopsOnly, []),
                (walk, parameters + [MemberSearchWalk.scanLimit]),
                (MemberSearchWalk.everyJoinAgain, []),
            ])[1].rows
            if rows.count <= query.limit {
                rows = try tx.query(sql, parameters).rows
            }
            return try Self.page(rows, limit: query.limit)
        }
    }

    /// The first `limit` of `rows` (read with `limit + 1`, so one more says more follow).
    private static func page(_ rows: [PostgresRow], limit: Int) throws(DomainError) -> MemberPage {
        do {
            let page = rows.prefix(limit)
            return MemberPage(
                members: try page.map(MemberRows.decode),
                cursors: try page.map {
                    MemberCursor(
                        sortKey: try $0.string("sort_key"), id: MemberID(try $0.uuid("id")))
                },
                hasMore: rows.count > limit)
        } catch {
            throw DomainError.from(error)
        }
    }

    /// One member by id.
    public func member(_ id: MemberID) async throws(DomainError) -> Member {
        try await transaction { tx in try tx.member(id) }
    }

    /// The live member or invitation with this email (for the command line).
    public func member(email: String) async throws(DomainError) -> Member {
        let address = try EmailAddress(email)
        return try await transaction { tx in
            let row = try tx.query(
                MemberRows.select + """

                     WHERE \(MemberRows.isLiveRowOfEmail)
                     ORDER BY (tm.status = 'pending') LIMIT 1
                    """, [tx.session.workspaceID.rawValue, address.value]
            ).first
            guard let row else {
                throw DomainError.notFound(what: "no member or invitation for \(address)")
            }
            return try MemberRows.decode(row)
        }
    }
}

extension WorkspaceTransaction {
    /// Reads a live member, optionally locking its row for the rest of the transaction.
    func member(_ id: MemberID, lock: Bool = false) throws -> Member {
        let row = try query(
            MemberRows.select + """

                 WHERE tm.workspace_id = $1 AND tm.id = $2 AND tm.deleted_at IS NULL
                """ + (lock ? " FOR UPDATE OF tm" : ""),
            [session.workspaceID.rawValue, id.rawValue]
        ).first
        guard let row else { throw DomainError.notFound(what: "that member no longer exists") }
        return try MemberRows.decode(row)
    }

    /// Active owners of the workspace, counted under the workspace lock.
    func activeOwnerCount() throws -> Int {
        let row = try query(
            """
            SELECT count(*) AS owners FROM team_members
            WHERE workspace_id = $1 AND role = 'owner' AND status = 'active' AND deleted_at IS NULL
            """, [session.workspaceID.rawValue]
        ).first
        return try row?.int("owners") ?? 0
    }

    /// Refuses to act on a row that changed since the caller read it.
    func requireUnchanged(_ member: Member, expected: RowVersion?) throws {
        if let expected, expected != member.version {
            throw DomainError(.memberChanged(name: member.displayName))
        }
    }
}
