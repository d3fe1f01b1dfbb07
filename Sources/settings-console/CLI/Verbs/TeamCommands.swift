import ArgumentParser
import Domain
import Foundation

struct TeamCLI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team",
        abstract:
            "Members and invitations: list, invite, resend, revoke, role, deactivate, reactivate, remove, accept.",
        discussion: ExitKind.summary,
        subcommands: [
            TeamList.self, TeamInvite.self, TeamResend.self, TeamRevoke.self, TeamRole.self,
            TeamDeactivate.self, TeamReactivate.self, TeamRemove.self, TeamAccept.self,
        ])
}

/// JSON shape of a member for scripts.
struct MemberJSON: Encodable {
    let id: String
    let email: String
    let name: String
    let role: String
    let status: String
    let lastActiveAt: Date?
    let invitationExpiresAt: Date?
    let joinedAt: Date

    init(_ member: Member) {
        id = member.id.description
        email = member.email
        name = member.fullName
        role = member.role.rawValue
        status = member.status.rawValue
        lastActiveAt = member.lastActiveAt
        invitationExpiresAt = member.invitationExpiresAt
        joinedAt = member.createdAt
    }
}

struct TeamList: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List members and pending invitations.")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only this status: pending, active or inactive.") var status: String?
    @Option(help: "Only this role: owner, admin, member or viewer.") var role: String?
    @Option(help: "Case-insensitive part of a name or email.") var search: String?
    @Option(help: "Sort by name, email, role, status, lastActive or joined.") var sort: String =
        "joined"
    @Flag(help: "Sort descending.") var descending = false
    @Option(help: "At most this many rows (1-100000).") var limit: Int = 1000

    func act(on store: SettingsStore) async throws(DomainError) -> CommandOutput {
        guard let column = MemberQuery.SortColumn(rawValue: sort) else {
            throw .invalid(
                field: "sort", reason: "use name, email, role, status, lastActive or joined")
        }
        guard (1...100_000).contains(limit) else {
            throw .invalid(field: "limit", reason: "must be between 1 and 100000")
        }
        var query = MemberQuery(
            status: try status.map(MemberStatus.parse), role: try role.map(Role.parse),
            search: search ?? "", sort: column, ascending: !descending, limit: min(limit, 500))
        var members: [Member] = []
        while members.count < limit {
            let page = try await store.members(query)
            members += page.members.prefix(limit - members.count)
            guard let next = page.next else { break }
            query.after = next
        }
        var table = TextTable(headers: ["NAME", "EMAIL", "ROLE", "STATUS", "LAST ACTIVE"])
        for member in members {
            table.add([
                member.fullName.isEmpty ? "-" : member.fullName, member.email, member.role.rawValue,
                member.status.rawValue,
                member.lastActiveAt.map { ISO8601DateFormatter().string(from: $0) } ?? "-",
            ])
        }
        return CommandOutput(text: table.rendered(), json: members.map(MemberJSON.init))
    }
}

struct InvitationJSON: Encodable {
    let memberId: String
    let email: String
    let role: String
    let token: String
    let link: String
    let expiresAt: Date
}

/// Prints the token once: it is not stored and cannot be shown again.
func invitationOutput(_ receipt: InvitationReceipt, verb: PrintableText) -> CommandOutput {
    let link = receipt.link()
    return CommandOutput(
        text: """
            \(verb) \(receipt.email) as \(receipt.role.rawValue); expires \(ISO8601DateFormatter().string(from: receipt.expiresAt)).
            Invitation link (shown once, it will not be shown again):
            \(link)
            """,
        json: InvitationJSON(
            memberId: receipt.memberID.description, email: receipt.email,
            role: receipt.role.rawValue,
            token: receipt.token.value.revealed, link: link, expiresAt: receipt.expiresAt))
}

struct TeamInvite: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite", abstract: "Invite EMAIL with a role; prints the link once.")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Email to invite.") var email: String
    @Option(help: "owner, admin, member or viewer.") var role: String

    func act(on store: SettingsStore) async throws(DomainError) -> CommandOutput {
        invitationOutput(
            try await store.invite(email: email, role: try Role.parse(role)), verb: "Invited")
    }
}

struct TeamResend: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "resend", abstract: "Issue a new link for a pending invitation.")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Argument var email: String

    func act(on store: SettingsStore) async throws(DomainError) -> CommandOutput {
        let member = try await store.member(email: email)
        return invitationOutput(try await store.resendInvitation(member.id), verb: "Re-invited")
    }
}

/// A verb that finds a member by email and changes it.
protocol MemberChangeCommand: StoreCommand {
    var email: String { get }
    var done: PrintableText { get }
    func change(_ member: Member, on store: SettingsStore) async throws(DomainError)
}

extension MemberChangeCommand {
    func act(on store: SettingsStore) async throws(DomainError) -> CommandOutput {
        let member = try await store.member(email: email)
        try await change(member, on: store)
        return CommandOutput(message: "\(done): \(member.email)")
    }
}

struct TeamRevoke: MemberChangeCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke a pending invitation.")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Argument var email: String
    var done: PrintableText { "Revoked the invitation" }
    func change(_ member: Member, on store: SettingsStore) async throws(DomainError) {
        try await store.revokeInvitation(member.id, expected: member.version)
    }
}

struct TeamRole: MemberChangeCommand {
    static let configuration = CommandConfiguration(
        commandName: "role", abstract: "Change a member's role.")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Argument var email: String
    @Argument(help: "owner, admin, member or viewer.") var role: String
    var done: PrintableText { "Changed the role to \(role.lowercased())" }
    func change(_ member: Member, on store: SettingsStore) async throws(DomainError) {
        try await store.changeRole(member.id, to: try Role.parse(role), expected: member.version)
    }
}

struct TeamDeactivate: MemberChangeCommand {
    static let configuration = CommandConfiguration(
        commandName: "deactivate", abstract: "Deactivate a member.")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Argument var email: String
    var done: PrintableText { "Deactivated" }
    func change(_ member: Member, on store: SettingsStore) async throws(DomainError) {
        try await store.deactivate(member.id, expected: member.version)
    }
}

struct TeamReactivate: MemberChangeCommand {
    static let configuration = CommandConfiguration(
        commandName: "reactivate", abstract: "Reactivate an inactive member.")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Argument var email: String
    var done: PrintableText { "Reactivated" }
    func change(_ member: Member, on store: SettingsStore) async throws(DomainError) {
        try await store.reactivate(member.id, expected: member.version)
    }
}

struct TeamRemove: MemberChangeCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a member (kept for the audit trail).")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Argument var email: String
    var done: PrintableText { "Removed" }
    func change(_ member: Member, on store: SettingsStore) async throws(DomainError) {
        try await store.remove(member.id, expected: member.version)
    }
}
