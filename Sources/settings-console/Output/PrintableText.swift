import Foundation
import TUI

/// Text that may be written to a terminal as it is.
///
/// The type is the safety: literals written in this program are trusted, and every value
/// interpolated into one is passed through the console's sanitiser (`TerminalText.sanitize`),
/// so a name from the database cannot smuggle in an escape sequence (OSC 52 sets the
/// clipboard), a C1 control or a bidi override, nor break a line of the output. The output's
/// own line breaks come from literals and `joined(lines:)`.
///
/// `original` keeps the values as they came, for `--json`, which escapes rather than replaces.
struct PrintableText: Sendable, Equatable, ExpressibleByStringInterpolation {
    /// Safe to write to a terminal.
    private(set) var text: String
    /// The same text with its values unsanitised: for JSON encoding only, never a terminal.
    private(set) var original: String

    init(stringLiteral literal: String) {
        text = literal
        original = literal
    }

    init(stringInterpolation: Interpolation) {
        text = stringInterpolation.text
        original = stringInterpolation.original
    }

    private init(text: String, original: String) {
        self.text = text
        self.original = original
    }

    /// A value from outside (the database, the environment, an argument) on one line.
    static func untrusted(_ value: String) -> PrintableText {
        PrintableText(text: TerminalText.sanitize(value), original: value)
    }

    /// Untrusted text whose own line breaks are kept (a library's multi-line message); every
    /// other control in it is still made visible.
    static func untrusted(lines value: String) -> PrintableText {
        let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
        return PrintableText(
            text: lines.map { TerminalText.sanitize(String($0)) }.joined(separator: "\n"),
            original: value)
    }

    /// `value` as JSON for scripts: encoded, then every control and bidi character escaped
    /// (see `JSONText`), so it decodes to the original and is inert on a terminal.
    static func json(_ value: some Encodable) -> PrintableText {
        let encoded =
            (try? JSONEncoder.forOutput.encode(value)).map { String(decoding: $0, as: UTF8.self) }
            ?? "null"
        let escaped = JSONText.escapingControls(encoded)
        return PrintableText(text: escaped, original: escaped)
    }

    /// Already-safe pieces, one per line.
    static func joined(lines: [PrintableText]) -> PrintableText {
        PrintableText(
            text: lines.map(\.text).joined(separator: "\n"),
            original: lines.map(\.original).joined(separator: "\n"))
    }

    static func + (left: PrintableText, right: PrintableText) -> PrintableText {
        PrintableText(text: left.text + right.text, original: left.original + right.original)
    }

    var isEmpty: Bool { text.isEmpty }

    /// Builds both texts at once: literals as written, values sanitised in `text` only.
    struct Interpolation: StringInterpolationProtocol {
        fileprivate var text = ""
        fileprivate var original = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity)
        }

        mutating func appendLiteral(_ literal: String) {
            text += literal
            original += literal
        }

        /// Another piece of safe text, embedded as it is.
        mutating func appendInterpolation(_ value: PrintableText) {
            text += value.text
            original += value.original
        }

        /// Any other value: sanitised, whoever wrote it.
        mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            let described = value.description
            text += TerminalText.sanitize(described)
            original += described
        }
    }
}
