/// A name to put in a statement where a parameter cannot go (`CREATE DATABASE name`): the one
/// place identifiers are quoted.
///
/// Quoting follows PostgreSQL's own `quote_ident` rule, always applied: the name in double
/// quotes, each double quote in it doubled, so no name can end the identifier early. A NUL
/// cannot be sent to the server at all (libpq would cut the statement there) and an empty
/// name is not an identifier, so both are refused rather than quoted.
public struct SQLIdentifier: Sendable, Hashable, CustomStringConvertible {
    /// The name as given, unquoted.
    public let name: String
    /// The name as it appears in a statement.
    public let quoted: String

    public init(_ name: String) throws(PostgresError) {
        guard !name.isEmpty else {
            throw PostgresError(
                kind: .server, sqlState: "42602", serverMessage: "an identifier cannot be empty")
        }
        guard !name.utf8.contains(0) else {
            throw PostgresError(
                kind: .server, sqlState: "22021",
                serverMessage: "an identifier cannot contain a NUL character")
        }
        self.name = name
        self.quoted = "\"" + name.replacingQuotes() + "\""
    }

    public var description: String { quoted }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        // By scalar, not by Character: a quote followed by a combining mark is one Character
        // that is not equal to `"`, yet the server sees the quote.
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == "\"" { result.append(scalar) }
            result.append(scalar)
        }
        return String(result)
    }
}
