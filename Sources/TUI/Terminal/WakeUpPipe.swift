#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ends the key loop's wait for a key as soon as an effect has answered.
///
/// The loop sleeps for a key until something is due, up to a second; an answer posted to the
/// inbox meanwhile (the first page at start-up, the last page after `G`) would sit there until
/// that wait ran out. The terminal waits on this pipe beside the keyboard, and posting to the
/// inbox writes one byte into it; a resize writes into a pipe of its own (`ResizeSignal`).
public final class WakeUpPipe: Sendable {
    /// The end the terminal waits on (`poll`); -1 if no pipe could be made (then the loop
    /// only wakes on keys and its timeout, as before).
    public let readEnd: Int32
    private let writeEnd: Int32

    public init() {
        var ends: [Int32] = [-1, -1]
        let made = pipe(&ends) == 0
        if made {
            for end in ends {
                _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            }
        }
        readEnd = made ? ends[0] : -1
        writeEnd = made ? ends[1] : -1
    }

    deinit {
        if readEnd >= 0 { close(readEnd) }
        if writeEnd >= 0 { close(writeEnd) }
    }

    /// The end `signal` writes to: a signal handler writes there itself (`ResizeSignal`).
    var signalDescriptor: Int32 { writeEnd }

    /// Wakes the waiting terminal; from any thread. A full pipe is already awake.
    public func signal() {
        guard writeEnd >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Empties the pipe once the terminal is awake, so the next wait sleeps again.
    public func drain() {
        guard readEnd >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &buffer, buffer.count) > 0 {}
    }
}
