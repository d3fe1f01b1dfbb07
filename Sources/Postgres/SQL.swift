/// A statement, or a piece of one, that can only be written in the source: a string literal,
/// into which nothing but other `SQL` fragments and quoted identifiers can be interpolated.
///
/// `query` and `execute` take `SQL`, not `String`, so text that came from outside (a search, an
/// email, a server's answer) cannot become part of a statement by accident: it has no way in
/// but a bound parameter (`$1`). The literal is a `StaticString`, so even a `String` variable
/// holding SQL does not convert.
public struct SQL: Sendable, Hashable, ExpressibleByStringInterpolation,
    CustomStringConvertible
{
    /// The statement's text, as sent to the server.
    public let text: String

    public init(stringLiteral literal: StaticString) {
        text = literal.description
    }

    public init(stringInterpolation: Interpolation) {
        text = stringInterpolation.text
    }

    public var description: String { text }

    /// What a literal may interpolate: fixed fragments and identifiers quoted by `SQLIdentifier`.
    public struct Interpolation: StringInterpolationProtocol {
        var text = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity)
        }

        public mutating func appendLiteral(_ literal: StaticString) {
            text += literal.description
        }

        /// Another fragment, itself written as a literal.
        public mutating func appendInterpolation(_ fragment: SQL) {
            text += fragment.text
        }

        /// The placeholder of bound parameter `number` (`$3`): a number, never a value.
        public mutating func appendInterpolation(parameter number: Int) {
            precondition(number >= 1, "parameters are numbered from $1")
            text += "$\(number)"
        }

        /// A name (a database, a table) quoted as PostgreSQL quotes identifiers.
        public mutating func appendInterpolation(_ identifier: SQLIdentifier) {
            text += identifier.quoted
        }
    }
}

extension SQL {
    /// Two fragments one after the other.
    public static func + (lhs: SQL, rhs: SQL) -> SQL { "\(lhs)\(rhs)" }
}
