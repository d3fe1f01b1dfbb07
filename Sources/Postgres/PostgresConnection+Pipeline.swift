import CLibpq

/// Several statements in one round trip, through libpq's pipeline mode: each is sent with
/// `PQsendQueryParams` (bound parameters, as `query`), then one `PQpipelineSync`, then every
/// result is read. A console transaction's fixed part (`BEGIN`, the identity, `COMMIT`) then
/// costs one round trip instead of three.
extension PostgresConnection {
    /// Runs `statements` in order in one round trip and returns their results. After a
    /// failure the server skips the rest (up to the sync), and the first error is thrown once
    /// every result has been read, so the connection is idle again either way.
    public func pipeline(_ statements: [(SQL, [any PostgresEncodable])]) throws(PostgresError)
        -> [PostgresResult]
    {
        guard let handle else {
            throw PostgresError(kind: .connectionLost, serverMessage: "connection was closed")
        }
        let texts = statements.map { $0.1.map(\.postgresText) }
        if texts.joined().contains(where: { $0?.utf8.contains(0) == true }) {
            throw PostgresError(
                kind: .server, sqlState: "22021",
                serverMessage: "a parameter contains a NUL character")
        }
        let outcome = Self.withOptionalCStrings(texts.flatMap { $0 }) { pointers in
            Result { () throws(PostgresError) in
                var offset = 0
                var sends: [(String, ArraySlice<UnsafePointer<CChar>?>)] = []
                for (index, statement) in statements.enumerated() {
                    sends.append((statement.0.text, pointers[offset..<offset + texts[index].count]))
                    offset += texts[index].count
                }
                return try runPipeline(sends, handle: handle)
            }
        }
        return try outcome.get()
    }

    /// Runs `BEGIN`, `opening` and `body`'s statements in one transaction, like `transaction`
    /// (a lost COMMIT included), with `BEGIN` and `opening` sent together in one round trip.
    public func transaction<T>(
        opening statement: SQL, _ parameters: [any PostgresEncodable],
        _ body: (PostgresConnection) throws -> T
    ) throws -> T {
        do {
            _ = try pipeline([("BEGIN", []), (statement, parameters)])
        } catch {
            if isOpen { _ = try? query("ROLLBACK") }
            throw error
        }
        return try finishTransaction(body)
    }

    /// Runs `BEGIN`, `opening`, `statement` and `COMMIT` in one round trip and returns
    /// `statement`'s result: a transaction of one read costs what one statement does.
    public func readTransaction(
        opening: SQL, _ openingParameters: [any PostgresEncodable], statement: SQL,
        _ parameters: [any PostgresEncodable]
    ) throws(PostgresError) -> PostgresResult {
        do {
            let results = try pipeline([
                ("BEGIN", []), (opening, openingParameters), (statement, parameters),
                ("COMMIT", []),
            ])
            return results[2]
        } catch {
            // A failed statement leaves the block open and aborted: COMMIT was skipped.
            if isOpen { _ = try? query("ROLLBACK") }
            throw error
        }
    }

    private func runPipeline(
        _ statements: [(String, ArraySlice<UnsafePointer<CChar>?>)], handle: OpaquePointer
    ) throws(PostgresError) -> [PostgresResult] {
        guard canceller.beginStatement() else { throw Self.cancelledError }
        defer { canceller.endStatement() }
        guard PQenterPipelineMode(handle) == 1 else { return [try read(nil, handle: handle)] }
        defer { PQexitPipelineMode(handle) }
        for (sql, parameters) in statements {
            let sent = Array(parameters).withUnsafeBufferPointer { buffer in
                PQsendQueryParams(
                    handle, sql, Int32(buffer.count), nil, buffer.baseAddress, nil, nil, 0)
            }
            guard sent == 1 else { return [try read(nil, handle: handle)] }
        }
        guard PQpipelineSync(handle) == 1 else { return [try read(nil, handle: handle)] }
        var results: [Result<PostgresResult, PostgresError>] = []
        for _ in statements {
            results.append(Result { () throws(PostgresError) in try nextResult(handle) })
        }
        // The sync's own result closes the pipeline.
        while let next = try waitForResult(handle) {
            let status = PQresultStatus(next)
            PQclear(next)
            if status == PGRES_PIPELINE_SYNC { break }
        }
        var values: [PostgresResult] = []
        for result in results { values.append(try result.get()) }
        return values
    }

    /// Reads one statement's results up to the NULL that ends them; the first error wins.
    private func nextResult(_ handle: OpaquePointer) throws(PostgresError) -> PostgresResult {
        var kept: OpaquePointer?
        defer { if let kept { PQclear(kept) } }
        while let next = try waitForResult(handle) {
            if let current = kept, Self.isFailure(current), !Self.isFailure(next) {
                PQclear(next)
            } else {
                if let kept { PQclear(kept) }
                kept = next
            }
        }
        return try read(kept, handle: handle)
    }

    private func waitForResult(_ handle: OpaquePointer) throws(PostgresError) -> OpaquePointer? {
        while PQisBusy(handle) == 1 {
            guard waitUntilReadable(handle), PQconsumeInput(handle) == 1 else {
                _ = try read(nil, handle: handle)
                return nil
            }
        }
        return PQgetResult(handle)
    }

    private static func isFailure(_ result: OpaquePointer) -> Bool {
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY: return false
        default: return true
        }
    }
}
