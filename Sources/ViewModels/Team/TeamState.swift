import Domain

/// The Team tab: a window of the member list (never every row), its query and selection.
public struct TeamState: Sendable, Equatable {
    /// Rows fetched per request; the window keeps at most `windowLimit` rows in memory.
    public static let pageSize = 200
    public static let windowLimit = 1000
    /// How long typing must pause before a search is sent: keys of one burst (a paste, a fast
    /// typist, tmux) arrive within a few ms, and the key loop applies the keys already waiting
    /// in one pass, so 10 ms collapses a burst; a human's next key comes far later anyway, and
    /// a newer search cancels the one it replaces.
    public static let searchSettleDelay = Duration.milliseconds(10)

    public var query = MemberQuery(limit: TeamState.pageSize)
    public var rows: [Member] = []
    /// Whether rows exist before the first / after the last row of the window.
    public var hasBefore = false
    public var hasAfter = false
    /// `cursors[i]` is where `rows[i]` stands in the query's order, for paging from either end.
    var cursors: [MemberCursor] = []
    public var selected = 0
    public var counts: MemberCounts?
    public var isLoading = false
    public var loadError: String?
    /// Bumped whenever the query changes, so late answers to an old query are ignored.
    public var generation = 0
    /// The search being typed after `/`; applied as the user types.
    public var searchDraft: String?
    /// The list's last page, fetched right after its first, so `G` shows it without a query.
    var prefetchedEnd: PrefetchedEnd?

    public init() {}

    public var selectedMember: Member? {
        rows.indices.contains(selected) ? rows[selected] : nil
    }
}

/// Where a fetched page goes in the window.
public enum PageDirection: Sendable, Equatable {
    /// The first page: the window starts over.
    case replace
    /// The last page, fetched in reverse order (the `G` jump): the window starts over at the end.
    case end
    /// The page after the window's last row.
    case append
    /// The page before the window's first row, fetched in reverse order.
    case prepend
    /// The last page, fetched in reverse order behind the first and kept aside for `G`.
    case prefetchEnd

    /// Whether the query ran against the list's order, so its rows arrive backwards.
    var isReversed: Bool {
        switch self {
        case .replace, .append: return false
        case .end, .prepend, .prefetchEnd: return true
        }
    }
}

/// The last page of one generation of the list, as fetched (in reverse order).
struct PrefetchedEnd: Sendable, Equatable {
    let generation: Int
    let page: MemberPage
}
