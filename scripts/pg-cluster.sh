#!/usr/bin/env bash
# A private, throwaway PostgreSQL 15 cluster on a unix socket (never the system cluster).
#
#   scripts/pg-cluster.sh start DIR      create DIR/{data,sock,log}, start, print the conninfo
#                                        (also written to DIR/conninfo); chatter goes to stderr
#   scripts/pg-cluster.sh stop DIR       stop (immediate) and remove DIR; idempotent
#   scripts/pg-cluster.sh run CMD ARGS   temp cluster around CMD with SC_TEST_PG=<conninfo>;
#                                        always stopped and removed; exits with CMD's status
#
# Works as root (initdb refuses root, so the server runs as the `postgres` user via
# runuser) and as a normal user (runs directly). Binaries: `pg_config --bindir`, else
# /usr/lib/postgresql/15/bin.
set -euo pipefail

readonly MARKER=".settings-console-pg-cluster"

say() { printf 'pg-cluster: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

bindir() {
    local dir=""
    if command -v pg_config >/dev/null 2>&1; then
        dir=$(pg_config --bindir 2>/dev/null || true)
    fi
    if [[ -z "$dir" || ! -x "$dir/pg_ctl" || ! -x "$dir/initdb" ]]; then
        dir=/usr/lib/postgresql/15/bin
    fi
    [[ -x "$dir/pg_ctl" && -x "$dir/initdb" ]] ||
        die "PostgreSQL server binaries not found (install postgresql-15 / postgresql)"
    printf '%s\n' "$dir"
}

# Runs a command as the user owning the cluster: `postgres` when we are root.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

absolute() {
    local d=$1
    mkdir -p -- "$d"
    (cd -- "$d" && pwd -P)
}

cmd_start() {
    [[ $# -eq 1 && -n "$1" ]] || die "usage: $0 start DIR"
    local dir bin port conninfo attempt
    dir=$(absolute "$1")
    [[ "$dir" != "/" ]] || die "refusing to use / as the cluster directory"
    if [[ -e "$dir/data/PG_VERSION" ]]; then
        die "$dir/data already holds a cluster; stop it first ($0 stop $dir)"
    fi
    bin=$(bindir)
    : >"$dir/$MARKER"
    mkdir -p -- "$dir/data" "$dir/sock"
    chmod 700 "$dir" "$dir/data"
    if [[ $(id -u) -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || die "running as root needs a 'postgres' system user"
        chown -R postgres: -- "$dir"
        runuser -u postgres -- test -x "$dir" ||
            die "the postgres user cannot reach $dir (a parent directory is private); use a directory under /tmp"
    fi
    # Socket paths are limited to ~107 bytes.
    if (( ${#dir} + 25 > 107 )); then
        die "$dir is too long for a unix socket path; use a shorter directory"
    fi

    say "initdb in $dir/data"
    if ! as_owner "$bin/initdb" -D "$dir/data" --auth=trust -U postgres --encoding=UTF8 \
        --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
        cat "$dir/initdb.log" >&2
        die "initdb failed"
    fi

    for attempt in $(seq 1 20); do
        port=$((54320 + RANDOM % 10000))
        [[ -e "$dir/sock/.s.PGSQL.$port" || -e "$dir/sock/.s.PGSQL.$port.lock" ]] && continue
        say "starting on port $port (attempt $attempt)"
        if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
            -o "-k $dir/sock -c listen_addresses='' -p $port -c fsync=off -c max_connections=300 -c shared_buffers=256MB" start >&2; then
            conninfo="host=$dir/sock port=$port user=postgres dbname=postgres"
            printf '%s\n' "$conninfo" >"$dir/conninfo"
            printf '%s\n' "$conninfo"
            return 0
        fi
        say "start on port $port failed; see $dir/log"
        # A half-started server must not survive the retry.
        as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    done
    die "could not start PostgreSQL in $dir (log: $dir/log)"
}

cmd_stop() {
    [[ $# -eq 1 && -n "$1" ]] || die "usage: $0 stop DIR"
    local dir=$1 bin pid
    [[ -e "$dir" ]] || return 0
    dir=$(cd -- "$dir" && pwd -P)
    [[ "$dir" != "/" ]] || die "refusing to remove /"
    if [[ ! -e "$dir/$MARKER" && ! -e "$dir/data/PG_VERSION" ]]; then
        die "$dir was not made by this script; not removing it"
    fi
    if [[ -f "$dir/data/postmaster.pid" ]]; then
        bin=$(bindir)
        say "stopping the cluster in $dir"
        if ! as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >&2; then
            pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
            if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
                say "pg_ctl stop failed; sending SIGKILL to postmaster $pid"
                kill -KILL "$pid" 2>/dev/null || true
                for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            fi
        fi
    fi
    rm -rf -- "$dir"
}

cmd_run() {
    [[ $# -ge 1 ]] || die "usage: $0 run CMD [ARGS...]"
    # Memory-backed /dev/shm when there is one: test databases are created and dropped by the
    # hundred, and on a slow disk deleting them costs more than the tests. SC_PG_BASE overrides.
    local base="${SC_PG_BASE:-}"
    if [[ -z "$base" ]]; then
        if [[ -d /dev/shm && -w /dev/shm ]]; then base=/dev/shm; else base="${TMPDIR:-/tmp}"; fi
    fi
    # As root the postgres user must be able to reach the directory.
    if [[ $(id -u) -eq 0 ]] && ! runuser -u postgres -- test -x "$base" 2>/dev/null; then
        base=/tmp
    fi
    CLUSTER_DIR=$(mktemp -d "$base/sc-pg.XXXXXX")
    CHILD=""
    trap 'cmd_stop "$CLUSTER_DIR" || true' EXIT
    trap 'on_signal INT 130' INT
    trap 'on_signal TERM 143' TERM
    SC_TEST_PG=$(cmd_start "$CLUSTER_DIR")
    export SC_TEST_PG
    # In the background so a signal reaches our trap at once (bash defers traps while a
    # foreground child runs). `<&0` keeps the caller's stdin (a terminal, for the console);
    # `trap -` undoes bash's "background jobs ignore SIGINT", so Ctrl-C still reaches CMD.
    ( trap - INT QUIT; exec "$@" ) <&0 &
    CHILD=$!
    local status=0
    wait "$CHILD" || status=$?
    CHILD=""
    exit "$status"
}

# Passes INT/TERM on to CMD, waits for it, then exits (the EXIT trap removes the cluster).
on_signal() {
    local sig=$1 code=$2
    if [[ -n "${CHILD:-}" ]]; then
        kill -s "$sig" "$CHILD" 2>/dev/null || true
        wait "$CHILD" 2>/dev/null || true
    fi
    exit "$code"
}

main() {
    [[ $# -ge 1 ]] || die "usage: $0 start DIR | stop DIR | run CMD [ARGS...]"
    local verb=$1
    shift
    case "$verb" in
        start) cmd_start "$@" ;;
        stop) cmd_stop "$@" ;;
        run) cmd_run "$@" ;;
        *) die "unknown command '$verb' (start DIR | stop DIR | run CMD [ARGS...])" ;;
    esac
}

main "$@"
