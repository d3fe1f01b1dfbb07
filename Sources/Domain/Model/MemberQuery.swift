/// What the Team list asks for: filters, search, sort and a keyset cursor.
///
/// Pages are fetched by keyset ("rows after this one"), never by OFFSET, so the 5,000th page
/// of a 100,000-member workspace costs what the first does.
public struct MemberQuery: Sendable, Equatable {
    public enum SortColumn: String, Sendable, CaseIterable {
        case name, email, role, status, lastActive, joined
    }

    public var status: MemberStatus?
    public var role: Role?
    /// Case-insensitive substring of the name or email; empty means no search.
    public var search: String
    public var sort: SortColumn
    public var ascending: Bool
    public var limit: Int
    /// Continue after this row (in the query's order); nil for the first page.
    public var after: MemberCursor?

    public init(
        status: MemberStatus? = nil, role: Role? = nil, search: String = "",
        sort: SortColumn = .joined, ascending: Bool = true, limit: Int = 100,
        after: MemberCursor? = nil
    ) {
        self.status = status
        self.role = role
        self.search = search
        self.sort = sort
        self.ascending = ascending
        self.limit = limit
        self.after = after
    }
}

/// The position of a row in a sorted member list: its sort key as text and its id.
public struct MemberCursor: Sendable, Equatable {
    public let sortKey: String
    public let id: MemberID

    public init(sortKey: String, id: MemberID) {
        self.sortKey = sortKey
        self.id = id
    }
}

/// One page of members with each row's cursor, and whether more rows follow in the query's
/// direction. Cursors let a caller continue from any row: forwards from the last, or
/// backwards (order reversed) from the first.
public struct MemberPage: Sendable, Equatable {
    public let members: [Member]
    /// `cursors[i]` is the position of `members[i]`.
    public let cursors: [MemberCursor]
    public let hasMore: Bool

    public init(members: [Member], cursors: [MemberCursor], hasMore: Bool) {
        self.members = members
        self.cursors = cursors
        self.hasMore = hasMore
    }

    public var first: MemberCursor? { cursors.first }
    public var last: MemberCursor? { cursors.last }
    /// The cursor for the next page, nil when this was the last.
    public var next: MemberCursor? { hasMore ? last : nil }
}
