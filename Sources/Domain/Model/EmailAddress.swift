/// A validated, lower-cased email address.
///
/// Deliberately stricter than RFC 5322 (no quoted local parts, no comments, no IP literals):
/// an address that passes is one every mail system and terminal handles without surprises.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    public let value: String
    public static let maximumLength = 254

    public init(_ text: String) throws(DomainError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw DomainError(.emailEmpty) }
        guard trimmed.utf8.count <= Self.maximumLength else {
            throw DomainError(.emailTooLong)
        }
        // Checked before lower-casing: the Kelvin sign (U+212A) lower-cases to an ASCII "k", so
        // a look-alike address would otherwise pass as a different, plain one.
        guard trimmed.unicodeScalars.allSatisfy(\.isASCII) else {
            throw DomainError(.emailNotASCII)
        }
        let allowedLocal = Set("abcdefghijklmnopqrstuvwxyz0123456789.!#$%&'*+/=?^_`{|}~-")
        let allowedDomain = Set("abcdefghijklmnopqrstuvwxyz0123456789.-")
        let lowered = trimmed.lowercased()
        let parts = lowered.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw DomainError(.emailShape) }
        let local = parts[0]
        let domain = parts[1]
        guard !local.isEmpty, local.utf8.count <= 64 else {
            throw DomainError(.emailLocalPartLength)
        }
        guard local.allSatisfy(allowedLocal.contains) else {
            throw DomainError(.emailLocalPartCharacter)
        }
        guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else {
            throw DomainError(.emailLocalPartDots)
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, domain.allSatisfy(allowedDomain.contains),
            labels.allSatisfy({
                !$0.isEmpty && $0.count <= 63 && !$0.hasPrefix("-") && !$0.hasSuffix("-")
            })
        else { throw DomainError(.emailDomain) }
        value = lowered
    }

    public var description: String { value }
}
