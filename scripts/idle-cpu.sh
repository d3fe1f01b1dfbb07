#!/usr/bin/env bash
# Idle CPU and memory of the console: `settings-console demo` in a 120x40 tmux, left alone
# for SC_IDLE_SECONDS (default 20) after its first screen, measured from /proc (utime +
# stime, VmHWM, VmRSS, and wake-ups: its threads' voluntary context switches, summed).
# Usage: scripts/idle-cpu.sh   (SC_BINARY picks the binary; default: the release build)
set -euo pipefail
command -v tmux >/dev/null || { echo "idle-cpu: tmux is needed (make deps)" >&2; exit 1; }
bin="${SC_BINARY:-$(swift build -c release --show-bin-path)/settings-console}"
session="sc-idle-$$"
tmux new-session -d -s "$session" -x 120 -y 40 "exec '$bin' demo --as admin"
trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
    tmux capture-pane -p -t "$session" | grep -q " active · " && break
    sleep 0.1
done
pid=$(tmux display -p -t "$session" '#{pane_pid}')
sleep 2
seconds="${SC_IDLE_SECONDS:-20}"
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
# Every sleep of a thread that ends (the key loop's wait, a worker's) is one voluntary switch.
wakeups() { cat /proc/"$pid"/task/*/status | awk '/^voluntary_ctxt_switches/ {n += $2} END {print n}'; }
hz=$(getconf CLK_TCK)
before=$(ticks)
woken=$(wakeups)
sleep "$seconds"
after=$(ticks)
awk -v d=$((after - before)) -v hz="$hz" -v s="$seconds" -v w=$(($(wakeups) - woken)) \
    'BEGIN { printf "idle CPU over %d s: %d ticks of 1/%d s = %.2f%% of one core; threads woke %.1f times a second\n", s, d, hz, d * 100 / hz / s, w / s }'
grep -E '^(VmHWM|VmRSS)' "/proc/$pid/status"
