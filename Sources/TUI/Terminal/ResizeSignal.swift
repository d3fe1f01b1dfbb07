import CNcurses

/// Wakes the key loop when the terminal changes size.
///
/// ncurses learns of a resize from its SIGWINCH handler, which only sets a flag for its next
/// read. The signal goes to the process's main thread, not to the thread waiting in `poll` for
/// a key, so that wait ran on to its timeout: up to a second, now that an idle loop sleeps
/// that long. The shim chains a handler after ncurses' that writes a byte into a pipe the
/// terminal polls beside the keyboard. The C side is referenced only from this file, so its
/// static state exists once.
enum ResizeSignal {
    /// Makes every SIGWINCH from now on also signal `pipe`. Call once ncurses has started, so
    /// its handler is the one chained to.
    static func wake(_ pipe: WakeUpPipe) {
        _ = cnc_wake_on_resize(pipe.signalDescriptor)
    }

    /// Stops signalling `pipe`, before it closes, unless another pipe has taken its place;
    /// ncurses' handler still runs.
    static func stopWaking(_ pipe: WakeUpPipe) {
        cnc_stop_waking_on_resize(pipe.signalDescriptor)
    }
}
