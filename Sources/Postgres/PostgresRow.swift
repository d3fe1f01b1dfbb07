import Foundation

/// One result row in text format, copied out of libpq so it is safe to send across actors.
public struct PostgresRow: Sendable, Equatable {
    /// Shared column names of the result this row came from.
    public let columns: PostgresColumns
    /// The raw text of each field; `nil` is SQL NULL.
    public let values: [String?]

    public init(columns: PostgresColumns, values: [String?]) {
        self.columns = columns
        self.values = values
    }

    /// The raw text of a column, `nil` for NULL. A missing column name is a programming error
    /// in the query, reported as a thrown error rather than a crash.
    public func text(_ name: String) throws(PostgresError) -> String? {
        guard let index = columns.index(of: name) else {
            throw PostgresError(
                kind: .unexpectedResult, serverMessage: "no column named \(name) in result")
        }
        return values[index]
    }

    /// A column that must not be NULL.
    public func required(_ name: String) throws(PostgresError) -> String {
        guard let value = try text(name) else {
            throw PostgresError(
                kind: .unexpectedResult, serverMessage: "column \(name) is NULL")
        }
        return value
    }

    public func string(_ name: String) throws(PostgresError) -> String { try required(name) }

    public func optionalString(_ name: String) throws(PostgresError) -> String? { try text(name) }

    public func int(_ name: String) throws(PostgresError) -> Int {
        try decode(name, try required(name), Int.init)
    }

    public func optionalInt(_ name: String) throws(PostgresError) -> Int? {
        guard let raw = try text(name) else { return nil }
        return try decode(name, raw, Int.init)
    }

    public func bool(_ name: String) throws(PostgresError) -> Bool {
        try decode(name, try required(name), Self.parseBool)
    }

    public func uuid(_ name: String) throws(PostgresError) -> UUID {
        try decode(name, try required(name), UUID.init(uuidString:))
    }

    public func optionalUUID(_ name: String) throws(PostgresError) -> UUID? {
        guard let raw = try text(name) else { return nil }
        return try decode(name, raw, UUID.init(uuidString:))
    }

    public func date(_ name: String) throws(PostgresError) -> Date {
        try decode(name, try required(name), PostgresTimestamp.parse)
    }

    public func optionalDate(_ name: String) throws(PostgresError) -> Date? {
        guard let raw = try text(name) else { return nil }
        return try decode(name, raw, PostgresTimestamp.parse)
    }

    public func optionalDecimal(_ name: String) throws(PostgresError) -> Decimal? {
        guard let raw = try text(name) else { return nil }
        return try decode(name, raw) {
            Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX"))
        }
    }

    private static func parseBool(_ raw: String) -> Bool? {
        switch raw {
        case "t", "true": return true
        case "f", "false": return false
        default: return nil
        }
    }

    private func decode<T>(_ name: String, _ raw: String, _ parse: (String) -> T?)
        throws(PostgresError) -> T
    {
        guard let value = parse(raw) else {
            throw PostgresError(
                kind: .unexpectedResult,
                serverMessage: "column \(name) is not a valid \(T.self)")
        }
        return value
    }
}

/// Column names of a result, shared by all its rows.
public final class PostgresColumns: Sendable, Equatable {
    public let names: [String]
    private let positions: [String: Int]

    public init(_ names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() where positions[name] == nil {
            positions[name] = index
        }
        self.positions = positions
    }

    public func index(of name: String) -> Int? { positions[name] }

    public static func == (lhs: PostgresColumns, rhs: PostgresColumns) -> Bool {
        lhs.names == rhs.names
    }
}

/// The rows of one statement and how many rows it changed.
public struct PostgresResult: Sendable, Equatable {
    public let columns: PostgresColumns
    public let rows: [PostgresRow]
    /// `PQcmdTuples`: rows inserted, updated or deleted (0 for other statements).
    public let affectedRows: Int

    public init(columns: PostgresColumns, rows: [PostgresRow], affectedRows: Int) {
        self.columns = columns
        self.rows = rows
        self.affectedRows = affectedRows
    }

    public var first: PostgresRow? { rows.first }
}
