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

/// One page of members and the cursor that continues after it (nil on the last page).
public struct MemberPage: Sendable, Equatable {
    public let members: [Member]
    public let next: MemberCursor?

    public init(members: [Member], next: MemberCursor?) {
        self.members = members
        self.next = next
    }
}
