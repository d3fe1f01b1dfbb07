import Domain
import Foundation
import TestSupport
import Testing

/// Key lines parse, and fingerprints match what OpenSSH's own `ssh-keygen -lf` prints for
/// keys it generated; damaged, mismatched, weak and foreign lines are refused with a reason.
@Suite("SSH public keys")
struct SSHPublicKeyTests {
    struct Kind: Sendable, CustomStringConvertible {
        let type: String
        let bits: Int?
        let expected: SSHKeyType
        var description: String { "\(type)\(bits.map { "-\($0)" } ?? "")" }
    }

    static let kinds = [
        Kind(type: "ed25519", bits: nil, expected: .ed25519),
        Kind(type: "ecdsa", bits: 256, expected: .ecdsaP256),
        Kind(type: "ecdsa", bits: 384, expected: .ecdsaP384),
        Kind(type: "ecdsa", bits: 521, expected: .ecdsaP521),
        Kind(type: "rsa", bits: 2048, expected: .rsa),
        Kind(type: "rsa", bits: 3072, expected: .rsa),
    ]

    @Test(arguments: kinds)
    func fingerprintIsWhatSshKeygenPrints(kind: Kind) throws {
        let directory = try SSHKeygen.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let generated = try SSHKeygen.generate(
            kind.type, bits: kind.bits, comment: "alice@laptop", in: directory)
        let key = try SSHPublicKey(parsing: generated.publicLine)
        #expect(key.type == kind.expected)
        #expect(key.fingerprint == generated.keygenFingerprint, "\(generated.keygenListing)")
        #expect(
            generated.keygenListing.hasPrefix("\(key.bits) "),
            "bits \(key.bits) vs \(generated.keygenListing)")
        #expect(key.comment == "alice@laptop")
        #expect(key.line == generated.publicLine)
    }

    @Test func securityKeyLinesParseAndMatchSshKeygen() throws {
        // FIDO keys cannot be generated without a token; build the blob by hand and let
        // ssh-keygen fingerprint the same line.
        let directory = try SSHKeygen.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let plain = try SSHPublicKey(
            parsing: try SSHKeygen.generate("ed25519", in: directory).publicLine)
        let raw = Array(plain.blob.suffix(32))
        let blob = Self.wire("sk-ssh-ed25519@openssh.com") + Self.wire(raw) + Self.wire("ssh:")
        let line = "sk-ssh-ed25519@openssh.com \(Data(blob).base64EncodedString()) yubikey"
        let key = try SSHPublicKey(parsing: line)
        #expect(key.type == .ed25519SK)
        let path = directory + "/sk.pub"
        try line.write(toFile: path, atomically: true, encoding: .utf8)
        let listing = try Self.keygenListing(path)
        #expect(listing.contains(key.fingerprint), "\(listing)")
    }

    @Test func shortRSAKeysAreRefused() throws {
        let directory = try SSHKeygen.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let weak = try SSHKeygen.generate("rsa", bits: 1024, in: directory)
        #expect(throws: SSHKeyError.rsaTooShort(bits: 1024)) {
            try SSHPublicKey(parsing: weak.publicLine)
        }
    }

    @Test func theBlobMustBeOfTheTypeTheLineNames() throws {
        let directory = try SSHKeygen.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let ed = try SSHKeygen.generate("ed25519", in: directory)
        let base64 = ed.publicLine.split(separator: " ")[1]
        #expect(throws: SSHKeyError.typeMismatch(declared: "ssh-rsa", embedded: "ssh-ed25519")) {
            try SSHPublicKey(parsing: "ssh-rsa \(base64)")
        }
        #expect(
            throws: SSHKeyError.typeMismatch(
                declared: "ecdsa-sha2-nistp256", embedded: "ssh-ed25519")
        ) {
            try SSHPublicKey(parsing: "ecdsa-sha2-nistp256 \(base64)")
        }
    }

    @Test func damagedBase64IsRefused() throws {
        let directory = try SSHKeygen.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let base64 = String(
            try SSHKeygen.generate("ed25519", in: directory).publicLine.split(separator: " ")[1])
        for damaged in [
            String(base64.dropLast()), base64.replacingOccurrences(of: "A", with: "!"),
            "-_" + base64.dropFirst(2), base64 + "==", "====",
        ] {
            #expect(throws: SSHKeyError.invalidBase64, "\(damaged)") {
                try SSHPublicKey(parsing: "ssh-ed25519 \(damaged)")
            }
        }
        // A line wrapped by a mail client: the second half becomes the "comment", the key is cut.
        let wrapped = "ssh-ed25519 \(base64.prefix(40))\n\(base64.dropFirst(40))"
        #expect(throws: SSHKeyError.self) { try SSHPublicKey(parsing: wrapped) }
    }

    @Test func truncatedOrPaddedBlobsAreRefused() {
        let type = Self.wire("ssh-ed25519")
        let short = type + Self.wire([UInt8](repeating: 7, count: 31))
        let trailing = type + Self.wire([UInt8](repeating: 7, count: 32)) + [0]
        let runsPast = type + [0, 0, 0, 40] + [UInt8](repeating: 7, count: 32)
        for blob in [short, trailing, runsPast, Array(type.prefix(6))] {
            #expect(throws: SSHKeyError.self) {
                try SSHPublicKey(parsing: "ssh-ed25519 \(Data(blob).base64EncodedString())")
            }
        }
        let offCurve =
            Self.wire("ecdsa-sha2-nistp256") + Self.wire("nistp256")
            + Self.wire([4] + [UInt8](repeating: 1, count: 64))
        #expect(throws: SSHKeyError.malformed("the ECDSA point is not on the curve")) {
            try SSHPublicKey(parsing: "ecdsa-sha2-nistp256 \(Data(offCurve).base64EncodedString())")
        }
    }

    @Test func foreignLinesAreRefusedWithAReason() throws {
        let directory = try SSHKeygen.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let line = try SSHKeygen.generate("ed25519", in: directory).publicLine
        #expect(throws: SSHKeyError.empty) { try SSHPublicKey(parsing: "  \n") }
        #expect(throws: SSHKeyError.missingKeyData) { try SSHPublicKey(parsing: "ssh-ed25519") }
        #expect(throws: SSHKeyError.hasOptions) {
            try SSHPublicKey(parsing: "command=\"/bin/sh\" \(line)")
        }
        #expect(throws: SSHKeyError.hasOptions) { try SSHPublicKey(parsing: "no-pty \(line)") }
        #expect(throws: SSHKeyError.unsupportedType("ssh-dss")) {
            try SSHPublicKey(parsing: "ssh-dss AAAAB3NzaC1kc3M=")
        }
        #expect(throws: SSHKeyError.unsupportedType("ssh-ed25519-cert-v01@openssh.com")) {
            try SSHPublicKey(parsing: "ssh-ed25519-cert-v01@openssh.com AAAA")
        }
        #expect(throws: SSHKeyError.invalidComment("contains control characters")) {
            try SSHPublicKey(parsing: line + " evil\u{1B}[2J")
        }
        #expect(throws: SSHKeyError.tooLong(limit: SSHPublicKey.maximumLineLength)) {
            try SSHPublicKey(parsing: line + " " + String(repeating: "x", count: 20_000))
        }
        // Whitespace around and inside the comment is tidied, not refused.
        let tidy = try SSHPublicKey(
            parsing: "  " + line.replacingOccurrences(of: " test@example", with: "\tmy   laptop ")
                + "\n")
        #expect(tidy.comment == "my laptop")
        #expect(
            SSHKeyError.rsaTooShort(bits: 1024).domainError
                == .invalid(
                    field: "key", reason: "RSA keys need at least 2048 bits; this one has 1024"))
    }

    @Test func fingerprintsAreValidatedAsTyped() throws {
        let good = "SHA256:" + String(repeating: "a", count: 43)
        #expect(try SSHFingerprint.validated(" \(good) ") == good)
        for bad in [
            "", "MD5:aa:bb", "SHA256:" + String(repeating: "a", count: 42), good + "=",
            "sha256:" + good.dropFirst(7),
        ] {
            #expect(throws: DomainError.self, "\(bad)") { try SSHFingerprint.validated(bad) }
        }
    }

    // MARK: Helpers

    static func wire(_ text: String) -> [UInt8] { wire(Array(text.utf8)) }

    static func wire(_ bytes: [UInt8]) -> [UInt8] {
        let count = UInt32(bytes.count)
        return [
            UInt8(count >> 24), UInt8(count >> 16 & 0xFF), UInt8(count >> 8 & 0xFF),
            UInt8(count & 0xFF),
        ] + bytes
    }

    static func keygenListing(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ssh-keygen")
        process.arguments = ["-lf", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
