#!/usr/bin/env bash
# Prints how long console_authenticate takes for an unknown email, a wrong password, an
# inactive member and a success (ms, server side, N rounds each): they should do the same
# work (one bcrypt at the configured cost), so an attacker cannot tell which emails exist.
#
#   scripts/pg-cluster.sh run scripts/login-timing.sh [ROUNDS]
set -euo pipefail
ROUNDS=${1:-20}
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
: "${SC_TEST_PG:?run under scripts/pg-cluster.sh run}"
DB="sc_login_timing_$$"
psql "$SC_TEST_PG" -X -q -c "CREATE DATABASE $DB" >/dev/null
trap 'psql "$SC_TEST_PG" -X -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1' EXIT
for f in "$ROOT"/sql/migrations/*.up.sql "$ROOT"/sql/seed/demo.sql; do
    PGOPTIONS='-c client_min_messages=warning' psql "$SC_TEST_PG dbname=$DB" -X -q -v ON_ERROR_STOP=1 -1 -f "$f" >/dev/null
done
psql "$SC_TEST_PG dbname=$DB" -X -q -A -F ' | ' -P footer=off -v rounds="$ROUNDS" <<'SQL'
CREATE TEMP TABLE m (kind text, ms float);
SELECT set_config('sc.rounds', :'rounds', false) \g /dev/null
DO $$
DECLARE t timestamptz; i int;
BEGIN
  FOR i IN 1..current_setting('sc.rounds')::int LOOP
    DELETE FROM login_attempts;  -- no lockout between rounds
    t := clock_timestamp(); PERFORM console_authenticate('nobody' || i || '@example.com', 'wrong-pass', 'password');
    INSERT INTO m VALUES ('unknown email', extract(epoch FROM clock_timestamp() - t) * 1000);
    t := clock_timestamp(); PERFORM console_authenticate('viewer@example.com', 'wrong-pass', 'password');
    INSERT INTO m VALUES ('wrong password', extract(epoch FROM clock_timestamp() - t) * 1000);
    t := clock_timestamp(); PERFORM console_authenticate('former@example.com', 'demo-pass', 'password');
    INSERT INTO m VALUES ('inactive member', extract(epoch FROM clock_timestamp() - t) * 1000);
    t := clock_timestamp(); PERFORM console_authenticate('member@example.com', 'demo-pass', 'password');
    INSERT INTO m VALUES ('success', extract(epoch FROM clock_timestamp() - t) * 1000);
  END LOOP;
END $$;
SELECT kind AS "login", count(*) AS runs,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1) AS "p50 ms",
       round(percentile_cont(0.9) WITHIN GROUP (ORDER BY ms)::numeric, 1) AS "p90 ms"
FROM m GROUP BY kind ORDER BY kind;
SQL
