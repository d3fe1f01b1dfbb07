import CNcurses

/// Puts the terminal back to normal on every way out: shutdown, `exit`, fatal signals.
///
/// A console that dies in curses mode leaves the SSH session unusable (no echo, alternate
/// screen, hidden cursor). The C side of this lives in the shim; it is referenced only from this
/// file so its static state exists once.
public enum TerminalRestoration {
    /// Signals after which the terminal is restored before the signal takes its course.
    static let restoringSignals: [Int32] = [
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP,
    ]

    /// Installs the restoring signal handlers and the at-exit hook.
    ///
    /// Call before ncurses starts: the handlers chain to whatever was installed before them
    /// (the application's own handlers, the Swift runtime's crash reporter, or the default), so
    /// install application handlers first.
    static func install() {
        cnc_register_atexit_restore()
        for signal in restoringSignals {
            _ = cnc_install_restoring_handler(signal)
        }
    }

    /// Records that curses mode is on (so a signal must restore) or off.
    static func setActive(_ active: Bool) {
        cnc_set_curses_active(active ? 1 : 0)
    }

    /// Leaves curses mode now if it is on. Safe to call from any fatal path before exiting.
    public static func restore() {
        cnc_restore_terminal()
    }
}
