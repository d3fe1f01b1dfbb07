/// Text attributes that work without colour, so the mono theme can still tell things apart.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)

    /// Every attribute with its theme-file key, in a stable order for printing.
    public static let named: [(key: String, attribute: TextAttributes)] = [
        ("bold", .bold), ("dim", .dim), ("reverse", .reverse), ("underline", .underline),
    ]
}

/// The style of a cell as code asks for it: a semantic role plus extra attributes.
///
/// Colours are decided later by the `Theme`; the extra attributes are added on top of the
/// theme's own (e.g. a bold word inside body text).
public struct Style: Sendable, Hashable {
    public var role: StyleRole
    public var attributes: TextAttributes

    public init(_ role: StyleRole, _ attributes: TextAttributes = []) {
        self.role = role
        self.attributes = attributes
    }

    /// This style with `extra` attributes added.
    public func adding(_ extra: TextAttributes) -> Style {
        Style(role, attributes.union(extra))
    }

    public static let body = Style(.body)

    /// Short readable form used in styled snapshots: `gauge.warn`, `body+bold+reverse`.
    public var snapshotName: String {
        var name = role.rawValue
        for (key, attribute) in TextAttributes.named where attributes.contains(attribute) {
            name += "+" + key
        }
        return name
    }
}

extension StyleRole {
    /// The role as a `Style` with no extra attributes.
    public var style: Style { Style(self) }
}
