/// A value that must never be shown: a login password, an invitation token, an integration's
/// credential.
///
/// Every way Swift has of turning a value into text says `<redacted>`: `"\(x)"`,
/// `String(describing:)`, `debugPrint`, `dump` and `Mirror` (so a struct or enum holding one is
/// safe to log whole), and `Encodable` (so a JSON export of a struct holding one is too). The
/// value is read only where it is used, by name: `revealed`, or `withValue`.
public struct Secret: Sendable, Hashable, ExpressibleByStringLiteral, Codable,
    CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable
{
    /// What every description, dump and encoding shows in place of the value.
    public static let redacted = "<redacted>"

    private var value: String

    public init(_ value: String) { self.value = value }

    /// A literal secret: the demo password in tests and the demo command.
    public init(stringLiteral value: String) { self.value = value }

    /// The value itself, for the one place that needs it (a bind parameter, a link, a header).
    public var revealed: String { value }

    /// Calls `body` with the value, so it is read for the length of one use.
    public func withValue<Result>(_ body: (String) throws -> Result) rethrows -> Result {
        try body(value)
    }

    public var isEmpty: Bool { value.isEmpty }

    /// Characters in the value: for a masked field's dots and length rules.
    public var count: Int { value.count }

    /// Editing a secret as it is typed (the login screen's password field).
    public mutating func append(_ character: Character) { value.append(character) }

    public mutating func removeLast() { value.removeLast() }

    public var description: String { Self.redacted }
    public var debugDescription: String { Self.redacted }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// Decodes the value from a string: input is where secrets come from.
    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes `<redacted>`, never the value: an encoded secret cannot be read back.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Self.redacted)
    }
}
