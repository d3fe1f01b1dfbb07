#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H
/* pkg-config's -D flags are dropped by SwiftPM, so wide-character ncurses is requested here. */
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Globals: in Swift 6 language mode every use of an imported global var is a concurrency error. */
static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline WINDOW *cnc_curscr(void) { return curscr; }
static inline int cnc_lines(void) { return LINES; }
static inline int cnc_cols(void) { return COLS; }
static inline int cnc_colors(void) { return COLORS; }
static inline int cnc_color_pairs(void) { return COLOR_PAIRS; }
static inline int cnc_wcwidth(wchar_t c) { return wcwidth(c); }

/* Function-like macros. */
static inline int cnc_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int cnc_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int cnc_key_f(int n) { return KEY_F(n); }
static inline int cnc_color_pair(int pair) { return (int)COLOR_PAIR(pair); }

/* Attribute bits (macros built from NCURSES_BITS, which Swift cannot evaluate). */
static inline attr_t cnc_a_normal(void) { return A_NORMAL; }
static inline attr_t cnc_a_bold(void) { return A_BOLD; }
static inline attr_t cnc_a_dim(void) { return A_DIM; }
static inline attr_t cnc_a_reverse(void) { return A_REVERSE; }
static inline attr_t cnc_a_underline(void) { return A_UNDERLINE; }

/* newterm on the process's own stdout/stdin: unlike initscr it returns NULL instead of exiting. */
static inline SCREEN *cnc_newterm_stdio(void) { return newterm(NULL, stdout, stdin); }
static inline int cnc_is_terminal(void) { return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO); }

/* The codeset of the current C locale, e.g. "UTF-8" or "ANSI_X3.4-1968". */
static inline const char *cnc_codeset(void) { return nl_langinfo(CODESET); }

/*
 * Terminal restoration on fatal signals.
 *
 * Everything below is only referenced from one Swift file (TerminalRestoration.swift), so the
 * static storage exists once. The handler restores the terminal with endwin() and then hands the
 * signal to whatever was installed before (the Swift runtime's backtracer, the application's own
 * handler, or the default action), so crash reports print on a usable terminal.
 */
#define CNC_MAX_SIGNAL 65

/* Function-local statics: Swift emits a header's functions but not its static variables. */
static inline void *cnc_previous_actions_storage(void) {
    static struct sigaction actions[CNC_MAX_SIGNAL];
    return actions;
}
#define cnc_previous_actions() ((struct sigaction *)cnc_previous_actions_storage())

static inline volatile sig_atomic_t *cnc_curses_active(void) {
    static volatile sig_atomic_t active = 0;
    return &active;
}

static inline void cnc_set_curses_active(int active) { *cnc_curses_active() = active; }

static inline void cnc_restore_terminal(void) {
    if (*cnc_curses_active()) {
        *cnc_curses_active() = 0;
        endwin();
    }
}

static inline void cnc_fatal_signal_handler(int sig, siginfo_t *info, void *context) {
    cnc_restore_terminal();
    if (sig <= 0 || sig >= CNC_MAX_SIGNAL) {
        return;
    }
    struct sigaction previous = cnc_previous_actions()[sig];
    sigaction(sig, &previous, NULL);
    if (previous.sa_flags & SA_SIGINFO) {
        if (previous.sa_sigaction != NULL) {
            previous.sa_sigaction(sig, info, context);
        }
        return;
    }
    if (previous.sa_handler == SIG_IGN) {
        return;
    }
    if (previous.sa_handler == SIG_DFL) {
        raise(sig);
        return;
    }
    previous.sa_handler(sig);
}

static inline void cnc_atexit_restore(void) { cnc_restore_terminal(); }

/* Installs the restoring handler for one signal, remembering the previous action. */
static inline int cnc_install_restoring_handler(int sig) {
    if (sig <= 0 || sig >= CNC_MAX_SIGNAL) {
        return -1;
    }
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_sigaction = cnc_fatal_signal_handler;
    action.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    return sigaction(sig, &action, &cnc_previous_actions()[sig]);
}

/* Registers the at-exit restoration once per process. */
static inline void cnc_register_atexit_restore(void) {
    static int registered = 0;
    if (!registered) {
        registered = 1;
        atexit(cnc_atexit_restore);
    }
}

/*
 * Waking the key loop on a resize.
 *
 * ncurses' own SIGWINCH handler only sets a flag that its next read turns into KEY_RESIZE. The
 * kernel hands the signal to the process's main thread, while the key loop waits in poll() on
 * another one, so nothing ended that wait. This handler runs the handler it replaced (ncurses')
 * and then writes one byte into a pipe the loop polls beside the keyboard. The pipe lives as long
 * as the process, so the handler never writes into a descriptor that was closed and reused.
 * Referenced only from ResizeSignal.swift, so the static storage exists once.
 */
static inline struct sigaction *cnc_winch_previous(void) {
    static struct sigaction previous;
    return &previous;
}

static inline volatile sig_atomic_t *cnc_winch_descriptor(void) {
    static volatile sig_atomic_t descriptor = -1;
    return &descriptor;
}

static inline void cnc_winch_handler(int sig, siginfo_t *info, void *context) {
    int saved = errno;
    struct sigaction *previous = cnc_winch_previous();
    if (previous->sa_flags & SA_SIGINFO) {
        if (previous->sa_sigaction != NULL) {
            previous->sa_sigaction(sig, info, context);
        }
    } else if (previous->sa_handler != SIG_DFL && previous->sa_handler != SIG_IGN) {
        previous->sa_handler(sig);
    }
    int descriptor = *cnc_winch_descriptor();
    if (descriptor >= 0) {
        char byte = 1;
        ssize_t ignored = write(descriptor, &byte, 1);
        (void)ignored;
    }
    errno = saved;
}

/*
 * From now on each SIGWINCH also writes into `descriptor`. The handler in place is asked, not
 * remembered: when it is already this one nothing changes (chaining to itself would recurse);
 * otherwise (the first call, or ncurses put its own back when a new screen started) this one
 * goes in front of it.
 */
static inline int cnc_wake_on_resize(int descriptor) {
    *cnc_winch_descriptor() = descriptor;
    struct sigaction current;
    if (sigaction(SIGWINCH, NULL, &current) != 0) {
        return -1;
    }
    if ((current.sa_flags & SA_SIGINFO) && current.sa_sigaction == cnc_winch_handler) {
        return 0;
    }
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_sigaction = cnc_winch_handler;
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&action.sa_mask);
    /* Written while this handler is not installed, so it never reads half of it. */
    *cnc_winch_previous() = current;
    return sigaction(SIGWINCH, &action, NULL);
}
#endif
