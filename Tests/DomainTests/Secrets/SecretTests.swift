import Foundation
import Testing

@testable import Domain

/// A `Secret` inside any value stays out of every text Swift makes of that value: the value
/// is read only through `revealed` or `withValue`.
@Suite struct SecretTests {
    static let value = "hunter2-Zq9"

    /// What a log line or a crash report might hold: a struct and an enum holding secrets.
    struct Held: Codable, Equatable {
        var email = "ada@example.com"
        var password = Secret(SecretTests.value)
        var token: Secret? = Secret(SecretTests.value)
    }

    enum Effect { case authenticate(email: String, password: Secret) }

    static func texts(of held: Held) throws -> [String] {
        var dumped = ""
        dump(held, to: &dumped)
        var effectDump = ""
        let effect = Effect.authenticate(email: held.email, password: held.password)
        dump(effect, to: &effectDump)
        return [
            "\(held)", String(describing: held), String(reflecting: held), dumped,
            "\(effect)", String(reflecting: effect), effectDump,
            "\(held.password)", String(describing: held.password),
            String(reflecting: held.password),
            String(decoding: try JSONEncoder().encode(held), as: UTF8.self),
            "\(Mirror(reflecting: held.password).children.map { "\($0.value)" })",
        ]
    }

    @Test func everyTextOfAHoldingValueLeavesTheSecretOut() throws {
        for text in try Self.texts(of: Held()) {
            #expect(!text.contains(Self.value), "\(text)")
            #expect(!text.contains("hunter2"), "\(text)")
        }
    }

    @Test func theTextsSayThereWasSomethingRedacted() throws {
        let texts = try Self.texts(of: Held())
        #expect("\(Held().password)" == "<redacted>")
        #expect(texts[0].contains("<redacted>"), "\(texts[0])")
        #expect(texts[10].contains("\"password\":\"<redacted>\""), "\(texts[10])")
    }

    @Test func theValueIsReadByName() {
        let secret = Secret(Self.value)
        #expect(secret.revealed == Self.value)
        #expect(secret.withValue { $0.count } == Self.value.count)
        #expect(secret == Secret(Self.value) && secret != Secret("other"))
    }

    /// Input is where secrets come from: decoding reads the value, encoding never writes it.
    @Test func decodingReadsTheValue() throws {
        let decoded = try JSONDecoder().decode(
            Held.self,
            from: Data(#"{"email":"e","password":"\#(Self.value)","token":null}"#.utf8))
        #expect(decoded.password.revealed == Self.value)
        #expect(decoded.token == nil)
    }

    @Test func editingAsTyped() {
        var secret: Secret = ""
        for character in "abc" { secret.append(character) }
        secret.removeLast()
        #expect(secret.revealed == "ab" && secret.count == 2 && !secret.isEmpty)
    }

    /// The types that hold secrets hold them as `Secret`.
    @Test func invitationTokensAreSecrets() {
        let token = InvitationToken.generate()
        #expect(!"\(token)".contains(token.value.revealed))
        var dumped = ""
        dump(token, to: &dumped)
        #expect(!dumped.contains(token.value.revealed), "\(dumped)")
        #expect(token.storedHash == InvitationToken.hash(token.value.revealed))
    }
}
