import Foundation

/// Finds secrets carried inside URLs in an integration's settings: a password or user in the
/// address (`https://user:pass@host`) or a secret-looking query parameter (`?sig=`,
/// `?token=`). Settings are readable by every member, so such URLs are refused; the database
/// trigger `integrations_config_refuse_url_secrets` applies the same rule.
enum URLSecrets {
    /// Query parameter names that carry a secret (compared case-insensitively).
    static let secretParameters: Set<String> = [
        "sig", "signature", "token", "access_token", "auth", "key", "api_key", "apikey",
        "secret", "client_secret", "password", "passwd", "pwd",
    ]

    /// The first string anywhere in `value` that is a URL carrying a secret, if any.
    static func first(in value: JSONValue) -> String? {
        switch value {
        case .null, .bool, .number: return nil
        case .string(let text): return carriesSecret(text) ? text : nil
        case .array(let items): return items.lazy.compactMap(first(in:)).first
        case .object(let members):
            return members.keys.sorted().lazy.compactMap { members[$0].flatMap(first(in:)) }
                .first
        }
    }

    static func carriesSecret(_ text: String) -> Bool {
        guard let schemeEnd = text.range(of: "://"),
            text[..<schemeEnd.lowerBound].allSatisfy({
                $0.isLetter || $0.isNumber || "+.-".contains($0)
            }),
            !text[..<schemeEnd.lowerBound].isEmpty
        else { return false }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { "/?#".contains($0) } ?? rest.endIndex
        if rest[..<authorityEnd].contains("@") { return true }
        let beforeFragment = rest.prefix { $0 != "#" }
        guard let query = beforeFragment.firstIndex(of: "?") else { return false }
        return beforeFragment[beforeFragment.index(after: query)...].split(separator: "&")
            .contains { pair in
                let name = pair.prefix { $0 != "=" }
                return pair.contains("=") && secretParameters.contains(name.lowercased())
            }
    }
}
