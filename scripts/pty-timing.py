#!/usr/bin/env python3
"""Times terminal programs from the bytes they write: start-up to first full screen, and
keystroke to updated screen. Used by scripts/startup-vs-htop.sh.

The program runs on a pseudo-terminal this script owns (the size and TERM of the terminal the
script runs in, normally a 120x40 tmux pane), so every byte it writes is timestamped
(CLOCK_MONOTONIC, the clock SC_STARTUP_TRACE uses) as it arrives, to well under a
millisecond. Polling `tmux capture-pane` would only see the screen every few milliseconds.

A *frame* is a burst of output: bytes whose gaps are under --gap-ms (ncurses writes one
frame in back-to-back writes). The first full screen is the end of the burst in which
--marker first appears (text only a full screen has, such as a member's name).

  pty-timing.py startup --marker TEXT --runs N [--quit KEYS] [--trace] -- CMD ARGS...
  pty-timing.py keys --marker TEXT [--frames] KEY=COUNT... -- CMD ARGS...

A KEY named `resize` changes the terminal's size instead (a column narrower, then back).

--frames keeps every write of each key's answer (ms after the key, text) in its JSON line,
to take a slow answer apart.

Prints one JSON object per line: each run (startup) or each key (keys).
"""

import argparse
import curses
import fcntl
import json
import os
import pty
import select
import signal
import struct
import sys
import tempfile
import termios
import time

# terminfo names of the keys: ncurses turns on the keypad's transmit mode, so a terminal then
# sends these (tmux: Down is ESC O B, not ESC [ B); what a real keyboard in that terminal sends.
KEY_CAPABILITIES = {"Down": "kcud1", "Up": "kcuu1", "PgDn": "knp", "PgUp": "kpp"}


def key_bytes(name):
    """The bytes the terminal named by TERM sends for `name` (a terminfo key, or itself).
    `search:TEXT` is Ctrl-U (clear the search prompt) then TEXT, written at once like a paste
    or a fast typist; `search-clear` is Ctrl-U alone."""
    if name.startswith("search:"):
        return b"\x15" + name[len("search:"):].encode()
    if name == "search-clear":
        return b"\x15"
    capability = KEY_CAPABILITIES.get(name)
    if capability is None:
        return name.encode()
    curses.setupterm(os.environ.get("TERM", "xterm-256color"), sys.stdout.fileno())
    sequence = curses.tigetstr(capability)
    if not sequence:
        raise SystemExit(f"TERM={os.environ.get('TERM')} has no {capability} for {name}")
    return sequence


def terminal_size():
    """The size of the terminal this script runs in (the tmux pane), else 120x40."""
    try:
        packed = fcntl.ioctl(sys.stdout.fileno(), termios.TIOCGWINSZ, b"\0" * 8)
        rows, cols = struct.unpack("HHHH", packed)[:2]
        if rows and cols:
            return rows, cols
    except OSError:
        pass
    return 40, 120


