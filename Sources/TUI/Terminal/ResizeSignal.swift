import CNcurses

/// Wakes the key loop when the terminal changes size.
///
/// ncurses learns of a resize from its SIGWINCH handler, which only sets a flag for its next
/// read. The signal goes to the process's main thread, not to the thread waiting in `poll` for
/// a key, so that wait ran on to its timeout: up to a second, now that an idle loop sleeps
/// that long. The shim puts a handler in front of ncurses' that also writes a byte into
/// `pipe`, which the terminal polls beside the keyboard. The C side is referenced only from
/// this file, so its static state exists once.
enum ResizeSignal {
    /// Signalled on every SIGWINCH once `install` has run. One for the process, never closed,
    /// so the handler can never write into a descriptor that was closed and reused.
    static let pipe = WakeUpPipe()

    /// Makes every SIGWINCH from now on also signal `pipe`. Call once ncurses has started, so
    /// its handler is the one chained to; calling again changes nothing unless another
    /// handler has taken this one's place.
    static func install() {
        _ = cnc_wake_on_resize(pipe.signalDescriptor)
    }
}
