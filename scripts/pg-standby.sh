#!/usr/bin/env bash
# A streaming standby of a private cluster made by scripts/pg-cluster.sh, for the failover test.
#
#   scripts/pg-standby.sh start PRIMARY_DIR DIR
#       pg_basebackup of the primary into DIR/data (-R: standby.signal and primary_conninfo),
#       starts it on a socket of its own, then makes the primary's commits wait for it
#       (synchronous_standby_names = '*': a commit acknowledged to a client is on both), and
#       prints the standby's conninfo (also in DIR/conninfo)
#   scripts/pg-standby.sh promote DIR      pg_ctl promote, waits until it takes writes
#   scripts/pg-standby.sh stop DIR         same as scripts/pg-cluster.sh stop DIR
set -euo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
say() { printf 'pg-standby: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
bindir() {
    local dir=""
    command -v pg_config >/dev/null 2>&1 && dir=$(pg_config --bindir 2>/dev/null || true)
    [[ -n "$dir" && -x "$dir/pg_ctl" ]] || dir=/usr/lib/postgresql/15/bin
    printf '%s\n' "$dir"
}
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" "$2/conninfo"; }

cmd_start() {
    [[ $# -eq 2 ]] || die "usage: $0 start PRIMARY_DIR DIR"
    local primary=$1 dir=$2 bin host port mine attempt
    bin=$(bindir)
    primary=$(cd -- "$primary" && pwd -P)
    host=$(field host "$primary")
    port=$(field port "$primary")
    mkdir -p -- "$dir/sock"
    dir=$(cd -- "$dir" && pwd -P)
    : >"$dir/.settings-console-pg-cluster"
    chmod 700 "$dir"
    [[ $(id -u) -eq 0 ]] && chown -R postgres: -- "$dir"
    say "pg_basebackup from $host port $port"
    as_owner "$bin/pg_basebackup" -h "$host" -p "$port" -U postgres -D "$dir/data" -R \
        -X stream -c fast >"$dir/basebackup.log" 2>&1 || { cat "$dir/basebackup.log" >&2; die "pg_basebackup failed"; }
    for attempt in $(seq 1 20); do
        mine=$((54320 + RANDOM % 10000))
        [[ "$mine" == "$port" ]] && continue
        say "starting the standby on port $mine (attempt $attempt)"
        if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
            -o "-k $dir/sock -c listen_addresses='' -p $mine -c fsync=off -c max_connections=300" start >&2; then
            printf 'host=%s port=%s user=postgres dbname=postgres\n' "$dir/sock" "$mine" |
                tee "$dir/conninfo"
            # Synchronous from now on: the standby is streaming, so commits do not hang.
            as_owner "$bin/psql" -X -q -h "$host" -p "$port" -U postgres -d postgres \
                -c "ALTER SYSTEM SET synchronous_standby_names = '*'" -c "SELECT pg_reload_conf()" >/dev/null
            for _ in $(seq 1 100); do
                [[ $(as_owner "$bin/psql" -X -At -h "$host" -p "$port" -U postgres -d postgres \
                    -c "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'") == 1 ]] && return 0
                sleep 0.1
            done
            die "the standby never became synchronous"
        fi
        as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    done
    die "could not start the standby in $dir"
}

cmd_promote() {
    [[ $# -eq 1 ]] || die "usage: $0 promote DIR"
    local dir bin
    dir=$(cd -- "$1" && pwd -P)
    bin=$(bindir)
    as_owner "$bin/pg_ctl" -D "$dir/data" -w -t 60 promote >&2
    # It no longer waits for a standby of its own.
    as_owner "$bin/psql" -X -q -h "$dir/sock" -p "$(field port "$dir")" -U postgres -d postgres \
        -c "ALTER SYSTEM RESET synchronous_standby_names" -c "SELECT pg_reload_conf()" >/dev/null
}

case "${1:-}" in
    start) shift; cmd_start "$@" ;;
    promote) shift; cmd_promote "$@" ;;
    stop) shift; exec "$here/pg-cluster.sh" stop "$@" ;;
    *) die "usage: $0 start PRIMARY_DIR DIR | promote DIR | stop DIR" ;;
esac
