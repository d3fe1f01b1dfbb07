#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads `$SSH_USER_AUTH` only if it is the file sshd would have written.
///
/// sshd creates it with `mkstemp` as the logged-in user, mode 0600, and deletes it when the
/// session ends. Anything else - a symbolic link, a directory or FIFO, a file owned by
/// someone else or writable by others - could have been planted to name another key, so it
/// is refused with the reason. The checks use `lstat`, then `open(O_NOFOLLOW)` and `fstat`
/// on the opened descriptor, so the file cannot be swapped between check and read.
public enum SSHAuthInfoFile {
    /// sshd writes a line per method; a few kilobytes even with RSA keys and certificates.
    public static let maximumSize = 64 * 1024

    public static func read(path: String, expectedOwner: UInt32 = geteuid())
        throws(SSHAuthInfoError)
        -> SSHAuthInfo
    {
        guard path.hasPrefix("/") else { throw .notAbsolute(path: path) }
        var before = stat()
        guard lstat(path, &before) == 0 else {
            let code = errno
            if code == ENOENT { throw .missing(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(code)))
        }
        try check(before, path: path, expectedOwner: expectedOwner)
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let code = errno
            if code == ELOOP { throw .symbolicLink(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(code)))
        }
        defer { close(descriptor) }
        var opened = stat()
        guard fstat(descriptor, &opened) == 0 else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard opened.st_dev == before.st_dev, opened.st_ino == before.st_ino else {
            throw .changedWhileReading(path: path)
        }
        try check(opened, path: path, expectedOwner: expectedOwner)
        let bytes = try readAll(descriptor, path: path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .notText(path: path)
        }
        return SSHAuthInfo(parsing: text)
    }

    private static func check(_ info: stat, path: String, expectedOwner: UInt32)
        throws(SSHAuthInfoError)
    {
        let kind = info.st_mode & S_IFMT
        if kind == S_IFLNK { throw .symbolicLink(path: path) }
        guard kind == S_IFREG else { throw .notRegularFile(path: path) }
        guard info.st_uid == expectedOwner else {
            throw .wrongOwner(path: path, owner: info.st_uid, expected: expectedOwner)
        }
        guard info.st_mode & (S_IWGRP | S_IWOTH) == 0 else { throw .writableByOthers(path: path) }
    }

    private static func readAll(_ descriptor: Int32, path: String) throws(SSHAuthInfoError)
        -> [UInt8]
    {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress, buffer.count)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { return bytes }
            bytes += chunk[0..<count]
            guard bytes.count <= maximumSize else {
                throw .tooLarge(path: path, limit: maximumSize)
            }
        }
    }
}

/// `read(2)`, named apart from `SSHAuthInfoFile.read(path:)`, which hides it inside the type.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int)
    -> Int
{
    read(descriptor, buffer, count)
}
