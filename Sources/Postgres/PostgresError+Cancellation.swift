extension PostgresError {
    /// SQLSTATE `query_canceled`: the server stopped the statement on a cancel request.
    static let queryCanceledState = "57014"

    /// True when the statement was stopped by a cancel request (or refused because one was
    /// waiting), not by anything wrong with it.
    public var isCancellation: Bool { sqlState == Self.queryCanceledState }
}
