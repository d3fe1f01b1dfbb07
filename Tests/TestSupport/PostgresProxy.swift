import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A proxy on a unix socket between libpq and PostgreSQL that can cut a connection at the
/// worst moment: after the client's `COMMIT` has reached the server and the server has
/// answered, before that answer is relayed. The client then cannot know whether its change
/// was saved, which is what a crash or a network cut at that instant does, made exact.
///
/// It reads the client's side of the protocol to log every statement sent (`statements`), so
/// a test can see that nothing was sent twice; `freeze` stops all relaying, as `kill -STOP` on
/// the server would, for one client only. Connect with `overrides` (host and port).
public final class PostgresProxy: Sendable {
    /// The socket directory and port libpq connects to (`host=`, `port=`).
    public let directory: String
    public let port: Int
    private let upstream: String
    private let listener: Int32
    private let state = Mutex(State())
    private let frozen = Atomic<Bool>(false)

    private struct State {
        var statements: [String] = []
        /// Cut the next transaction whose statements include this text, at its COMMIT.
        var cutTrigger: String?
        var cuts = 0
        var closed = false
        var sockets: Set<Int32> = []
    }

    /// A proxy in front of the server that `conninfo` (with `host=DIR port=N`) names.
    public init(inFrontOf conninfo: String) throws {
        guard let host = conninfo.firstMatch(of: /host=(\S+)/)?.1,
            let upstreamPort = conninfo.firstMatch(of: /port=(\d+)/)?.1
        else { throw ProxyFailure("no host and port in \(conninfo)") }
        upstream = "\(host)/.s.PGSQL.\(upstreamPort)"
        directory = "/tmp/sc-proxy-\(getpid())-\(UUID().uuidString.prefix(6))"
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o777])
        port = Int.random(in: 20000..<60000)
        listener = try Self.listen(on: "\(directory)/.s.PGSQL.\(port)")
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "postgres-proxy"
        thread.start()
    }

    deinit { close() }

    /// Connection parameters that send libpq through the proxy.
    public var overrides: [(String, String)] { [("host", directory), ("port", String(port))] }

    /// Every statement the clients sent, in order (a `Parse`'s or a simple query's text).
    public var statements: [String] { state.withLock { $0.statements } }

    /// How many connections the proxy has cut.
    public var cuts: Int { state.withLock { $0.cuts } }

    /// Cuts the next transaction that runs a statement containing `text`: its `COMMIT` goes
    /// to the server, the server's answer is read and thrown away, and both sides are closed.
    public func cutAfterCommit(ofTransactionContaining text: String) {
        state.withLock { $0.cutTrigger = text }
    }

    /// Stops relaying anything, in either direction, on every connection old or new; the
    /// bytes wait in the sockets as they would for a stopped server.
    public func freeze() { frozen.store(true, ordering: .sequentiallyConsistent) }

    /// Relays again what waited.
    public func thaw() { frozen.store(false, ordering: .sequentiallyConsistent) }

    private func waitWhileFrozen() {
        while frozen.load(ordering: .sequentiallyConsistent) { usleep(10_000) }
    }

    /// `waitWhileFrozen` for a condition list.
    private func waitUntilThawed() -> Bool {
        waitWhileFrozen()
        return true
    }

    public func close() {
        let sockets = state.withLock { state -> Set<Int32> in
            guard !state.closed else { return [] }
            state.closed = true
            return state.sockets
        }
        shutdown(listener, Int32(SHUT_RDWR))
        for socket in sockets { shutdown(socket, Int32(SHUT_RDWR)) }
        try? FileManager.default.removeItem(atPath: directory)
    }

    // MARK: - Relaying

    /// One client connection and its server connection; `cutting` is set by the client side
    /// when it forwards the COMMIT to cut, and read by the server side.
    private final class Pair: Sendable {
        let client: Int32
        let server: Int32
        let cutting = Atomic<Bool>(false)
        let sidesEnded = Atomic<Int>(0)

        init(client: Int32, server: Int32) {
            self.client = client
            self.server = server
        }

        func shutBoth() {
            shutdown(client, Int32(SHUT_RDWR))
            shutdown(server, Int32(SHUT_RDWR))
        }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                if errno == EINTR { continue }
                Glibc.close(listener)
                return
            }
            guard let server = try? Self.connect(to: upstream) else {
                Glibc.close(client)
                continue
            }
            let open = state.withLock { state -> Bool in
                guard !state.closed else { return false }
                state.sockets.formUnion([client, server])
                return true
            }
            guard open else {
                Glibc.close(client)
                Glibc.close(server)
                continue
            }
            let pair = Pair(client: client, server: server)
            Thread { [self] in clientToServer(pair) }.start()
            Thread { [self] in serverToClient(pair) }.start()
        }
    }

    /// Reads the client's messages one by one, logs statements, forwards each.
    private func clientToServer(_ pair: Pair) {
        defer { finish(pair) }
        // The start-up packet (or a cancel request) has no type byte.
        guard let length = Self.readLength(pair.client), length >= 8,
            let startup = Self.read(pair.client, count: length - 4),
            waitUntilThawed(),
            Self.write(pair.server, Self.bigEndian(length) + startup)
        else { return }
        var transactionHasTrigger = false
        while true {
            guard let type = Self.read(pair.client, count: 1),
                let length = Self.readLength(pair.client), length >= 4,
                let body = Self.read(pair.client, count: length - 4)
            else { return }
            if let statement = Self.statement(type: type[0], body: body) {
                let normalized = statement.trimmingCharacters(in: .whitespacesAndNewlines)
                    .uppercased()
                let cut = state.withLock { state -> Bool in
                    state.statements.append(statement)
                    if normalized.hasPrefix("BEGIN") { transactionHasTrigger = false }
                    if let trigger = state.cutTrigger, statement.contains(trigger) {
                        transactionHasTrigger = true
                    }
                    guard normalized == "COMMIT", transactionHasTrigger, state.cutTrigger != nil
                    else { return false }
                    state.cutTrigger = nil
                    state.cuts += 1
                    return true
                }
                // Set before the COMMIT is forwarded, so its answer cannot slip through.
                if cut { pair.cutting.store(true, ordering: .sequentiallyConsistent) }
            }
            waitWhileFrozen()
            guard Self.write(pair.server, type + Self.bigEndian(length) + body) else { return }
        }
    }

    /// Relays the server's bytes, unless the connection is being cut: then the answer is
    /// dropped and both sides closed.
    private func serverToClient(_ pair: Pair) {
        defer { finish(pair) }
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(pair.server, &buffer, buffer.count, 0)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            if pair.cutting.load(ordering: .sequentiallyConsistent) { return }
            waitWhileFrozen()
            guard Self.write(pair.client, Array(buffer[0..<count])) else { return }
        }
    }

    /// Either side ending ends both; the second to end closes the descriptors.
    private func finish(_ pair: Pair) {
        pair.shutBoth()
        guard pair.sidesEnded.add(1, ordering: .sequentiallyConsistent).newValue == 2 else {
            return
        }
        state.withLock { $0.sockets.subtract([pair.client, pair.server]) }
        Glibc.close(pair.client)
        Glibc.close(pair.server)
    }

    /// The SQL of a `Parse` (`P`: name, then the query) or a simple `Query` (`Q`).
    private static func statement(type: UInt8, body: [UInt8]) -> String? {
        var fields = body.split(separator: 0, omittingEmptySubsequences: false)
        switch type {
        case UInt8(ascii: "Q"): break
        case UInt8(ascii: "P"): fields = Array(fields.dropFirst())
        default: return nil
        }
        return fields.first.map { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: - Sockets

    private static func listen(on path: String) throws -> Int32 {
        let socket = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ProxyFailure("socket: \(String(cString: strerror(errno)))") }
        var address = try unixAddress(path)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0, Glibc.listen(socket, 64) == 0 else {
            Glibc.close(socket)
            throw ProxyFailure("bind \(path): \(String(cString: strerror(errno)))")
        }
        chmod(path, 0o777)
        return socket
    }

    private static func connect(to path: String) throws -> Int32 {
        let socket = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ProxyFailure("socket") }
        var address = try unixAddress(path)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            Glibc.close(socket)
            throw ProxyFailure("connect \(path): \(String(cString: strerror(errno)))")
        }
        return socket
    }

    private static func unixAddress(_ path: String) throws -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else { throw ProxyFailure("socket path too long: \(path)") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return address
    }

    private static func readLength(_ socket: Int32) -> Int? {
        guard let bytes = read(socket, count: 4) else { return nil }
        return bytes.reduce(0) { $0 << 8 | Int($1) }
    }

    private static func bigEndian(_ value: Int) -> [UInt8] {
        [24, 16, 8, 0].map { UInt8((value >> $0) & 0xFF) }
    }

    private static func read(_ socket: Int32, count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return recv(socket, base + done, count - done, 0)
            }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return nil }
            done += got
        }
        return bytes
    }

    private static func write(_ socket: Int32, _ bytes: [UInt8]) -> Bool {
        var done = 0
        while done < bytes.count {
            let sent = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return send(socket, base + done, bytes.count - done, Int32(MSG_NOSIGNAL))
            }
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else { return false }
            done += sent
        }
        return true
    }
}

public struct ProxyFailure: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
