#!/usr/bin/env bash
# Idle CPU and memory of the console: `settings-console demo` in a 120x40 tmux, left alone
# for 10 s after its first screen, measured from /proc (utime + stime, VmHWM, VmRSS).
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
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
before=$(ticks)
sleep 10
after=$(ticks)
awk -v d=$((after - before)) -v hz="$hz" \
    'BEGIN { printf "idle CPU over 10 s: %d ticks of 1/%d s = %.2f%% of one core\n", d, hz, d * 100 / hz / 10 }'
grep -E '^(VmHWM|VmRSS)' "/proc/$pid/status"
