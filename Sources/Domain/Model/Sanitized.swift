import Foundation

/// Makes user-supplied text safe to quote inside an error message.
///
/// Error texts are shown in terminals and logs; an echoed value must not carry control
/// characters or run on for pages.
enum Sanitized {
    static func short(_ text: String, limit: Int = 40) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if out.count >= limit {
                out.append("…")
                break
            }
            if scalar.properties.generalCategory == .control
                || scalar.properties.generalCategory == .format
            {
                out.append("\u{FFFD}")
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
