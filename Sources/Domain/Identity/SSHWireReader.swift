/// Reads the SSH wire encoding of a public key blob (RFC 4251 section 5): big-endian
/// `uint32` lengths followed by that many bytes.
struct SSHWireReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    /// The next length-prefixed field; refuses a length running past the end.
    mutating func readString(_ field: String) throws(SSHKeyError) -> [UInt8] {
        guard bytes.count - offset >= 4 else { throw .malformed("\(field) is missing") }
        var length = 0
        for index in offset..<(offset + 4) { length = length << 8 | Int(bytes[index]) }
        offset += 4
        guard length <= bytes.count - offset else { throw .malformed("\(field) runs past the end") }
        let value = Array(bytes[offset..<(offset + length)])
        offset += length
        return value
    }

    /// A field holding ASCII text (algorithm and curve names).
    mutating func readText(_ field: String) throws(SSHKeyError) -> String {
        let raw = try readString(field)
        guard raw.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
            throw .malformed("\(field) is not text")
        }
        return String(decoding: raw, as: UTF8.self)
    }

    /// An `mpint` that must be positive; returns its magnitude without leading zero bytes.
    mutating func readPositiveInteger(_ field: String) throws(SSHKeyError) -> [UInt8] {
        let raw = try readString(field)
        guard let first = raw.first, first & 0x80 == 0 else {
            throw .malformed("\(field) is not a positive number")
        }
        let magnitude = Array(raw.drop { $0 == 0 })
        guard !magnitude.isEmpty else { throw .malformed("\(field) is zero") }
        return magnitude
    }

    /// Bits in a big-endian magnitude with no leading zero bytes.
    static func bitLength(_ magnitude: [UInt8]) -> Int {
        guard let first = magnitude.first else { return 0 }
        return (magnitude.count - 1) * 8 + (8 - first.leadingZeroBitCount)
    }
}
