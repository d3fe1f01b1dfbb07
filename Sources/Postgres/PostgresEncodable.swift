import Foundation

/// A value that can be sent as a bound text parameter; `nil` text means SQL NULL.
///
/// Only bound parameters reach the server: there is no API that splices values into SQL text.
public protocol PostgresEncodable: Sendable {
    var postgresText: String? { get }
}

extension String: PostgresEncodable {
    public var postgresText: String? { self }
}

extension Substring: PostgresEncodable {
    public var postgresText: String? { String(self) }
}

extension Int: PostgresEncodable {
    public var postgresText: String? { String(self) }
}

extension Int32: PostgresEncodable {
    public var postgresText: String? { String(self) }
}

extension Int64: PostgresEncodable {
    public var postgresText: String? { String(self) }
}

extension Bool: PostgresEncodable {
    public var postgresText: String? { self ? "t" : "f" }
}

extension UUID: PostgresEncodable {
    public var postgresText: String? { uuidString.lowercased() }
}

extension Decimal: PostgresEncodable {
    public var postgresText: String? { "\(self)" }
}

extension Double: PostgresEncodable {
    public var postgresText: String? { String(self) }
}

extension Date: PostgresEncodable {
    /// Microsecond precision in UTC, which PostgreSQL parses for `timestamptz`.
    public var postgresText: String? { PostgresTimestamp.format(self) }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public var postgresText: String? {
        switch self {
        case .none: return nil
        case .some(let value): return value.postgresText
        }
    }
}

/// A `text[]` parameter written as a PostgreSQL array literal with every element quoted.
public struct PostgresTextArray: PostgresEncodable, Equatable {
    public let elements: [String]

    public init(_ elements: [String]) { self.elements = elements }

    public var postgresText: String? {
        let quoted = elements.map { element -> String in
            var escaped = ""
            for character in element {
                if character == "\\" || character == "\"" { escaped.append("\\") }
                escaped.append(character)
            }
            return "\"\(escaped)\""
        }
        return "{" + quoted.joined(separator: ",") + "}"
    }
}
