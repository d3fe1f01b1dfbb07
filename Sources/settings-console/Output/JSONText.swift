import Foundation

/// JSON that a terminal cannot misread.
///
/// `JSONEncoder` escapes C0 controls but leaves DEL, C1 controls (the one-byte CSI `0x9B`),
/// bidi overrides and other invisible format characters raw. Outside strings, compact JSON
/// holds only ASCII punctuation, digits and letters, so such characters can only stand inside
/// strings, where `\uXXXX` means the same character: escaping the encoded text is sound, and
/// the document decodes to exactly what was encoded.
enum JSONText {
    /// `json` with every character a terminal could act on or that hides text written as
    /// `\uXXXX` (a surrogate pair beyond the BMP).
    static func escapingControls(_ json: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard mustEscape(scalar) else {
                output.append(scalar)
                continue
            }
            for unit in String(scalar).utf16 {
                let hex = String(unit, radix: 16)
                output.append(
                    contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                        .unicodeScalars)
            }
        }
        return String(output)
    }

    /// C0 and C1 controls, DEL, the line and paragraph separators, and every format character
    /// (bidi embeddings, overrides, isolates and marks, the Arabic letter mark, BOMs,
    /// zero-width characters, tags).
    static func mustEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029:
            return true
        default:
            return scalar.properties.generalCategory == .format
        }
    }
}

extension JSONEncoder {
    /// Compact, sorted and with ISO 8601 dates: stable output for scripts to compare.
    static var forOutput: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