class Child:
    """A program on a pty of our own; `output` holds (monotonic ns, bytes) as they arrived."""

    def __init__(self, argv, env, rows, cols):
        self.started = time.monotonic_ns()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execvpe(argv[0], argv, env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.output = []
        self.text = b""
        self.closed = False

    def read(self, timeout):
        """Reads what arrives within `timeout` seconds; False once the program closed the pty."""
        if self.closed:
            return False
        ready, _, _ = select.select([self.fd], [], [], max(0, timeout))
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            self.closed = True
            return False
        self.output.append((time.monotonic_ns(), chunk))
        self.text += chunk
        return True

    def wait_for(self, marker, deadline):
        """Reads until `marker` is in the output; the index of the chunk holding its end."""
        while marker not in self.text:
            if time.monotonic() > deadline or not self.read(deadline - time.monotonic()):
                return None
        seen = 0
        for index, (_, chunk) in enumerate(self.output):
            seen += len(chunk)
            if marker in self.text[:seen]:
                return index
        return None

    def burst_end(self, index, gap_ns):
        """Reads on until the output pauses for `gap_ns`; the time of the burst's last byte."""
        while True:
            last = self.output[-1][0]
            remaining = (last + gap_ns - time.monotonic_ns()) / 1e9
            if remaining <= 0:
                break
            before = len(self.output)
            self.read(remaining)
            if self.closed:
                break
            if len(self.output) == before and time.monotonic_ns() >= last + gap_ns:
                break
        end = self.output[index][0]
        for stamp, _ in self.output[index + 1 :]:
            if stamp - end >= gap_ns:
                break
            end = stamp
        return end

    def finish(self, quit_keys):
        """Asks the program to quit, then makes sure it is gone."""
        if quit_keys and not self.closed:
            try:
                os.write(self.fd, quit_keys)
            except OSError:
                pass
        deadline = time.monotonic() + 5
        while not self.closed and time.monotonic() < deadline:
            self.read(0.1)
        try:
            if not self.closed:
                os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (OSError, ChildProcessError):
            pass
        os.close(self.fd)


def read_trace(path, started):
    """SC_STARTUP_TRACE lines ("step nanoseconds"), first of each step, in ms from exec."""
    steps = {}
    try:
        with open(path) as trace:
            for line in trace:
                name, stamp = line.split()
                steps.setdefault(name, round((int(stamp) - started) / 1e6, 2))
    except OSError:
        pass
    return steps


def startup(args, argv, env, rows, cols):
    for run in range(args.runs):
        trace = None
        if args.trace:
            handle, trace = tempfile.mkstemp(prefix="sc-startup-trace-")
            os.close(handle)
            env = dict(env, SC_STARTUP_TRACE=trace)
        child = Child(argv, env, rows, cols)
        index = child.wait_for(args.marker.encode(), time.monotonic() + args.timeout)
        result = {"run": run + 1}
        if index is None:
            result["error"] = "marker never appeared"
            result["last_output"] = child.text[-300:].decode("utf-8", "replace")
        else:
            end = child.burst_end(index, int(args.gap_ms * 1e6))
            result["first_full_screen_ms"] = round((end - child.started) / 1e6, 2)
            result["bytes"] = sum(len(c) for t, c in child.output if t <= end)
        child.finish(args.quit.encode().decode("unicode_escape").encode())
        if trace:
            result["trace"] = read_trace(trace, child.started)
            os.unlink(trace)
        print(json.dumps(result), flush=True)
        time.sleep(args.pause)


def settle(child, quiet):
    """Reads until nothing has been written for `quiet` seconds."""
    while True:
        before = len(child.output)
        child.read(quiet)
        if len(child.output) == before or child.closed:
            return


def split_frames(output, end, gap_ns):
    """The writes up to `end`, grouped into frames: writes closer than `gap_ns` are one."""
    frames = []
    for stamp, chunk in output:
        if stamp > end:
            break
        if frames and stamp - frames[-1][-1][0] < gap_ns:
            frames[-1].append((stamp, chunk))
        else:
            frames.append([(stamp, chunk)])
    return frames


def keys(args, argv, env, rows, cols):
    """One program; each key written when the screen has been quiet for a while, and timed to
    the end of the last frame it caused (frames closer than --quiet-ms count as one answer)."""
    child = Child(argv, env, rows, cols)
    if child.wait_for(args.marker.encode(), time.monotonic() + args.timeout) is None:
        print(json.dumps({"error": "marker never appeared"}), flush=True)
        child.finish(b"q")
        return
    quiet = args.quiet_ms / 1000
    plan = []
    for spec in args.sequence:
        name, _, count = spec.partition("=")
        plan += [name] * int(count or 1)
    tick_seen = None
    narrow = False
    for name in plan:
        settle(child, quiet)
        # The status line's age changes once a second ("refreshed 5s ago"), but first 2 s
        # after a refresh ("just now" -> "2s ago"). A key is sent only in the 600 ms after
        # such a tick (or after 2.2 s without one), so the next tick never lands in its answer.
        if tick_seen is None or time.monotonic() - tick_seen > 0.6:
            before = len(child.output)
            deadline = time.monotonic() + 2.2
            while len(child.output) == before and time.monotonic() < deadline:
                child.read(deadline - time.monotonic())
            tick_seen = time.monotonic()
            settle(child, 0.02)
        sent = time.monotonic_ns()
        if name == "resize":
            # Not a key: the terminal changes size (one column narrower, then back), and the
            # kernel sends the program SIGWINCH, as when a window is dragged.
            narrow = not narrow
            size = (rows, cols - 1 if narrow else cols, 0, 0)
            fcntl.ioctl(child.fd, termios.TIOCSWINSZ, struct.pack("HHHH", *size))
        else:
            os.write(child.fd, key_bytes(name))
        first = len(child.output)
        deadline = time.monotonic() + args.timeout
        while len(child.output) == first and time.monotonic() < deadline:
            child.read(deadline - time.monotonic())
        if len(child.output) == first:
            print(json.dumps({"key": name, "error": "no output"}), flush=True)
            continue
        end = child.burst_end(first, int(args.quiet_ms * 1e6))
        frames = split_frames(child.output[first:], end, args.gap_ms * 1e6)
        # The first frame alone (gaps under --gap-ms): the key's own frame, before any
        # answer it asked for (a page fetched ahead, the last page after G) is drawn.
        first_end = frames[0][-1][0]
        written = sum(len(chunk) for frame in frames for _, chunk in frame)
        if len(frames) > 1:
            # An answer arrived after the key's own frame: a finished load restarts the
            # console's "refreshed Ns ago" clock, so its ticks now count from that answer.
            tick_seen = end / 1e9
        result = {
            "key": name, "ms": round((end - sent) / 1e6, 3),
            "first_frame_ms": round((first_end - sent) / 1e6, 3), "bytes": written}
        if args.frames:
            # What each write held, for taking a slow answer apart (ms after the key, text).
            result["writes"] = [
                [round((stamp - sent) / 1e6, 3), chunk.decode("utf-8", "replace")]
                for stamp, chunk in child.output[first:] if stamp <= end]
        print(json.dumps(result), flush=True)
    peak = peak_resident_kib(child.pid)
    if peak is not None:
        print(json.dumps({"peak_rss_kib": peak}), flush=True)
    child.finish(b"q")


def peak_resident_kib(pid):
    """The most memory the program has held (VmHWM), after all its keys; None if unreadable."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["startup", "keys"])
    parser.add_argument("--marker", required=True)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--gap-ms", type=float, default=5.0)
    parser.add_argument("--quiet-ms", type=float, default=60.0)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--pause", type=float, default=0.3)
    parser.add_argument("--quit", default="q")
    parser.add_argument("--trace", action="store_true")
    parser.add_argument("--frames", action="store_true", help="keys mode: keep each write")
    parser.add_argument("sequence", nargs="*", help="keys mode: NAME=COUNT, e.g. Down=100")
    if "--" not in sys.argv:
        parser.error("the command to run follows --")
    split = sys.argv.index("--")
    args = parser.parse_intermixed_args(sys.argv[1:split])
    args.command = sys.argv[split + 1 :]
    if not args.command:
        parser.error("the command to run follows --")
    rows, cols = terminal_size()
    env = dict(os.environ)
    if args.mode == "startup":
        startup(args, args.command, env, rows, cols)
    else:
        keys(args, args.command, env, rows, cols)


if __name__ == "__main__":
    main()
