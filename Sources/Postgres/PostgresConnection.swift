import CLibpq
import Foundation
import Logging

/// Server notices (`RAISE NOTICE`, warnings) go to the connection's logger: libpq's default
/// prints them to stderr, which would corrupt an ncurses screen.
final class NoticeSink: Sendable {
    let logger: Logger

    init(logger: Logger) { self.logger = logger }

    /// Installs `self` as the notice processor of `handle`; the connection keeps `self` alive.
    func install(on handle: OpaquePointer) {
        PQsetNoticeProcessor(
            handle,
            { context, message in
                guard let context, let message else { return }
                let sink = Unmanaged<NoticeSink>.fromOpaque(context).takeUnretainedValue()
                let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
                sink.logger.notice("\(text)")
            }, Unmanaged.passUnretained(self).toOpaque())
    }
}

/// One libpq connection. Not thread-safe: own it from one actor (see `PostgresClient`).
///
/// Every statement is sent with `PQsendQueryParams` and text parameters, so values never become
/// SQL; statements are `SQL`, which only literals make; the wait for a result can be cancelled
/// from another thread (`canceller`).
public final class PostgresConnection {
    private(set) var handle: OpaquePointer?
    private let secretsToRedact: [String]
    private let notices: NoticeSink
    let canceller = QueryCanceller()

    /// Opens a connection. `conninfo` is a libpq keyword/value string or a `postgres://` URI;
    /// libpq's `PG*` environment variables fill in whatever it leaves out. `overrides` are
    /// further keyword/value pairs (say `dbname` or `user`) passed as separate parameters, so a
    /// value is never spliced into the conninfo text.
    public init(
        conninfo: String, overrides: [(String, String)] = [],
        applicationName: String = "settings-console",
        noticeLogger: Logger = Logger(label: "settings-console.postgres.notice")
    ) throws(PostgresError) {
        self.secretsToRedact = ConninfoPasswords.find(
            in: conninfo, overrides: overrides.filter { $0.0 == "password" }.map(\.1))
        self.notices = NoticeSink(logger: noticeLogger)
        let keywords: [String?] =
            ["dbname", "fallback_application_name", "connect_timeout"] + overrides.map(\.0)
        let values: [String?] = [conninfo, applicationName, "10"] + overrides.map(\.1)
        handle = Self.withOptionalCStrings(keywords + [nil]) { keywordPointers in
            Self.withOptionalCStrings(values + [nil]) { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let handle, PQstatus(handle) == CONNECTION_OK else {
            let message = redact(Self.errorText(handle))
            if let handle { PQfinish(handle) }
            self.handle = nil
            throw PostgresError(kind: .connectionFailed, serverMessage: message)
        }
        notices.install(on: handle)
        canceller.attach(to: handle)
    }

    deinit {
        if let handle { PQfinish(handle) }
    }

    /// Whether libpq still considers the connection usable.
    public var isOpen: Bool {
        guard let handle else { return false }
        return PQstatus(handle) == CONNECTION_OK
    }

    /// Re-establishes a broken connection with the same parameters.
    public func reset() throws(PostgresError) {
        guard let handle else {
            throw PostgresError(kind: .connectionFailed, serverMessage: "connection was closed")
        }
        PQreset(handle)
        guard PQstatus(handle) == CONNECTION_OK else {
            throw PostgresError(
                kind: .connectionFailed, serverMessage: redact(Self.errorText(handle)))
        }
        notices.install(on: handle)
        canceller.attach(to: handle)
    }

    /// Closes the connection; later calls fail with `connectionLost`.
    public func close() {
        canceller.detach()
        if let handle { PQfinish(handle) }
        handle = nil
    }

    /// Runs one statement with bound parameters (`$1`, `$2`, ...) and returns its rows.
    @discardableResult
    public func query(_ statement: SQL, _ parameters: [any PostgresEncodable] = [])
        throws(PostgresError) -> PostgresResult
    {
        guard let handle else {
            throw PostgresError(kind: .connectionLost, serverMessage: "connection was closed")
        }
        let texts = parameters.map(\.postgresText)
        // libpq sends C strings: a NUL would silently cut the value short ("demo-pass\0x"
        // would log in as "demo-pass"), so such a value is refused as PostgreSQL refuses it.
        if let index = texts.firstIndex(where: { $0?.utf8.contains(0) == true }) {
            throw PostgresError(
                kind: .server, sqlState: "22021",
                serverMessage: "parameter $\(index + 1) contains a NUL character")
        }
        let outcome = Self.withOptionalCStrings(texts) { pointers in
            Result { () throws(PostgresError) in
                try runStatement(statement.text, parameters: pointers, handle: handle)
            }
        }
        return try outcome.get()
    }

    /// Runs a script of several statements with no parameters (migrations, seeds).
    public func execute(script: SQL) throws(PostgresError) {
        guard let handle else {
            throw PostgresError(kind: .connectionLost, serverMessage: "connection was closed")
        }
        _ = try runScript(script.text, handle: handle)
    }

    /// Runs `body` inside `BEGIN` / `COMMIT`, rolling back if it throws.
    ///
    /// A connection lost before `COMMIT` was sent means nothing was committed (`connectionLost`);
    /// lost once it was sent, the outcome is unknown (`commitUnconfirmed`), and the caller must
    /// read the data again rather than repeat the transaction.
    public func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try query("BEGIN")
        return try finishTransaction(body)
    }

    /// Runs `body` in the transaction just begun, then commits; rolls back if `body` throws.
    /// Shared by every way of opening a transaction, so each tells a lost COMMIT apart.
    func finishTransaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let value: T
        do {
            value = try body(self)
        } catch {
            if isOpen { _ = try? query("ROLLBACK") }
            throw error
        }
        do throws(PostgresError) {
            try query("COMMIT")
        } catch {
            if error.kind == .connectionLost {
                throw PostgresError(
                    kind: .commitUnconfirmed, serverMessage: error.serverMessage,
                    detail: error.detail)
            }
            // A COMMIT refused unsent (a cancel was waiting for it) leaves the transaction open.
            if isOpen { _ = try? query("ROLLBACK") }
            throw error
        }
        return value
    }

