#!/usr/bin/env bash
# A private PgBouncer in transaction pooling in front of a private PostgreSQL (tests and
# docs/scaling.md's set-up in miniature). Unix socket only, never the system pooler.
#
#   scripts/pgbouncer.sh start DIR SERVER_SOCKET_DIR SERVER_PORT [POOL_SIZE]
#       writes DIR/pgbouncer.ini, starts PgBouncer (pool_mode=transaction, POOL_SIZE server
#       connections per database and user, default 10), prints the conninfo of the pooler
#       (host=DIR/sock port=...; also written to DIR/conninfo); chatter goes to stderr
#   scripts/pgbouncer.sh stop DIR
#       stops it (SIGINT: immediate shutdown) and removes DIR; idempotent
#
# Every database name is forwarded (`* =`) to the server as the same user; authentication is
# the server's (trust on its unix socket). PgBouncer refuses to run as root, so as root it runs
# as the `postgres` user, as scripts/pg-cluster.sh does for the server.
set -euo pipefail

readonly MARKER=".settings-console-pgbouncer"

say() { printf 'pgbouncer: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

as_owner() {
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

binary() {
    local path
    for path in "$(command -v pgbouncer 2>/dev/null || true)" /usr/sbin/pgbouncer; do
        [[ -n "$path" && -x "$path" ]] && { printf '%s\n' "$path"; return; }
    done
    die "pgbouncer not found (install the Debian package pgbouncer: make deps)"
}

cmd_start() {
    [[ $# -ge 3 ]] || die "usage: $0 start DIR SERVER_SOCKET_DIR SERVER_PORT [POOL_SIZE]"
    local dir=$1 server_socket=$2 server_port=$3 pool=${4:-10} bin port attempt
    bin=$(binary)
    mkdir -p -- "$dir/sock"
    dir=$(cd -- "$dir" && pwd -P)
    : >"$dir/$MARKER"
    # Users the pooler lets through; the server decides the rest.
    printf '"console_app" ""\n"postgres" ""\n' >"$dir/users.txt"
    [[ $(id -u) -eq 0 ]] && chown -R postgres: -- "$dir"
    for attempt in $(seq 1 20); do
        port=$((44320 + RANDOM % 10000))
        [[ -e "$dir/sock/.s.PGSQL.$port" ]] && continue
        cat >"$dir/pgbouncer.ini" <<EOF
[databases]
* = host=$server_socket port=$server_port

[pgbouncer]
listen_addr =
listen_port = $port
unix_socket_dir = $dir/sock
auth_type = trust
auth_file = $dir/users.txt
pool_mode = transaction
default_pool_size = $pool
min_pool_size = 0
reserve_pool_size = 0
max_client_conn = 1000
max_db_connections = $pool
server_reset_query =
ignore_startup_parameters = extra_float_digits
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
EOF
        [[ $(id -u) -eq 0 ]] && chown postgres: -- "$dir/pgbouncer.ini"
        say "starting on $dir/sock port $port (attempt $attempt)"
        if as_owner "$bin" -d -q "$dir/pgbouncer.ini" 2>>"$dir/start.log"; then
            for _ in $(seq 1 100); do
                [[ -S "$dir/sock/.s.PGSQL.$port" ]] && break
                sleep 0.05
            done
            if [[ -S "$dir/sock/.s.PGSQL.$port" ]]; then
                printf 'host=%s port=%s\n' "$dir/sock" "$port" | tee "$dir/conninfo"
                return 0
            fi
        fi
        say "start on port $port failed; see $dir/pgbouncer.log"
        stop_daemon "$dir"
    done
    die "could not start PgBouncer in $dir"
}

stop_daemon() {
    local dir=$1 pid
    pid=$(cat "$dir/pgbouncer.pid" 2>/dev/null || true)
    [[ "$pid" =~ ^[0-9]+$ ]] || return 0
    kill -INT "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.05; done
    kill -KILL "$pid" 2>/dev/null || true
}

cmd_stop() {
    [[ $# -eq 1 && -n "$1" ]] || die "usage: $0 stop DIR"
    local dir=$1
    [[ -e "$dir" ]] || return 0
    dir=$(cd -- "$dir" && pwd -P)
    [[ "$dir" != "/" && -e "$dir/$MARKER" ]] || die "$dir was not made by this script"
    stop_daemon "$dir"
    rm -rf -- "$dir"
}

case "${1:-}" in
    start) shift; cmd_start "$@" ;;
    stop) shift; cmd_stop "$@" ;;
    *) die "usage: $0 start DIR SERVER_SOCKET_DIR SERVER_PORT [POOL_SIZE] | stop DIR" ;;
esac
