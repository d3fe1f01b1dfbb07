#!/usr/bin/env bash
# Start-up and keystrokes of the console beside htop and psql, in one run, in a 120x40 tmux
# (docs/performance.md, "Start-up and keystrokes").
#
#   scripts/startup-vs-htop.sh [RUNS]      RUNS start-ups of each program (default 20)
#
# Loads the scale data (`settings-console seed --scale`: a workspace of 100,000 members) into
# a new database, registers an SSH key for admin@scale.example, then inside one 120x40 tmux
# pane runs scripts/pty-timing.py, which owns each program's pty and timestamps its output:
#   - the console logged in by that SSH key ($SSH_USER_AUTH, as sshd's ExposeAuthInfo sets
#     it), exec -> the end of the first frame with member rows, with SC_STARTUP_TRACE's steps;
#   - htop, exec -> the end of its first frame (its function bar);
#   - psql printing the first screenful of the same list (the console's statement), exec ->
#     the end of its output;
#   - then Down, PgDn and G (and g back) in one console: key written -> the end of the last
#     frame it caused, and the bytes written for it;
#   - then searches typed in one burst (`user77777@`, one match; `us`, broad) and cleared
#     again, each timed to the end of the frame with its final result;
#   - then the terminal resized (a column narrower, then back): size change -> redrawn screen;
#   - and each of those consoles' peak resident set (VmHWM) after its last key.
# SC_BINARY picks the binary (default: the release build); SC_TEST_PG a cluster to use (else
# a private one is started and removed); SC_STARTUP_DATABASE a database in it that already
# holds the scale data (else one is made and seeded, ~2 min); SC_KEYS the keys of each kind
# (and resizes); SC_JUMPS the G and g of each (default 20); SC_SEARCHES each search's runs;
# SC_KEEP_WORK=1 keeps the raw JSON lines (one per run or key) in the work directory.
# Needs tmux, htop, psql, ssh-keygen, python3.
set -euo pipefail
runs=${1:-20}
keys_per_kind=${SC_KEYS:-100}
here=$(cd "$(dirname "$0")" && pwd)
for tool in tmux htop psql ssh-keygen python3; do
    command -v "$tool" >/dev/null || { echo "startup-vs-htop: $tool is needed" >&2; exit 1; }
done
bin=${SC_BINARY:-$(swift build -c release --show-bin-path)/settings-console}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
work=$(mktemp -d /tmp/sc-startup.XXXXXX)
chmod 755 "$work"
socket="sc-startup-$$"
own_cluster=""
cleanup() {
    tmux -L "$socket" kill-server 2>/dev/null || true
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$socket" # the server leaves its socket behind
    if [[ -n "$own_cluster" ]]; then "$here/pg-cluster.sh" stop "$work/pg" >/dev/null 2>&1 || true; fi
    if [[ -z "${SC_KEEP_WORK:-}" ]]; then rm -rf "$work"; else echo "kept $work" >&2; fi
}
trap cleanup EXIT

if [[ -n "${SC_TEST_PG:-}" ]]; then
    conninfo=$SC_TEST_PG
else
    conninfo=$("$here/pg-cluster.sh" start "$work/pg" 2>/dev/null)
    own_cluster=1
fi
if [[ -n "${SC_STARTUP_DATABASE:-}" ]]; then
    database=$SC_STARTUP_DATABASE # already migrated and seeded with --scale: reused as is
else
    database="sc_startup_$$"
    psql "$conninfo" -Xq -c "CREATE DATABASE $database"
    "$bin" migrate --database "$conninfo dbname=$database" >/dev/null
    "$bin" seed --scale --database "$conninfo dbname=$database"
fi
app="$conninfo dbname=$database user=console_app"

ssh-keygen -q -t ed25519 -N '' -C startup -f "$work/key"
printf 'demo-pass\n' | "$bin" keys add admin@scale.example --key "$(cat "$work/key.pub")" \
    --database "$app" --user owner@scale.example --workspace scale --password-stdin >/dev/null
printf 'publickey %s\n' "$(cut -d' ' -f1,2 "$work/key.pub")" >"$work/auth"
chmod 600 "$work/auth"

# The console's first page (sql: SettingsStore.members, default order), first screenful.
workspace=5ca1e000-0000-0000-0000-000000000001
admin_user=5ca1e000-0000-0000-0001-000000000002
cat >"$work/page.sql" <<SQL
BEGIN;
SELECT set_config('app.current_workspace_id', '$workspace', true),
       set_config('app.current_user_id', '$admin_user', true) \g /dev/null
SELECT COALESCE(u.full_name, '') AS name, COALESCE(u.email, tm.invitation_email) AS email,
       tm.role, tm.status, tm.last_active_at
FROM team_members tm
LEFT JOIN users u ON u.id = tm.user_id
JOIN team_member_sort_keys k ON k.member_id = tm.id AND k.workspace_id = '$workspace'
WHERE tm.workspace_id = '$workspace' AND tm.deleted_at IS NULL
ORDER BY tm.created_at, tm.id
LIMIT 34;
COMMIT;
SQL

timing="python3 $here/pty-timing.py"
# Searches typed in one burst into the open prompt, each timed to its final result on screen:
# one match, and a broad prefix; each followed by clearing the prompt (the whole list again).
search_plan=""
for _ in $(seq "${SC_SEARCHES:-10}"); do
    search_plan+=" search:user77777@=1 search-clear=1 search:us=1 search-clear=1"
done
# G (the last page) and g (back to the top), SC_JUMPS of each.
jump_plan=""
for _ in $(seq "${SC_JUMPS:-20}"); do jump_plan+=" G=1 g=1"; done
console=$(printf '%q ' env -u SSH_ORIGINAL_COMMAND SSH_USER_AUTH="$work/auth" LANG=C.UTF-8 \
    "$bin" --database "$app" --workspace scale)
