import ArgumentParser
import Domain
import Foundation
import Postgres

/// The shared shape of every command-line verb: connect, log in, act, print, and turn a
/// `DomainError` into its message on stderr and its documented exit code.
protocol StoreCommand: AsyncParsableCommand {
    var connection: ConnectionOptions { get }
    var identity: IdentityOptions { get }
    var output: OutputOptions { get }
    func act(on store: SettingsStore) async throws(DomainError) -> CommandOutput
}

extension StoreCommand {
    func run() async throws {
        let client = connection.client()
        let session: Session
        do {
            session = try await identity.session(client: client)
        } catch {
            error.exit()
        }
        await run(as: session, client: client)
    }

    /// Acts as an identity resolved before the command was parsed (the SSH key of a forced
    /// command), on the connection that identity was checked on.
    func run(as session: Session, client: PostgresClient) async {
        defer { Task { await client.close() } }
        let result: CommandOutput
        do {
            result = try await act(on: SettingsStore(client: client, session: session))
        } catch {
            fail(error)
        }
        print(output.json ? result.json : result.text)
        if result.exitCode != 0 { Foundation.exit(result.exitCode) }
    }

    private func fail(_ error: DomainError) -> Never {
        FileHandle.standardError.write(Data(("settings-console: " + error.userMessage + "\n").utf8))
        Foundation.exit(error.exitCode)
    }
}

/// What a verb prints: a table or sentence for people, JSON for scripts.
struct CommandOutput {
    let text: String
    let json: String
    /// Non-zero when the verb succeeded but its answer is bad news (`health`).
    let exitCode: Int32

    init<T: Encodable>(text: String, json value: T, exitCode: Int32 = 0) {
        self.text = text
        self.exitCode = exitCode
        let encoder = JSONEncoder.forOutput
        self.json =
            (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}

extension JSONEncoder {
    static var forOutput: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}

/// `{"ok": true, "message": ...}` for verbs that only report success.
struct DoneJSON: Encodable {
    let ok = true
    let message: String
}
