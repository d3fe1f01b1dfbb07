import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A step of the console's start-up, as `StartupTrace` records it. Names only: a trace line
/// never carries a value from the user, the key or the database.
public enum StartupStep: String, Sendable, CaseIterable {
    /// `main` entered: everything before is the loader and the Swift runtime.
    case mainEntered = "main"
    /// The arguments parsed and the way of logging in chosen.
    case identityPlanned = "identity-planned"
    /// libpq's connection open (socket, start-up packet, authentication).
    case connected
    /// The SSH key's (or password's) user and workspace found: the session exists.
    case sessionReady = "session"
    /// ncurses started: terminfo read, raw mode, colours.
    case terminalOpened = "terminal"
    /// The first frame handed to the terminal (the frame around an empty list).
    case firstFrame = "first-frame"
    /// The header counts arrived in the key loop.
    case countsLoaded = "counts"
    /// The first page of members arrived in the key loop.
    case firstPageLoaded = "first-page"
    /// The first frame with member rows handed to the terminal: the first full screen.
    case firstFullFrame = "first-full-frame"
}

/// Monotonic timestamps of the start-up steps, for `scripts/startup-vs-htop.sh`: with
/// `SC_STARTUP_TRACE=FILE` each step appends `step nanoseconds` (CLOCK_MONOTONIC, the clock
/// the script's harness reads too, so its exec time and these marks share one time line).
///
/// Without the variable every mark is a no-op after one look at the environment. The trace
/// ends with the first full frame: nothing is written while the console is in use.
public enum StartupTrace {
    private static let file = Mutex<Int32?>(openFromEnvironment())

    /// Records that `step` happened now (once the trace has ended, nothing).
    public static func mark(_ step: StartupStep) {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let nanoseconds = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
        file.withLock { descriptor in
            guard let open = descriptor else { return }
            let line = "\(step.rawValue) \(nanoseconds)\n"
            _ = line.utf8CString.withUnsafeBufferPointer { bytes in
                write(open, bytes.baseAddress, bytes.count - 1)
            }
            if step == .firstFullFrame {
                close(open)
                descriptor = nil
            }
        }
    }

    private static func openFromEnvironment() -> Int32? {
        guard let path = getenv("SC_STARTUP_TRACE"), path.pointee != 0 else { return nil }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o600)
        return descriptor >= 0 ? descriptor : nil
    }
}
