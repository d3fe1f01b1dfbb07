import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// Sealed credentials in the database: write-only to callers, bound to their row, kept
/// out of the audit log, and re-sealed without loss on key rotation.
@Suite struct IntegrationCredentialTests {
    let database: TestDatabase
    let key1: CredentialSealer
    let key2: CredentialSealer

    init() async throws {
        database = try await TestDatabase.make(.seeded)
        key1 = try CredentialSealer(base64Key: CredentialSealer.generateKey())
        key2 = try CredentialSealer(base64Key: CredentialSealer.generateKey())
    }

    static let secret = "xoxb-TOPSECRET-4f9c2a71"

    static func draft(_ name: String, secret: String = IntegrationCredentialTests.secret)
        -> IntegrationDraft
    {
        IntegrationDraft(
            type: .slack, name: name,
            // A closed loopback port: test deliveries never leave the machine.
            config: .object([
                "channel_id": .string("C0ALERTS"), "api_url": .string("http://127.0.0.1:9"),
            ]),
            credentials: .replace(Secret(secret)))
    }

    /// The stored ciphertext and key id of a row, read as superuser.
    func sealed(_ id: IntegrationID) async throws -> (text: String, keyID: String) {
        let row = try #require(
            try await database.adminClient().query(
                "SELECT credentials_encrypted, encryption_key_id FROM integrations_config WHERE id = $1",
                [id.rawValue]
            ).first)
        return (try row.string("credentials_encrypted"), try row.string("encryption_key_id"))
    }

    @Test func credentialsAreSealedUnderTheRowIDAndNeverReturned() async throws {
        let store = try await DemoLogin.store(database, .admin)
        let added = try await store.addIntegration(Self.draft("Alerts"), sealer: key1)
        #expect(added.summary.hasCredentials)
        #expect(added.encryptionKeyID == key1.keyID)
        let stored = try await sealed(added.id)
        #expect(stored.text.hasPrefix("v1:") && !stored.text.contains("TOPSECRET"))
        #expect(stored.keyID == key1.keyID)
        #expect(
            try key1.open(stored.text, keyID: stored.keyID, for: added.id).revealed == Self.secret)

        var everything = ""
        dump(try await store.integration(added.id), to: &everything)
        dump(try await store.integrations(), to: &everything)
        #expect(!everything.contains("TOPSECRET"))
        #expect(!everything.contains(stored.text))
    }

    @Test func secretsNeverReachTheAuditLog() async throws {
        let store = try await DemoLogin.store(database, .owner)
        let added = try await store.addIntegration(Self.draft("Alerts"), sealer: key1)
        var draft = added.draft
        draft.credentials = .replace(Secret("xoxb-TOPSECRET-rotated-by-hand"))
        try await store.editIntegration(added.id, draft, sealer: key1)
        try await store.testIntegration(added.id, sealer: key1)
        try await store.rotateCredentialsKey(from: key1, to: key2)
        draft.credentials = .remove
        try await store.editIntegration(added.id, draft)
        try await store.removeIntegration(added.id)
        let audit = try await database.adminClient().query(
            "SELECT action, changes::text AS changes FROM audit_logs WHERE action LIKE 'integrations.%' ORDER BY created_at"
        )
        #expect(
            try audit.rows.map { try $0.string("action") } == [
                "integrations.add", "integrations.edit", "integrations.test",
                "integrations.rotate_key",
                "integrations.edit", "integrations.remove",
            ])
        for row in audit.rows {
            let changes = try row.string("changes")
            let action = try row.string("action")
            #expect(!changes.contains("TOPSECRET"), "secret in \(action)")
            #expect(!changes.contains("v1:"), "ciphertext in \(action)")
        }
        let everyRow = try await DemoLogin.scalar(
            database, "SELECT count(*) FROM audit_logs WHERE changes::text LIKE '%TOPSECRET%'")
        #expect(everyRow == "0")
    }

    /// Credentials that do not open here are the console's problem (no key, another key):
    /// the test is refused with the reason and nothing is sent or recorded.
    @Test func aTestWhoseCredentialsDoNotOpenIsRefusedAndNotRecorded() async throws {
        let store = try await DemoLogin.store(database, .admin)
        let added = try await store.addIntegration(Self.draft("Alerts"), sealer: key1)
        let wrongKey = await DemoLogin.error { () async throws(DomainError) in
            try await store.testIntegration(added.id, sealer: key2)
        }
        guard case .conflict(let reason)? = wrongKey else {
            Issue.record("expected a conflict, got \(String(describing: wrongKey))")
            return
        }
        #expect(reason.contains("sealed with key \(key1.keyID), but key \(key2.keyID) is loaded"))
        let noKey = await DemoLogin.error { () async throws(DomainError) in
            try await store.testIntegration(added.id, sealer: nil)
        }
        guard case .invalid("INTEGRATION_CREDENTIALS_KEY", _)? = noKey else {
            Issue.record("expected the missing key, got \(String(describing: noKey))")
            return
        }
        #expect(try await store.integrationHistory(added.id).attempts.isEmpty)
        #expect(try await store.integration(added.id).summary.health == .unknown)
    }

    @Test func aCiphertextCopiedToAnotherRowDoesNotOpen() async throws {
        try await database.adminClient().query(
            "UPDATE billing_config SET custom_integrations_limit = NULL")
        let store = try await DemoLogin.store(database, .owner)
        let a = try await store.addIntegration(Self.draft("A"), sealer: key1)
        let b = try await store.addIntegration(Self.draft("B", secret: "xoxb-other"), sealer: key1)
        try await database.adminClient().query(
            """
            UPDATE integrations_config SET credentials_encrypted =
                (SELECT credentials_encrypted FROM integrations_config WHERE id = $1)
            WHERE id = $2
            """, [a.id.rawValue, b.id.rawValue])
        let moved = try await sealed(b.id)
        #expect(throws: CredentialError.authenticationFailed) {
            try key1.open(moved.text, keyID: moved.keyID, for: b.id)
        }
        let copied = await DemoLogin.error { () async throws(DomainError) in
            try await store.testIntegration(b.id, sealer: key1)
        }
        #expect(copied?.userMessage.contains("copied from another integration") == true)
        // Tampering in place is caught the same way, without a crash.
        var bytes = try #require(
            Data(base64Encoded: String(try await sealed(a.id).text.dropFirst(3))))
        bytes[bytes.count / 2] ^= 0x80
        try await database.adminClient().query(
            "UPDATE integrations_config SET credentials_encrypted = $2 WHERE id = $1",
            [a.id.rawValue, "v1:" + bytes.base64EncodedString()])
        #expect(
            await DemoLogin.error { () async throws(DomainError) in
                try await store.testIntegration(a.id, sealer: key1)
            } != nil)
        let rotation = await DemoLogin.error { () async throws(DomainError) in
            try await store.rotateCredentialsKey(from: key1, to: key2)
        }
        guard case .conflict(let reason)? = rotation else {
            Issue.record("expected a conflict, got \(String(describing: rotation))")
            return
        }
        #expect(reason.hasSuffix("nothing was changed"))
        #expect(try await sealed(b.id).keyID == key1.keyID)
    }

    @Test func keyRotationReSealsEveryCredentialWithoutLoss() async throws {
        let store = try await DemoLogin.store(database, .admin)
        try await database.adminClient().query(
            "UPDATE billing_config SET custom_integrations_limit = NULL")
        var secrets: [IntegrationID: String] = [:]
        for index in 0..<3 {
            let secret = "token-\(index)-\(UUID().uuidString)"
            let added = try await store.addIntegration(
                Self.draft("Alerts \(index)", secret: secret), sealer: key1)
            secrets[added.id] = secret
        }
        try await store.addIntegration(IntegrationDraft(type: .custom, name: "No credentials"))

        #expect(try await store.rotateCredentialsKey(from: key1, to: key2) == 3)
        for (id, secret) in secrets {
            let stored = try await sealed(id)
            #expect(stored.keyID == key2.keyID)
            #expect(try key2.open(stored.text, keyID: stored.keyID, for: id).revealed == secret)
            #expect(throws: CredentialError.self) {
                try key1.open(stored.text, keyID: stored.keyID, for: id)
            }
            let impostor = try CredentialSealer(
                base64Key: CredentialSealer.generateKey(), keyID: key2.keyID)
            #expect(throws: CredentialError.authenticationFailed) {
                try impostor.open(stored.text, keyID: stored.keyID, for: id)
            }
            // The credentials open under the new key, so a delivery is attempted.
            #expect(
                try await store.testIntegration(id, sealer: key2).attempt.outcome == .unreachable)
        }
        // Running it again finds everything already under the new key.
        #expect(try await store.rotateCredentialsKey(from: key1, to: key2) == 0)
        let audit = try await database.adminClient().query(
            "SELECT changes->'before'->>'key_id' AS was, changes->'after'->>'key_id' AS now, changes->'after'->>'resealed' AS n FROM audit_logs WHERE action = 'integrations.rotate_key' ORDER BY created_at"
        )
        #expect(try audit.rows.map { try $0.string("n") } == ["3", "0"])
        #expect(try audit.rows.first?.string("was") == key1.keyID)
        #expect(try audit.rows.first?.string("now") == key2.keyID)
    }

    @Test func rotationWithTheWrongOldKeyChangesNothing() async throws {
        let store = try await DemoLogin.store(database, .owner)
        let added = try await store.addIntegration(Self.draft("Alerts"), sealer: key1)
        let before = try await sealed(added.id)
        let key3 = try CredentialSealer(base64Key: CredentialSealer.generateKey())
        let error = await DemoLogin.error { () async throws(DomainError) in
            try await store.rotateCredentialsKey(from: key3, to: key2)
        }
        #expect(
            error
                == .conflict(
                    reason:
                        "Alerts: the credentials were sealed with key \(key1.keyID), but key \(key3.keyID) is loaded; nothing was changed"
                ))
        #expect(try await sealed(added.id) == before)
        let same = await DemoLogin.error { () async throws(DomainError) in
            try await store.rotateCredentialsKey(from: key1, to: key1)
        }
        guard case .invalid("key", _)? = same else {
            Issue.record("expected invalid key, got \(String(describing: same))")
            return
        }
    }

    @Test(arguments: [Role.member, .viewer])
    func onlyOwnersAndAdminsRotate(role: Role) async throws {
        let store = try await DemoLogin.store(database, role)
        let error = await DemoLogin.error { () async throws(DomainError) in
            try await store.rotateCredentialsKey(from: key1, to: key2)
        }
        #expect(error == .forbidden(reason: "Only admins and owners can manage integrations"))
    }

    @Test func removingCredentialsClearsCiphertextAndKeyID() async throws {
        let store = try await DemoLogin.store(database, .owner)
        let added = try await store.addIntegration(Self.draft("Alerts"), sealer: key1)
        var draft = added.draft
        draft.credentials = .remove
        let edited = try await store.editIntegration(added.id, draft)
        #expect(!edited.summary.hasCredentials && edited.encryptionKeyID == nil)
        let row = try #require(
            try await database.adminClient().query(
                "SELECT credentials_encrypted, encryption_key_id FROM integrations_config WHERE id = $1",
                [added.id.rawValue]
            ).first)
        #expect(try row.optionalString("credentials_encrypted") == nil)
        #expect(try row.optionalString("encryption_key_id") == nil)
    }
}