# The key runs leave out the 10 s safety poll (LISTEN keeps the list live): its spinner, on a
# clock of its own, would otherwise land in some key's answer.
console_keys="$console --poll-interval 0"
psql_page=$(printf '%q ' psql -X -q -P pager=off "$app" -f "$work/page.sql")
cat >"$work/inside.sh" <<EOF
cd "$work"
echo "\$TERM" >term
$timing startup --runs $runs --trace --marker 'Scale User' -- $console >console.json
$timing startup --runs $runs --marker 'Quit' -- htop >htop.json
$timing startup --runs $runs --marker '(34 rows)' -- $psql_page >psql.json
$timing keys --marker 'Scale User' Down=$keys_per_kind PgDn=$keys_per_kind \
    -- $console_keys >keys-scroll.json
$timing keys --marker 'Scale User' --quiet-ms 150 $jump_plan -- $console_keys >keys-jump.json
$timing keys --marker 'Scale User' resize=$keys_per_kind -- $console_keys >keys-resize.json
$timing keys --marker 'Scale User' --quiet-ms 150 /=1 $search_plan -- $console_keys >keys-search.json
EOF
tmux -L "$socket" new-session -d -x 120 -y 40 \
    "bash '$work/inside.sh' 2>'$work/inside.err'; tmux wait-for -S done"
tmux -L "$socket" wait-for done
if [[ -s "$work/inside.err" ]]; then cat "$work/inside.err" >&2; fi

echo "start-up and keystrokes, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, 120x40 tmux" \
    "(TERM=$(cat "$work/term"))"
echo "uptime:$(uptime)"
python3 - "$work" <<'PY'
import json, statistics, sys
work = sys.argv[1]

def load(name):
    with open(f"{work}/{name}") as f:
        return [json.loads(line) for line in f if line.strip()]

def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(p / 100 * len(values) + 0.5) - 1))]

print("\nexec -> first full screen (ms)")
print(f"{'program':<44}{'runs':>5}{'p50':>9}{'p95':>9}{'min':>9}{'max':>9}")
for name, label in [("console.json", "console, SSH key, 100,000 members"),
                    ("htop.json", "htop"), ("psql.json", "psql, the same page (34 rows)")]:
    runs = load(name)
    ms = [r["first_full_screen_ms"] for r in runs if "first_full_screen_ms" in r]
    bad = len(runs) - len(ms)
    if not ms:
        print(f"{label:<44} no run reached its full screen")
        continue
    print(f"{label:<44}{len(ms):>5}{pct(ms, 50):>9.1f}{pct(ms, 95):>9.1f}{min(ms):>9.1f}"
          f"{max(ms):>9.1f}" + (f"  ({bad} failed)" if bad else ""))

print("\nthe console's start-up (SC_STARTUP_TRACE; ms, p50 / p95 over the runs)")
traces = [r.get("trace", {}) for r in load("console.json")]
phases = [
    ("process start: exec -> main", None, "main"),
    ("arguments, identity plan", "main", "identity-planned"),
    ("libpq connect", "identity-planned", "connected"),
    ("SSH-key lookup (3 transactions)", "connected", "session"),
    ("ncurses start (beside connect + lookup)", "identity-planned", "terminal"),
    ("console set-up -> first frame", ("session", "terminal"), "first-frame"),
    ("counts in the loop, after first frame", "first-frame", "counts"),
    ("first page in the loop, after first frame", "first-frame", "first-page"),
    ("first frame with rows, after first page", "first-page", "first-full-frame"),
    ("exec -> first frame with rows", None, "first-full-frame"),
]
def at(trace, step):
    if step is None:
        return 0.0
    if isinstance(step, tuple):
        values = [trace[s] for s in step if s in trace]
        return max(values) if len(values) == len(step) else None
    return trace.get(step)
for label, begin, end in phases:
    spans = [at(t, end) - at(t, begin) for t in traces
             if at(t, begin) is not None and at(t, end) is not None]
    if spans:
        print(f"  {label:<46}{pct(spans, 50):>8.1f}{pct(spans, 95):>8.1f}")

print("\nkey written -> end of its first frame, and of the last frame it caused (answers")
print("arriving within 60 ms, 150 ms for G/g, count as its own), ms; bytes of all its frames")
print(f"{'key':<20}{'n':>5}{'first p50':>10}{'first p99':>10}{'last p50':>9}{'last p99':>9}"
      f"{'max':>9}{'bytes p50':>11}{'bytes max':>11}")
keyfiles = ["keys-scroll.json", "keys-jump.json", "keys-search.json", "keys-resize.json"]
for name in keyfiles:
    rows = load(name)
    for key in dict.fromkeys(r.get("key") for r in rows):
        ok = [r for r in rows if r.get("key") == key and "ms" in r]
        if not ok:
            continue
        ms = [r["ms"] for r in ok]
        first = [r["first_frame_ms"] for r in ok]
        size = [r["bytes"] for r in ok]
        print(f"{key:<20}{len(ok):>5}{pct(first, 50):>10.2f}{pct(first, 99):>10.2f}"
              f"{pct(ms, 50):>9.2f}{pct(ms, 99):>9.2f}{max(ms):>9.2f}"
              f"{statistics.median(size):>11.0f}{max(size):>11}")

peaks = [r["peak_rss_kib"] for name in keyfiles for r in load(name) if "peak_rss_kib" in r]
if peaks:
    print(f"\nthe console's peak resident set (VmHWM) after its keys: {max(peaks):,} KiB "
          f"(largest of {len(peaks)} consoles)")
PY
