import ArgumentParser
import Domain
import Foundation

struct AuditCLI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "The audit log (owners and admins).",
        subcommands: [AuditList.self])
}

struct AuditList: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Who did what, newest first.")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "At most this many entries (1-10000).") var limit: Int = 50

    struct EntryJSON: Encodable {
        let at: Date
        let actor: String
        let action: String
        let resourceType: String
        let resourceId: String?
        let before: JSONValue
        let after: JSONValue
    }

    func act(on store: SettingsStore) async throws(DomainError) -> CommandOutput {
        guard (1...10_000).contains(limit) else {
            throw .invalid(field: "limit", reason: "must be between 1 and 10000")
        }
        var entries: [AuditEntry] = []
        var cursor: AuditCursor?
        repeat {
            let page = try await store.auditLog(
                limit: min(200, limit - entries.count), before: cursor)
            entries += page.entries
            cursor = page.next
        } while cursor != nil && entries.count < limit
        var table = TextTable(headers: ["WHEN", "WHO", "ACTION", "CHANGE"])
        for entry in entries {
            table.add([
                ISO8601DateFormatter().string(from: entry.createdAt), entry.actor, entry.action,
                entry.summary,
            ])
        }
        return CommandOutput(
            text: table.rendered(),
            json: entries.map {
                EntryJSON(
                    at: $0.createdAt, actor: $0.actor, action: $0.action,
                    resourceType: $0.resourceType,
                    resourceId: $0.resourceID?.uuidString.lowercased(), before: $0.before,
                    after: $0.after)
            })
    }
}
