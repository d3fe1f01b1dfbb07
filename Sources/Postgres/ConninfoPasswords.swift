import CLibpq
import Foundation

/// The passwords a conninfo string or URI holds, so whatever libpq says about a connection
/// can be shown without them.
///
/// libpq's own parser finds them in a well-formed conninfo. A malformed one defeats the
/// parser, and libpq then quotes the text back (`invalid URI ...: "postgres://u:secret@[::1"`,
/// `invalid percent-encoded token: "se%zzcret"`), so the text is also read the way a person
/// would: `password=...` anywhere, and the part after `user:` in a URI's authority.
enum ConninfoPasswords {
    /// Every spelling of every password in `conninfo` (and the `password` overrides passed
    /// beside it), longest first, so no part of a longer one is left behind.
    static func find(in conninfo: String, overrides: [String] = []) -> [String] {
        var found = Set(parsed(conninfo) + overrides)
        for match in conninfo.matches(of: keywordPassword) {
            found.insert(String(match.output.1))
        }
        for match in conninfo.matches(of: quotedKeywordPassword) {
            let quoted = String(match.output.1)
            found.insert(quoted)
            found.insert(quoted.replacingOccurrences(of: "\\'", with: "'"))
        }
        if let userinfo = conninfo.firstMatch(of: uriUserinfo)?.output.1,
            let colon = userinfo.firstIndex(of: ":")
        {
            let password = String(userinfo[userinfo.index(after: colon)...])
            found.insert(password)
            if let at = password.firstIndex(of: "@") { found.insert(String(password[..<at])) }
        }
        for candidate in found {
            if let decoded = candidate.removingPercentEncoding { found.insert(decoded) }
        }
        found.remove("")
        return found.sorted { $0.count > $1.count }
    }

    /// `text` with each of `passwords` replaced by asterisks.
    static func redact(_ text: String, passwords: [String]) -> String {
        passwords.reduce(text) { $0.replacingOccurrences(of: $1, with: "********") }
    }

    /// `password=value` in a keyword list or a URI's query, up to a space, `&` or quote.
    nonisolated(unsafe) private static let keywordPassword = /(?i)password\s*=\s*([^\s&'"]+)/
    /// `password='value with spaces'`, with `\'` inside.
    nonisolated(unsafe) private static let quotedKeywordPassword =
        /(?i)password\s*=\s*'((?:[^'\\]|\\.)*)'?/
    /// `scheme://user:password@` (greedy up to the last `@` before the path).
    nonisolated(unsafe) private static let uriUserinfo =
        /^\s*[A-Za-z][A-Za-z0-9+.-]*:\/\/([^\/?#]*)@/

    /// What libpq's own parser reads as `password` (nothing when it cannot parse the text).
    private static func parsed(_ conninfo: String) -> [String] {
        var errorPointer: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &errorPointer) else {
            if let errorPointer { PQfreemem(errorPointer) }
            return []
        }
        defer { PQconninfoFree(options) }
        var found: [String] = []
        var option = options
        while let keyword = option.pointee.keyword {
            if String(cString: keyword) == "password", let value = option.pointee.val {
                found.append(String(cString: value))
            }
            option = option.advanced(by: 1)
        }
        return found
    }
}
