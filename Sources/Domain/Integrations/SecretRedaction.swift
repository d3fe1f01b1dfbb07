/// Recognises configuration keys that hold secrets and hides their values.
///
/// Secrets belong in the sealed credentials, but older rows (and careless imports) put
/// tokens in `config_data`; whatever the console shows or audits goes through here first.
public enum SecretRedaction {
    /// What a hidden value reads as: set, but write-only (UX.md).
    public static let placeholder = "configured"

    /// Words that mark a secret in a key name: `bot_token`, `api_key`, `signing_secret`,
    /// `password`, `sentry_dsn`, an `Authorization` header, cookies.
    static let secretWords: Set<String> = [
        "token", "tokens", "key", "keys", "secret", "secrets", "password", "passwords", "passwd",
        "pwd", "passphrase", "dsn", "authorization", "credential", "credentials", "cookie",
        "cookies", "signature", "apikey", "bearer",
    ]

    /// Last words that make a name describe a secret rather than hold one: `key_id`,
    /// `api_keys_limit`, `token_type`, `auth_type`.
    static let describingWords: Set<String> = [
        "id", "ids", "type", "limit", "count", "name", "names", "version", "length",
    ]

    /// Whether a key name looks like it holds a secret. Names are split into words at
    /// punctuation and camelCase (`X-API-Key`, `botToken`, `routing_key`).
    public static func isSecretKey(_ key: String) -> Bool {
        let words = self.words(of: key)
        guard let last = words.last, !describingWords.contains(last) else { return false }
        return words.contains { word in
            secretWords.contains(word) || word.hasSuffix("token") || word.hasSuffix("secret")
                || word.hasSuffix("password")
        }
    }

    static func words(of key: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in key {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
                continue
            }
            if character.isUppercase, previousWasLower, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.append(contentsOf: character.lowercased())
            previousWasLower = character.isLowercase || character.isNumber
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `value` with every secret-looking member replaced by `placeholder`, at any depth,
    /// and any password inside a URL (`https://user:pass@host`) hidden.
    public static func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .null, .bool, .number: return value
        case .string(let text): return .string(redactURLPassword(text))
        case .array(let items): return .array(items.map(redact))
        case .object(let members):
            var out: [String: JSONValue] = [:]
            for (key, member) in members {
                out[key] =
                    isSecretKey(key) && member != .null ? .string(placeholder) : redact(member)
            }
            return .object(out)
        }
    }

    /// The paths (`headers.Authorization`) of secret-looking members that carry a value other
    /// than the placeholder: what a draft must not store in plain configuration.
    static func secretPaths(in value: JSONValue, prefix: String = "") -> [String] {
        switch value {
        case .null, .bool, .number, .string: return []
        case .array(let items):
            return items.enumerated().flatMap { secretPaths(in: $1, prefix: "\(prefix)[\($0)]") }
        case .object(let members):
            return members.keys.sorted().flatMap { key -> [String] in
                let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                guard let member = members[key] else { return [] }
                if isSecretKey(key) {
                    switch member {
                    case .null: return []
                    case .string(let text) where text == placeholder: return []
                    case .bool, .number, .string, .array, .object: return [path]
                    }
                }
                return secretPaths(in: member, prefix: path)
            }
        }
    }

    /// Puts back stored values where an edited document still says `placeholder`, so a
    /// configuration read (redacted) and saved again keeps its hidden values.
    static func restore(_ edited: JSONValue, from stored: JSONValue?) -> JSONValue {
        switch edited {
        case .null, .bool, .number: return edited
        case .string(let text):
            // A URL still showing its hidden password ("user:configured@host") keeps the real one.
            if case .string(let original)? = stored, original != text,
                redactURLPassword(original) == text
            {
                return .string(original)
            }
            return edited
        case .array(let items):
            guard case .array(let storedItems)? = stored, storedItems.count == items.count else {
                return edited
            }
            return .array(zip(items, storedItems).map { restore($0, from: $1) })
        case .object(let members):
            var out: [String: JSONValue] = [:]
            for (key, member) in members {
                let storedMember = stored?[key]
                if isSecretKey(key), member == .string(placeholder), let storedMember {
                    out[key] = storedMember
                } else {
                    out[key] = restore(member, from: storedMember)
                }
            }
            return .object(out)
        }
    }

    /// Hides the password part of `scheme://user:password@host...`.
    static func redactURLPassword(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@"),
            let colon = authority[..<at].firstIndex(of: ":")
        else { return text }
        return String(text[..<rest.startIndex]) + authority[..<colon] + ":" + placeholder
            + authority[at...] + rest[authorityEnd...]
    }
}
