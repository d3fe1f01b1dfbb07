import Domain
import Foundation
import TestSupport
import Testing

/// `$SSH_USER_AUTH`: only a file sshd could have written is read, only a `publickey` line
/// names the user, and every doubtful case is refused rather than resolved by a guess.
@Suite("SSH_USER_AUTH")
final class SSHAuthInfoTests {
    let directory: String
    let ed25519: GeneratedSSHKey
    let rsa: GeneratedSSHKey

    init() throws {
        directory = try SSHKeygen.temporaryDirectory()
        ed25519 = try SSHKeygen.generate("ed25519", in: directory)
        rsa = try SSHKeygen.generate("rsa", bits: 2048, in: directory)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// `publickey TYPE BASE64`, as sshd writes it (no comment).
    func line(_ key: GeneratedSSHKey) -> String {
        "publickey " + key.publicLine.split(separator: " ").prefix(2).joined(separator: " ")
    }

    @Test func theOnePublicKeyLineIsTheIdentity() throws {
        let info = SSHAuthInfo(parsing: line(ed25519) + "\n")
        #expect(try info.authenticatingKey().fingerprint == ed25519.keygenFingerprint)
    }

    @Test func aSecondFactorBesideTheKeyIsFine() throws {
        for text in [
            line(rsa) + "\nkeyboard-interactive/pam\n",
            "keyboard-interactive\n" + line(rsa) + "\n",
            "password\n" + line(rsa),
        ] {
            #expect(
                try SSHAuthInfo(parsing: text).authenticatingKey().fingerprint
                    == rsa.keygenFingerprint)
        }
    }

    @Test func noPublicKeyMeansNoIdentity() {
        #expect(throws: SSHAuthInfoError.noPublicKey(methods: ["keyboard-interactive/pam"])) {
            try SSHAuthInfo(parsing: "keyboard-interactive/pam\n").authenticatingKey()
        }
        #expect(throws: SSHAuthInfoError.noPublicKey(methods: ["password"])) {
            try SSHAuthInfo(parsing: "password").authenticatingKey()
        }
        #expect(throws: SSHAuthInfoError.noPublicKey(methods: [])) {
            try SSHAuthInfo(parsing: "").authenticatingKey()
        }
    }

    /// `AuthenticationMethods publickey,publickey`: two keys succeeded. Choosing either would
    /// be a guess at who the user is, so neither is used.
    @Test func twoPublicKeysAreRefusedNotChosenBetween() {
        #expect(throws: SSHAuthInfoError.severalPublicKeys(2)) {
            try SSHAuthInfo(parsing: line(ed25519) + "\n" + line(rsa) + "\n").authenticatingKey()
        }
    }

    @Test func brokenOrForeignKeyLinesAreRefused() {
        #expect(throws: SSHAuthInfoError.malformedPublicKeyLine) {
            try SSHAuthInfo(parsing: "publickey ssh-ed25519\n").authenticatingKey()
        }
        #expect(throws: SSHAuthInfoError.unsupportedKeyType("ssh-ed25519-cert-v01@openssh.com")) {
            try SSHAuthInfo(
                parsing:
                    "publickey ssh-ed25519-cert-v01@openssh.com AAAA ID x (serial 1) CA ssh-ed25519 SHA256:x"
            )
            .authenticatingKey()
        }
        #expect(throws: SSHAuthInfoError.invalidKey(.invalidBase64)) {
            try SSHAuthInfo(parsing: "publickey ssh-ed25519 AAAA!").authenticatingKey()
        }
    }

    // MARK: The file

    func write(_ text: String, mode: Int = 0o600, name: String = "sshauth") throws -> String {
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test func theFileSshdWritesIsRead() throws {
        let path = try write(line(ed25519) + "\n")
        let info = try SSHAuthInfoFile.read(path: path)
        #expect(try info.authenticatingKey().fingerprint == ed25519.keygenFingerprint)
    }

    @Test func aSymbolicLinkIsRefused() throws {
        let target = try write(line(ed25519) + "\n")
        let link = directory + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(throws: SSHAuthInfoError.symbolicLink(path: link)) {
            try SSHAuthInfoFile.read(path: link)
        }
    }

    @Test func anythingButARegularFileIsRefused() throws {
        let fifo = directory + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: SSHAuthInfoError.notRegularFile(path: fifo)) {
            try SSHAuthInfoFile.read(path: fifo)
        }
        #expect(throws: SSHAuthInfoError.notRegularFile(path: directory)) {
            try SSHAuthInfoFile.read(path: directory)
        }
        #expect(throws: SSHAuthInfoError.notRegularFile(path: "/dev/null")) {
            try SSHAuthInfoFile.read(path: "/dev/null")
        }
    }

    @Test func someoneElsesFileIsRefused() throws {
        let path = try write(line(ed25519) + "\n")
        let me = geteuid()
        #expect(throws: SSHAuthInfoError.wrongOwner(path: path, owner: me, expected: me + 1)) {
            try SSHAuthInfoFile.read(path: path, expectedOwner: me + 1)
        }
        if me == 0 {
            // As root the test can hand the file to another user, as an attacker's would be.
            #expect(chown(path, 65_534, 65_534) == 0)
            #expect(throws: SSHAuthInfoError.wrongOwner(path: path, owner: 65_534, expected: 0)) {
                try SSHAuthInfoFile.read(path: path)
            }
        }
    }

    @Test func aFileOthersCanWriteIsRefused() throws {
        for mode in [0o620, 0o602, 0o666] {
            let path = try write(line(ed25519), mode: mode, name: "writable-\(mode)")
            #expect(throws: SSHAuthInfoError.writableByOthers(path: path)) {
                try SSHAuthInfoFile.read(path: path)
            }
        }
    }

    @Test func missingRelativeAndHugePathsAreRefused() throws {
        #expect(throws: SSHAuthInfoError.missing(path: directory + "/nope")) {
            try SSHAuthInfoFile.read(path: directory + "/nope")
        }
        #expect(throws: SSHAuthInfoError.notAbsolute(path: "sshauth")) {
            try SSHAuthInfoFile.read(path: "sshauth")
        }
        let huge = try write(String(repeating: "password\n", count: 10_000), name: "huge")
        #expect(throws: SSHAuthInfoError.tooLarge(path: huge, limit: SSHAuthInfoFile.maximumSize)) {
            try SSHAuthInfoFile.read(path: huge)
        }
    }

    @Test func refusalsSayWhy() {
        #expect(SSHAuthInfoError.symbolicLink(path: "/tmp/x").description.contains("symbolic link"))
        #expect(
            SSHAuthInfoError.wrongOwner(path: "/tmp/x", owner: 5, expected: 6).description.contains(
                "uid 5"))
        #expect(SSHAuthInfoError.severalPublicKeys(2).description.contains("will not guess"))
        #expect(
            SSHAuthInfoError.noPublicKey(methods: ["password"]).description.contains("password"))
    }
}
