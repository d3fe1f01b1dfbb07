/// The line-drawing characters of a frame.
public enum BoxLines: Sendable, Hashable {
    case single
    case rounded
    case double
    case heavy
    /// `+`, `-` and `|`, for terminals without a UTF-8 locale.
    case ascii

    /// The six characters a frame is drawn with.
    public struct Glyphs: Sendable, Hashable {
        public let horizontal: String
        public let vertical: String
        public let topLeft: String
        public let topRight: String
        public let bottomLeft: String
        public let bottomRight: String
    }

    public var glyphs: Glyphs {
        switch self {
        case .single:
            return Glyphs(
                horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└",
                bottomRight: "┘")
        case .rounded:
            return Glyphs(
                horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮", bottomLeft: "╰",
                bottomRight: "╯")
        case .double:
            return Glyphs(
                horizontal: "═", vertical: "║", topLeft: "╔", topRight: "╗", bottomLeft: "╚",
                bottomRight: "╝")
        case .heavy:
            return Glyphs(
                horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓", bottomLeft: "┗",
                bottomRight: "┛")
        case .ascii:
            return Glyphs(
                horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
                bottomRight: "+")
        }
    }
}
