import Foundation

/// Text that came from outside (a response body, a network error) made fit to store and to
/// show: control and bidi characters become spaces, runs of white space one space, the
/// credentials that were sent are masked, and the result is capped.
public enum ExternalText {
    /// The most of a response body the console reads; the rest is never downloaded.
    public static let bodyLimit = 64 * 1024
    /// The most of it kept in the history and shown.
    public static let storedLimit = 300

    public static func clean(
        _ text: String, masking secrets: [String] = [], limit: Int = storedLimit
    )
        -> String
    {
        var masked = text
        for secret in secrets where secret.count >= 4 {
            masked = masked.replacingOccurrences(of: secret, with: "********")
        }
        var out = ""
        var lastWasSpace = false
        for scalar in masked.unicodeScalars {
            let blank =
                scalar.properties.isWhitespace
                || IntegrationValidation.isDisallowed(scalar)
            if blank {
                if !lastWasSpace, !out.isEmpty { out.append(" ") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            out.unicodeScalars.append(scalar)
            if out.unicodeScalars.count >= limit {
                out.append("…")
                break
            }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    /// A body as text (invalid UTF-8 replaced), cleaned.
    public static func clean(_ body: Data, masking secrets: [String] = []) -> String {
        clean(String(decoding: body.prefix(bodyLimit), as: UTF8.self), masking: secrets)
    }
}
