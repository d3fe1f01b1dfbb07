import ArgumentParser
import Domain
import Foundation

struct KeysCLI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Users' SSH public keys, which log them in over SSH: list, add, remove.",
        discussion: """
            A registered key logs in as its user through sshd (ExposeAuthInfo, see \
            docs/ssh-deployment.md). Owners and admins manage keys; admins cannot manage \
            owners' or other admins' keys. \(ExitKind.summary)
            """,
        subcommands: [KeysList.self, KeysAdd.self, KeysRemove.self])
}

/// JSON shape of a key for scripts (no key material: the fingerprint names it).
struct SSHKeyJSON: Encodable {
    let id: String
    let email: String
    let type: String
    let fingerprint: String
    let comment: String?
    let createdAt: Date
    let createdBy: String?
    let lastUsedAt: Date?

    init(_ key: SSHKeyRecord) {
        id = key.id.uuidString.lowercased()
        email = key.email
        type = key.keyType
        fingerprint = key.fingerprint
        comment = key.comment
        createdAt = key.createdAt
        createdBy = key.createdByEmail
        lastUsedAt = key.lastUsedAt
    }
}

struct KeysList: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the SSH keys of every member, or of EMAIL.")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Only this member's keys.") var email: String?

    func act(on store: SettingsStore) async throws(DomainError) -> CommandOutput {
        let keys = try await store.sshKeys(of: email)
        var table = TextTable(headers: [
            "EMAIL", "TYPE", "FINGERPRINT", "COMMENT", "ADDED", "ADDED BY", "LAST USED",
        ])
        let format = ISO8601DateFormatter()
        for key in keys {
            table.add([
                key.email, key.shortType, key.fingerprint, key.comment ?? "-",
                format.string(from: key.createdAt),
                key.createdByEmail.map { $0 == key.email ? "self" : $0 } ?? "unknown",
                key.lastUsedAt.map { format.string(from: $0) } ?? "never",
            ])
        }
        let text: PrintableText
        if keys.isEmpty {
            text = email.map { "No SSH keys for \($0)." } ?? "No SSH keys."
        } else {
            text = table.rendered()
        }
        return CommandOutput(text: text, json: keys.map(SSHKeyJSON.init))
    }
}

struct KeysAdd: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Register a public key for EMAIL (the .pub line, quoted).")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The member the key logs in as.") var email: String
    @Option(
        help: ArgumentHelp("The public key line.", valueName: "\"ssh-ed25519 AAAA... comment\""))
    var key: String

    func act(on store: SettingsStore) async throws(DomainError) -> CommandOutput {
        let added = try await store.addSSHKey(email: email, line: key)
        return CommandOutput(
            text: "Added \(added.shortType) key \(added.fingerprint) for \(added.email)",
            json: SSHKeyJSON(added))
    }
}

struct KeysRemove: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove the key with FINGERPRINT (SHA256:..., as `keys list` prints it).")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Argument var fingerprint: String

    func act(on store: SettingsStore) async throws(DomainError) -> CommandOutput {
        let removed = try await store.removeSSHKey(fingerprint: fingerprint)
        return CommandOutput(message: "Removed key \(removed.fingerprint) of \(removed.email)")
    }
}
