import Foundation

/// Real keys from OpenSSH's `ssh-keygen`, so tests compare against what users' tools print
/// rather than against this project's own idea of a fingerprint.
public struct GeneratedSSHKey: Sendable {
    /// The private key file (for `ssh -i`).
    public let privateKeyPath: String
    /// The `.pub` line: `ssh-ed25519 AAAA... comment`.
    public let publicLine: String
    /// What `ssh-keygen -lf` prints for it: `256 SHA256:... comment (ED25519)`.
    public let keygenListing: String

    /// The `SHA256:...` word of `keygenListing`.
    public var keygenFingerprint: String {
        keygenListing.split(separator: " ").first { $0.hasPrefix("SHA256:") }.map(String.init) ?? ""
    }
}

public enum SSHKeygen {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Generates a key of `type` (`ed25519`, `ecdsa`, `rsa`) in `directory`, with no passphrase.
    public static func generate(
        _ type: String, bits: Int? = nil, comment: String = "test@example", in directory: String,
        name: String? = nil
    ) throws -> GeneratedSSHKey {
        let path = directory + "/" + (name ?? "id_\(type)\(bits.map { "_\($0)" } ?? "")")
        var arguments = ["-q", "-t", type, "-N", "", "-C", comment, "-f", path]
        if let bits { arguments += ["-b", String(bits)] }
        _ = try run(arguments)
        let line = try String(contentsOfFile: path + ".pub", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let listing = try run(["-lf", path + ".pub"]).trimmingCharacters(
            in: .whitespacesAndNewlines)
        return GeneratedSSHKey(privateKeyPath: path, publicLine: line, keygenListing: listing)
    }

    /// A fresh private directory for keys, removed by the caller.
    public static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sc-keys-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return path
    }

    /// Runs `ssh-keygen` (it never daemonizes, so a pipe is safe here).
    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ssh-keygen")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure(
                description: "ssh-keygen \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }
}
