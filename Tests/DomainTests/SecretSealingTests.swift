import Crypto
import Foundation
import Testing

@testable import Domain

/// AES-256-GCM sealing of integration credentials: pure, no database.
@Suite struct SecretSealingTests {
    static let keyA = Data(repeating: 0xA5, count: 32).base64EncodedString()
    static let keyB = Data(repeating: 0x5A, count: 32).base64EncodedString()
    let rowA = IntegrationID(UUID())
    let rowB = IntegrationID(UUID())

    @Test func roundTripsAndStoresAVersionedText() throws {
        let sealer = try CredentialSealer(base64Key: Self.keyA)
        let sealed = try sealer.seal(Secret("xoxb-1234567890-abcdef"), for: rowA)
        #expect(sealed.hasPrefix("v1:"))
        #expect(!sealed.contains("xoxb"))
        let body = try #require(Data(base64Encoded: String(sealed.dropFirst(3))))
        #expect(body.count == 12 + "xoxb-1234567890-abcdef".utf8.count + 16)
        #expect(
            try sealer.open(sealed, keyID: sealer.keyID, for: rowA).revealed
                == "xoxb-1234567890-abcdef")
    }

    @Test func everySealUsesAFreshNonce() throws {
        let sealer = try CredentialSealer(base64Key: Self.keyA)
        let secret = Secret("same secret")
        #expect(try sealer.seal(secret, for: rowA) != sealer.seal(secret, for: rowA))
    }

    @Test func keyIDIsTheStartOfTheKeysHashOrGivenExplicitly() throws {
        let sealer = try CredentialSealer(base64Key: Self.keyA)
        let digest = SHA256.hash(data: Data(repeating: 0xA5, count: 32))
        #expect(sealer.keyID == digest.prefix(4).map { String(format: "%02x", $0) }.joined())
        #expect(sealer.keyID.count == 8)
        #expect(
            try CredentialSealer(base64Key: Self.keyA, keyID: "key_v2_2026").keyID == "key_v2_2026")
        #expect(throws: CredentialError.invalidKeyID(variable: CredentialSealer.keyIDVariable)) {
            try CredentialSealer(base64Key: Self.keyA, keyID: "bad id\n")
        }
    }

    @Test func theWrongKeyNeverOpens() throws {
        let a = try CredentialSealer(base64Key: Self.keyA)
        let b = try CredentialSealer(base64Key: Self.keyB)
        let sealed = try a.seal(Secret("token"), for: rowA)
        #expect(throws: CredentialError.keyMismatch(sealedWith: a.keyID, loaded: b.keyID)) {
            try b.open(sealed, keyID: a.keyID, for: rowA)
        }
        // Same key id, different key material (a mislabelled key): authentication fails.
        let impostor = try CredentialSealer(base64Key: Self.keyB, keyID: a.keyID)
        #expect(throws: CredentialError.authenticationFailed) {
            try impostor.open(sealed, keyID: a.keyID, for: rowA)
        }
    }

    @Test func tamperedCiphertextIsRefusedNotCrashedOn() throws {
        let sealer = try CredentialSealer(base64Key: Self.keyA)
        let sealed = try sealer.seal(Secret("pd-routing-key"), for: rowA)
        var body = try #require(Data(base64Encoded: String(sealed.dropFirst(3))))
        for index in [0, 12, body.count - 1] {
            var flipped = body
            flipped[index] ^= 0x01
            #expect(throws: CredentialError.authenticationFailed) {
                try sealer.open(
                    "v1:" + flipped.base64EncodedString(), keyID: sealer.keyID, for: rowA)
            }
        }
        body.removeLast()
        #expect(throws: CredentialError.authenticationFailed) {
            try sealer.open("v1:" + body.base64EncodedString(), keyID: sealer.keyID, for: rowA)
        }
        for garbage in [
            "", "v1:", "v1:!!!notbase64", "v1:" + Data(count: 10).base64EncodedString(),
            "plaintext-token",
        ] {
            #expect(throws: CredentialError.malformed) {
                try sealer.open(garbage, keyID: nil, for: rowA)
            }
        }
        #expect(throws: CredentialError.unsupportedFormat("v2:")) {
            try sealer.open("v2:AAAA", keyID: nil, for: rowA)
        }
    }

    @Test func aCiphertextMovedToAnotherRowDoesNotOpen() throws {
        let sealer = try CredentialSealer(base64Key: Self.keyA)
        let sealed = try sealer.seal(Secret("dsn://secret"), for: rowA)
        #expect(throws: CredentialError.authenticationFailed) {
            try sealer.open(sealed, keyID: sealer.keyID, for: rowB)
        }
    }

    @Test func badKeysAreNamedByVariableAndNeverEchoed() {
        let shortKey = Data(repeating: 7, count: 16).base64EncodedString()
        let cases: [([String: String], CredentialError)] = [
            ([:], .missingKey(variable: "INTEGRATION_CREDENTIALS_KEY")),
            (
                ["INTEGRATION_CREDENTIALS_KEY": ""],
                .missingKey(variable: "INTEGRATION_CREDENTIALS_KEY")
            ),
            (
                ["INTEGRATION_CREDENTIALS_KEY": "not base64 at all!!"],
                .keyNotBase64(variable: "INTEGRATION_CREDENTIALS_KEY")
            ),
            (
                ["INTEGRATION_CREDENTIALS_KEY": shortKey],
                .keyWrongLength(variable: "INTEGRATION_CREDENTIALS_KEY", bytes: 16)
            ),
            (
                [
                    "INTEGRATION_CREDENTIALS_KEY": Self.keyA,
                    "INTEGRATION_CREDENTIALS_KEY_ID": "a b",
                ],
                .invalidKeyID(variable: "INTEGRATION_CREDENTIALS_KEY_ID")
            ),
        ]
        for (environment, expected) in cases {
            do {
                _ = try CredentialSealer.fromEnvironment(environment)
                Issue.record("accepted \(expected)")
            } catch {
                #expect(error == expected)
                #expect(error.description.contains("INTEGRATION_CREDENTIALS_KEY"))
                #expect(!error.description.contains(shortKey))
                #expect(!error.description.contains("not base64 at all"))
                #expect(!error.description.contains(Self.keyA))
            }
        }
    }

    @Test func acceptsURLSafeAndUnpaddedKeysFromTheEnvironment() throws {
        let bytes = Data((0..<32).map { UInt8(truncatingIfNeeded: $0 * 7 + 250) })
        let standard = bytes.base64EncodedString()
        let urlSafe = standard.replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let a = try CredentialSealer.fromEnvironment(["INTEGRATION_CREDENTIALS_KEY": standard])
        let b = try CredentialSealer.fromEnvironment(["INTEGRATION_CREDENTIALS_KEY": urlSafe + "\n"]
        )
        #expect(a.keyID == b.keyID)
        #expect(try CredentialSealer(base64Key: CredentialSealer.generateKey()).keyID.count == 8)
    }

    @Test func keyMaterialAndSecretsStayOutOfDescriptions() throws {
        let sealer = try CredentialSealer(base64Key: Self.keyA)
        var dumped = ""
        dump(sealer, to: &dumped)
        for text in [sealer.description, String(reflecting: sealer), "\(sealer)", dumped] {
            #expect(!text.contains(Self.keyA))
            #expect(!text.contains("165"))  // 0xA5 as a byte value
            #expect(text.contains(sealer.keyID))
        }
        let secret = Secret("xoxb-do-not-log")
        var dumpedSecret = ""
        dump(secret, to: &dumpedSecret)
        for text in [secret.description, String(reflecting: secret), "\(secret)", dumpedSecret] {
            #expect(!text.contains("xoxb-do-not-log"))
        }
        #expect(!"\(IntegrationDraft.Credentials.replace(secret))".contains("xoxb"))
    }
}
