import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where the console may send a test delivery. Admins choose the URLs and the checker runs
/// inside the network, so each request is an attack surface (SSRF): https only except to
/// this machine, and never to link-local or cloud-metadata addresses, whatever name points
/// there. Redirects are checked by `HTTPDelivery` with `allowsRedirect`.
public enum OutboundPolicy {
    public static let loopbackHosts: Set<String> = ["localhost", "127.0.0.1", "::1", "[::1]"]

    /// Why `url` may not be called, or nil. Resolves the host name to check its addresses.
    public static func refusal(for url: URL) -> String? {
        guard let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            return "not a valid URL"
        }
        let bareHost = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        switch scheme {
        case "https": break
        case "http" where loopbackHosts.contains(bareHost): break
        case "http": return "plain http is only allowed to localhost; use https"
        default: return "only https:// addresses are called"
        }
        if url.user != nil || url.password != nil {
            return "the address carries a user or password"
        }
        let addresses = resolve(bareHost)
        if addresses.isEmpty { return nil }  // unresolvable: the request fails as unreachable
        if let bad = addresses.first(where: isForbidden) {
            return
                "\(Sanitized.short(bareHost)) resolves to \(bad), a link-local or cloud-metadata address"
        }
        return nil
    }

    /// A redirect is followed only to the same host over https (or loopback http).
    public static func allowsRedirect(from original: URL, to target: URL) -> Bool {
        guard let from = original.host?.lowercased(), let to = target.host?.lowercased(),
            from == to
        else { return false }
        return refusal(for: target) == nil
    }

    /// Link-local (169.254.0.0/16, fe80::/10), the AWS IPv6 metadata address (fd00:ec2::254),
    /// and the unspecified addresses, also when written as IPv4-mapped IPv6.
    public static func isForbidden(_ address: String) -> Bool {
        var v4 = in_addr()
        if inet_pton(AF_INET, address, &v4) == 1 {
            let bytes = withUnsafeBytes(of: v4.s_addr) { Array($0) }
            return isForbiddenIPv4(bytes)
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, address, &v6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xff, bytes[11] == 0xff {
            return isForbiddenIPv4(Array(bytes[12..<16]))
        }
        if bytes[0] == 0xfe, bytes[1] & 0xc0 == 0x80 { return true }
        if bytes.allSatisfy({ $0 == 0 }) { return true }
        let metadata: [UInt8] = [0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54]
        return bytes == metadata
    }

    private static func isForbiddenIPv4(_ bytes: [UInt8]) -> Bool {
        (bytes[0] == 169 && bytes[1] == 254) || bytes.allSatisfy { $0 == 0 }
    }

    /// Every address `host` resolves to, as text.
    static func resolve(_ host: String) -> [String] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(first) }
        var found: [String] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if let address = entry.pointee.ai_addr,
                getnameinfo(
                    address, entry.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0,
                    NI_NUMERICHOST) == 0
            {
                found.append(
                    String(decoding: buffer.prefix { $0 != 0 }.map(UInt8.init), as: UTF8.self))
            }
            cursor = entry.pointee.ai_next
        }
        return found
    }
}
