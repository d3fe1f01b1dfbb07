import ArgumentParser
import Domain
import Foundation
import Postgres

/// `team accept TOKEN`: the invitee's verb. Accepting proves who accepts (issue 8): a new
/// email's account is created by the token holder; an existing account must be logged in as
/// itself, and accepting never sets or changes its password.
struct TeamAccept: StoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept",
        abstract: "Accept an invitation with its TOKEN (the end of the invitation link).",
        discussion: """
            A new email: give --name, and the new account's password with --password-stdin \
            or at the prompt. An email that already has an account: log in as it, with \
            --user EMAIL (and --password-stdin or a prompt) or over SSH with your own key; \
            accepting never sets or changes a password.
            """)
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The invitation token.") var token: Secret
    @Option(help: "Your full name, for a new account.") var name: String?

    /// Without an SSH key, nobody is logged in yet: the password proves the existing account,
    /// or becomes the new one's.
    func run() async throws {
        let client = connection.client()
        defer { Task { await client.close() } }
        if ProcessInfo.processInfo.environment["SSH_USER_AUTH"] != nil {
            await runLoggedIn(client: client)
            return
        }
        let accepted: AcceptedInvitation
        do {
            accepted = try await acceptWithoutSession(client: client)
        } catch {
            error.exit()
        }
        Output.result(output.json ? report(accepted).json : report(accepted).text)
    }

    func act(on store: SettingsStore) async throws(DomainError) -> CommandOutput {
        report(try await store.acceptInvitation(token: token))
    }

    private func acceptWithoutSession(client: PostgresClient) async throws(IdentityRefusal)
        -> AcceptedInvitation
    {
        if identity.user == nil, name == nil {
            throw IdentityRefusal(
                .invalid(
                    field: "name",
                    reason:
                        "give --name NAME to create your account, or --user EMAIL to accept "
                        + "with the account you have"))
        }
        let prompt = identity.user == nil ? "Password for your new account: " : "Password: "
        let password = try identity.readPassword(prompt: prompt)
        do {
            return try await SettingsStore.acceptInvitation(
                client: client, token: token, fullName: name ?? "", password: password)
        } catch {
            throw IdentityRefusal(error)
        }
    }

    private func report(_ accepted: AcceptedInvitation) -> CommandOutput {
        CommandOutput(
            text: "Invitation accepted: you are now a member of the workspace; log in to open it.",
            json: AcceptedJSON(
                ok: true, memberId: accepted.memberID.description,
                workspaceId: accepted.workspaceID.description,
                userId: accepted.userID.description))
    }
}

struct AcceptedJSON: Encodable {
    let ok: Bool
    let memberId: String
    let workspaceId: String
    let userId: String
}