    func read(_ result: OpaquePointer?, handle: OpaquePointer) throws(PostgresError)
        -> PostgresResult
    {
        guard let result else {
            throw PostgresError(
                kind: isOpen ? .unexpectedResult : .connectionLost,
                serverMessage: redact(Self.errorText(handle)))
        }
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return Self.copyRows(result)
        default:
            let sqlState = Self.field(result, CLibpqDiagSQLState)
            if sqlState == nil, PQstatus(handle) != CONNECTION_OK {
                throw PostgresError(
                    kind: .connectionLost, serverMessage: redact(Self.errorText(handle)))
            }
            throw PostgresError(
                kind: .server,
                sqlState: sqlState,
                serverMessage: redact(
                    Self.field(result, CLibpqDiagMessagePrimary) ?? Self.errorText(handle)),
                detail: Self.field(result, CLibpqDiagMessageDetail).map(redact),
                constraint: Self.field(result, CLibpqDiagConstraintName))
        }
    }

    private static func copyRows(_ result: OpaquePointer) -> PostgresResult {
        let columnCount = Int(PQnfields(result))
        let rowCount = Int(PQntuples(result))
        let columns = PostgresColumns(
            (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) })
        var rows: [PostgresRow] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(columnCount)
            for column in 0..<columnCount {
                if PQgetisnull(result, Int32(row), Int32(column)) == 1 {
                    values.append(nil)
                } else {
                    values.append(String(cString: PQgetvalue(result, Int32(row), Int32(column))))
                }
            }
            rows.append(PostgresRow(columns: columns, values: values))
        }
        let affected = Int(String(cString: PQcmdTuples(result))) ?? 0
        return PostgresResult(columns: columns, rows: rows, affectedRows: affected)
    }

    private static func field(_ result: OpaquePointer, _ code: Int32) -> String? {
        guard let pointer = PQresultErrorField(result, code) else { return nil }
        return String(cString: pointer)
    }

    private static func errorText(_ handle: OpaquePointer?) -> String {
        guard let handle, let pointer = PQerrorMessage(handle) else {
            return "out of memory"
        }
        let text = String(cString: pointer).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "unknown libpq error" : text
    }

    /// Replaces any password given in the conninfo or the overrides, in case libpq echoes
    /// part of it back.
    private func redact(_ text: String) -> String {
        ConninfoPasswords.redact(text, passwords: secretsToRedact)
    }

    /// Calls `body` with C strings for each value (NULL for nil) that live for the call.
    static func withOptionalCStrings<R>(
        _ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> R
    ) -> R {
        let duplicated: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0) } }
        defer { duplicated.forEach { free($0) } }
        return body(duplicated.map { $0.map { UnsafePointer($0) } })
    }
}
