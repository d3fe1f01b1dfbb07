import Crypto
import Foundation

/// Seals integration credentials with AES-256-GCM under one key, binding each ciphertext to
/// the integration row it belongs to.
///
/// Stored text is `v1:` + base64(nonce(12) | ciphertext | tag(16)). The associated data
/// names the row id, so a ciphertext copied to another row fails to open; the key id stored
/// beside it in `encryption_key_id` tells which key to use during rotation.
public struct CredentialSealer: Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    public static let keyVariable = "INTEGRATION_CREDENTIALS_KEY"
    public static let keyIDVariable = "INTEGRATION_CREDENTIALS_KEY_ID"
    /// Credentials larger than this are refused: integration tokens are short, and a bound on
    /// size keeps a pasted file from being stored as a "token".
    public static let maximumSecretBytes = 16 * 1024
    static let formatPrefix = "v1:"
    static let nonceBytes = 12
    static let tagBytes = 16

    /// Identifies the key without revealing it: explicit, or the first 8 hex digits of the
    /// key's SHA-256.
    public let keyID: String
    /// Raw key bytes; kept as bytes because `SymmetricKey` is not `Sendable`.
    private let keyBytes: [UInt8]

    /// A sealer for a base64 key. `variable` only names the source in error messages.
    public init(
        base64Key: String, keyID explicitKeyID: String? = nil,
        variable: String = CredentialSealer.keyVariable,
        keyIDVariable: String = CredentialSealer.keyIDVariable
    ) throws(CredentialError) {
        let trimmed = base64Key.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .missingKey(variable: variable) }
        guard
            let data = Data(base64Encoded: trimmed)
                ?? Data(base64Encoded: Self.standardBase64(trimmed))
        else { throw .keyNotBase64(variable: variable) }
        guard data.count == 32 else { throw .keyWrongLength(variable: variable, bytes: data.count) }
        try self.init(keyBytes: Array(data), keyID: explicitKeyID, keyIDVariable: keyIDVariable)
    }

    /// A sealer for 32 raw key bytes (tests, and keys fetched from a secrets manager).
    public init(
        keyBytes: [UInt8], keyID explicitKeyID: String? = nil,
        keyIDVariable: String = CredentialSealer.keyIDVariable
    ) throws(CredentialError) {
        guard keyBytes.count == 32 else {
            throw .keyWrongLength(variable: Self.keyVariable, bytes: keyBytes.count)
        }
        if let explicitKeyID {
            guard Self.isValidKeyID(explicitKeyID) else {
                throw .invalidKeyID(variable: keyIDVariable)
            }
            keyID = explicitKeyID
        } else {
            keyID = SHA256.hash(data: keyBytes).prefix(4).map { String(format: "%02x", $0) }
                .joined()
        }
        self.keyBytes = keyBytes
    }

    /// The sealer configured by `INTEGRATION_CREDENTIALS_KEY` (and optionally
    /// `INTEGRATION_CREDENTIALS_KEY_ID`) in `environment`.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(CredentialError) -> CredentialSealer {
        guard let key = environment[keyVariable], !key.isEmpty else {
            throw .missingKey(variable: keyVariable)
        }
        let explicitID = environment[keyIDVariable].flatMap { $0.isEmpty ? nil : $0 }
        return try CredentialSealer(base64Key: key, keyID: explicitID)
    }

    /// A fresh random key, base64-encoded, for `settings-console` to suggest or tests to use.
    public static func generateKey() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() }
    }

    /// Seals `secret` for the integration `id`.
    public func seal(_ secret: Secret, for id: IntegrationID) throws(CredentialError)
        -> String
    {
        let plaintext = Data(secret.revealed.utf8)
        guard !plaintext.isEmpty else { throw .invalidSecret(reason: "must not be empty") }
        guard plaintext.count <= CredentialSealer.maximumSecretBytes else {
            throw .invalidSecret(
                reason: "must be at most \(CredentialSealer.maximumSecretBytes) bytes")
        }
        do {
            let box = try AES.GCM.seal(
                plaintext, using: SymmetricKey(data: keyBytes),
                authenticating: Self.associatedData(id))
            guard let combined = box.combined else {
                throw CredentialError.invalidSecret(reason: "could not be sealed")
            }
            return Self.formatPrefix + combined.base64EncodedString()
        } catch {
            throw .invalidSecret(reason: "could not be sealed")
        }
    }

    /// Opens what `seal` stored for integration `id`; `keyID` is the row's `encryption_key_id`.
    public func open(_ sealed: String, keyID sealedKeyID: String?, for id: IntegrationID)
        throws(CredentialError) -> Secret
    {
        if let sealedKeyID, sealedKeyID != keyID {
            throw .keyMismatch(sealedWith: sealedKeyID, loaded: keyID)
        }
        guard sealed.hasPrefix(Self.formatPrefix) else {
            if let colon = sealed.firstIndex(of: ":"),
                sealed.distance(from: sealed.startIndex, to: colon) <= 4
            {
                throw .unsupportedFormat(String(sealed[...colon]))
            }
            throw .malformed
        }
        let body = sealed.dropFirst(Self.formatPrefix.count)
        guard let combined = Data(base64Encoded: String(body)),
            combined.count >= Self.nonceBytes + Self.tagBytes
        else { throw .malformed }
        let plaintext: Data
        do {
            let box = try AES.GCM.SealedBox(combined: combined)
            plaintext = try AES.GCM.open(
                box, using: SymmetricKey(data: keyBytes), authenticating: Self.associatedData(id))
        } catch {
            throw .authenticationFailed
        }
        guard let text = String(data: plaintext, encoding: .utf8) else { throw .malformed }
        return Secret(text)
    }

    /// Binds a ciphertext to its row: a domain label plus the row id.
    static func associatedData(_ id: IntegrationID) -> Data {
        Data("settings-console/integrations_config/\(id.description)".utf8)
    }

    static func isValidKeyID(_ text: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-")
        return (1...64).contains(text.count) && text.allSatisfy(allowed.contains)
    }

    /// Accepts URL-safe base64 and missing padding, as keys are often pasted that way.
    static func standardBase64(_ text: String) -> String {
        var standard = text.replacingOccurrences(of: "-", with: "+")
            .replacingOccurrences(of: "_", with: "/")
        while standard.count % 4 != 0 { standard.append("=") }
        return standard
    }

    public var description: String { "CredentialSealer(keyID: \(keyID))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["keyID": keyID], displayStyle: .struct)
    }
}
