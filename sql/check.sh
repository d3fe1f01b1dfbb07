#!/usr/bin/env bash
# Proves sql/ with psql alone: migrations up / down / up, demo seed, the seeds' verification
# queries, and row-level security, invariants, authentication and invitations as console_app.
#
#   sql/check.sh            starts a private cluster (scripts/pg-cluster.sh run) for itself
#   SC_TEST_PG=... sql/check.sh   uses that cluster (makes and drops its own database)
#
# Exits non-zero when any check fails.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
if [[ -z "${SC_TEST_PG:-}" ]]; then
    exec "$ROOT/scripts/pg-cluster.sh" run "$ROOT/sql/check.sh" "$@"
fi

DB="sc_check_$$_${RANDOM}"
SUPER="$SC_TEST_PG dbname=$DB"
APP="$SC_TEST_PG dbname=$DB user=console_app"
WS=00000000-0000-0000-0000-000000000001
OWNER=00000000-0000-0000-0000-000000000001
ADMIN=10000000-0000-0000-0000-000000000002
MEMBER=10000000-0000-0000-0000-000000000003
VIEWER=10000000-0000-0000-0000-000000000004
FORMER=10000000-0000-0000-0000-000000000006
M_OWNER=10000000-0000-0000-0000-000000000001
M_ADMIN=10000000-0000-0000-0000-000000000002
M_MEMBER=10000000-0000-0000-0000-000000000003
DEMO_TOKEN=inv_token_abc123def456ghi789jkl012mno345
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sc-check.XXXXXX")

cleanup() {
    psql "$SC_TEST_PG" -X -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf -- "$WORK"
}
trap cleanup EXIT

PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); printf 'ok    %s\n' "$1"; }
fail() { FAILED=$((FAILED + 1)); printf 'FAIL  %s\n' "$1"; [[ -z "${2:-}" ]] || printf '%s\n' "$2" | sed 's/^/      /'; }

# psql as the superuser on the check database; dies on error (set-up steps).
super() { psql "$SUPER" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
# the same, with stderr and SQLSTATEs in the output (for expect_error)
super_v() { psql "$SUPER" -X -q -A -t -v ON_ERROR_STOP=1 -v VERBOSITY=verbose "$@" 2>&1; }
super_file() { PGOPTIONS='-c client_min_messages=warning' psql "$SUPER" -X -q -v ON_ERROR_STOP=1 -1 -f "$1" >/dev/null; }

# as USER_ID SQL...: runs SQL (stdin) as console_app in one transaction with the
# workspace/user context set (USER_ID "-" sets none); rolled back unless END=COMMIT.
# Prints the output (stderr included, VERBOSITY verbose so SQLSTATEs show); returns psql's status.
as() {
    local who=$1 ws=${WS_OVERRIDE:-$WS} body
    body=$(cat)
    {
        echo "BEGIN;"
        if [[ "$who" != "-" ]]; then
            echo "SELECT set_config('app.current_workspace_id', '$ws', true), set_config('app.current_user_id', '$who', true) \\g /dev/null"
        fi
        printf '%s\n' "$body"
        echo "${END:-ROLLBACK};"
    } | psql "$APP" -X -q -A -t -v ON_ERROR_STOP=1 -v VERBOSITY=verbose 2>&1
}

# expect DESCRIPTION EXPECTED ACTUAL
expect() {
    if [[ "$2" == "$3" ]]; then pass "$1"; else fail "$1" "expected: $2"$'\n'"actual:   $3"; fi
}

# expect_error DESCRIPTION PATTERN COMMAND... : COMMAND must fail with PATTERN in its output.
expect_error() {
    local desc=$1 pattern=$2 out rc=0
    shift 2
    out=$("$@") || rc=$?
    if [[ $rc -ne 0 ]] && grep -q -- "$pattern" <<<"$out"; then
        pass "$desc"
    else
        fail "$desc" "expected failure matching '$pattern' (rc=$rc), got:"$'\n'"$out"
    fi
}

migrate_up() { local f; for f in "$ROOT"/sql/migrations/*.up.sql; do super_file "$f" || return 1; done; }
migrate_down() {
    local f
    for f in $(ls "$ROOT"/sql/migrations/*.down.sql | sort -r); do super_file "$f" || return 1; done
}
seed() { super_file "$ROOT/sql/seed/demo.sql"; }

# step DESCRIPTION COMMAND...: a set-up step; the checks after it are meaningless without it.
step() {
    local desc=$1
    shift
    if "$@"; then pass "$desc"; else fail "$desc"; echo "== stopping: $PASSED passed, $FAILED failed"; exit 1; fi
}

# verify_all LABEL [GLOB]: runs sql/verify/GLOB (default *.sql) and diffs with .expected
verify_all() {
    local label=$1 glob=${2:-*.sql} f expected actual
    for f in "$ROOT"/sql/verify/$glob; do
        expected="${f%.sql}.expected"
        actual="$WORK/$(basename "${f%.sql}").out"
        psql "$SUPER" -X -A -F '|' -P footer=off -v ON_ERROR_STOP=1 -f "$f" >"$actual"
        if diff -u "$expected" "$actual" >"$WORK/diff"; then
            pass "$label: verify $(basename "$f")"
        else
            fail "$label: verify $(basename "$f")" "$(cat "$WORK/diff")"
        fi
    done
}

# Objects of the database that no extension owns (what a full down must remove).
leftovers() {
    super <<'SQL'
SELECT 'relation ' || c.relname FROM pg_class c
WHERE c.relnamespace = 'public'::regnamespace
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                  AND d.objid = c.oid AND d.deptype = 'e')
UNION ALL
SELECT 'function ' || p.proname FROM pg_proc p
WHERE p.pronamespace = 'public'::regnamespace
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                  AND d.objid = p.oid AND d.deptype = 'e')
UNION ALL
SELECT 'type ' || t.typname FROM pg_type t
WHERE t.typnamespace = 'public'::regnamespace AND t.typrelid = 0 AND t.typelem = 0
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                  AND d.objid = t.oid AND d.deptype = 'e')
UNION ALL
SELECT 'schema privilege of console_app' FROM pg_namespace n, aclexplode(n.nspacl) a
WHERE n.nspname = 'public' AND a.grantee = 'console_app'::regrole
ORDER BY 1;
SQL
}

echo "== database $DB"
psql "$SC_TEST_PG" -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB" >/dev/null
# From here on a failing check is counted, not fatal (step() stops on broken set-up).
set +e

# ---------------------------------------------------------------------------------------
echo "== migrations, seed, verification"
step "all up migrations apply" migrate_up
verify_all "migrated" "0*.sql"
step "demo seed applies" seed
step "demo seed re-applies as a no-op" seed
verify_all "seeded"
step "all down migrations apply in reverse" migrate_down
expect "down leaves no objects behind (only extensions)" "" "$(leftovers)"
step "up again after down" migrate_up
step "seed again after down/up" seed
verify_all "up/down/up + seed"
# up, down, up of each migration on its own, on top of the previous ones
step "all down again" migrate_down
updownup() { super_file "$1" && super_file "${1%.up.sql}.down.sql" && super_file "$1"; }
for up in "$ROOT"/sql/migrations/*.up.sql; do
    step "$(basename "${up%.up.sql}"): up, down, up" updownup "$up"
done
step "seed after the stepwise migrations" seed
verify_all "stepwise up/down/up + seed"

# ---------------------------------------------------------------------------------------
echo "== the console_app role"
expect "console_app is neither superuser nor BYPASSRLS, NOINHERIT, LOGIN" "f|f|f|t" \
    "$(super -c "SELECT rolsuper, rolbypassrls, rolinherit, rolcanlogin FROM pg_roles WHERE rolname = 'console_app'")"
expect "console_app owns no table" "0" \
    "$(super -c "SELECT count(*) FROM pg_class WHERE relowner = 'console_app'::regrole")"
expect "every console table has RLS enabled and forced" "" \
    "$(super -c "SELECT relname FROM pg_class WHERE relname IN ('workspaces','users','api_keys','team_members','billing_config','integrations_config','audit_logs','login_attempts','user_ssh_keys') AND relnamespace = 'public'::regnamespace AND NOT (relrowsecurity AND relforcerowsecurity)")"
expect "console_app cannot create in schema public" "f" \
    "$(super -c "SELECT has_schema_privilege('console_app', 'public', 'CREATE')")"

# ---------------------------------------------------------------------------------------
echo "== row-level security as console_app"
out=$(as - <<'SQL'
SELECT (SELECT count(*) FROM team_members) || ',' || (SELECT count(*) FROM users) || ','
    || (SELECT count(*) FROM workspaces) || ',' || (SELECT count(*) FROM billing_config) || ','
    || (SELECT count(*) FROM integrations_config) || ',' || (SELECT count(*) FROM audit_logs) || ','
    || (SELECT count(*) FROM api_keys) || ',' || (SELECT count(*) FROM user_ssh_keys);
SQL
)
expect "no workspace set: no rows in any table" "0,0,0,0,0,0,0,0" "$out"

out=$(WS_OVERRIDE=$WS as ffffffff-0000-0000-0000-000000000000 <<'SQL'
SELECT count(*) FROM team_members;
SQL
)
expect "a user who is not a member sees no rows" "0" "$out"

out=$(as "$VIEWER" <<'SQL'
SELECT console_current_role();
SELECT (SELECT count(*) FROM team_members) || ',' || (SELECT count(*) FROM users) || ','
    || (SELECT count(*) FROM workspaces) || ',' || (SELECT count(*) FROM billing_config) || ','
    || (SELECT count(*) FROM integrations_config) || ',' || (SELECT count(*) FROM audit_logs) || ','
    || (SELECT count(*) FROM api_keys);
SELECT team_members_limit || '/' || seats_used FROM console_plan_limits();
SQL
)
expect "viewer: role, sees team/users/workspace/integrations, no billing, audit or API keys; knows the seat limit" \
    $'viewer\n6,5,1,0,4,0,0\n25/5' "$out"

expect_error "viewer cannot update team_members (RLS WITH CHECK)" "42501" \
    as "$VIEWER" <<<"UPDATE team_members SET role = 'viewer' WHERE id = '$M_MEMBER';"
expect_error "viewer cannot select invitation_token (column privilege)" "42501: permission denied for table team_members" \
    as "$VIEWER" <<<"SELECT invitation_token FROM team_members;"
expect_error "viewer cannot select users.password_hash" "42501: permission denied for table users" \
    as "$VIEWER" <<<"SELECT password_hash FROM users;"
expect_error "owner cannot select invitation_token either" "42501" \
    as "$OWNER" <<<"SELECT invitation_token FROM team_members;"
expect_error "owner cannot select integrations credentials_encrypted" "42501" \
    as "$OWNER" <<<"SELECT credentials_encrypted FROM integrations_config;"
expect_error "owner cannot select api_keys.key_hash" "42501" \
    as "$OWNER" <<<"SELECT key_hash FROM api_keys;"
expect_error "console_app cannot read login_attempts" "42501" \
    as "$OWNER" <<<"SELECT count(*) FROM login_attempts;"
expect_error "audit_logs are append-only (no UPDATE)" "42501" \
    as "$OWNER" <<<"UPDATE audit_logs SET action = 'x.y';"
expect_error "audit_logs are append-only (no DELETE)" "42501" \
    as "$OWNER" <<<"DELETE FROM audit_logs;"
expect_error "no hard DELETE of team_members" "42501" \
    as "$OWNER" <<<"DELETE FROM team_members WHERE id = '$M_MEMBER';"

out=$(as "$VIEWER" <<SQL
SELECT role FROM team_members WHERE id = '$M_MEMBER' FOR UPDATE;
SQL
)
expect "viewer: SELECT ... FOR UPDATE still returns the row (so the store can explain)" "member" "$out"

expect_error "member cannot update integrations" "42501" \
    as "$MEMBER" <<<"UPDATE integrations_config SET is_enabled = false;"
out=$(as "$MEMBER" <<<"SELECT count(*) FROM api_keys; SELECT count(*) FROM billing_config; WITH d AS (DELETE FROM integrations_config RETURNING 1) SELECT count(*) FROM d;")
expect "member: sees 3 API keys, no billing, deletes no integration" $'3\n0\n0' "$out"

out=$(as "$ADMIN" <<SQL
SELECT count(*) FROM billing_config;
WITH u AS (UPDATE billing_config SET plan_type = 'enterprise' RETURNING 1) SELECT count(*) FROM u;
WITH u AS (UPDATE team_members SET role = 'viewer', updated_by = '$ADMIN' WHERE id = '$M_MEMBER' RETURNING 1) SELECT count(*) FROM u;
SELECT count(*) FROM audit_logs;
INSERT INTO audit_logs (workspace_id, user_id, action, resource_type, resource_id)
    VALUES ('$WS', '$ADMIN', 'team.change_role', 'team_member', '$M_MEMBER');
SELECT role FROM team_members WHERE id = '$M_OWNER' FOR UPDATE;
SQL
)
expect "admin: updates team_members but sees and changes no billing; reads/writes audit; locks owner row" \
    $'0\n0\n1\n0\nowner' "$out"
expect_error "admin cannot demote an owner" "42501: forbidden: only an owner" \
    as "$ADMIN" <<<"UPDATE team_members SET role = 'admin' WHERE id = '$M_OWNER';"
expect_error "admin cannot deactivate an owner" "42501: forbidden: only an owner" \
    as "$ADMIN" <<<"UPDATE team_members SET status = 'inactive' WHERE id = '$M_OWNER';"
expect_error "admin cannot make anyone an owner" "42501" \
    as "$ADMIN" <<<"UPDATE team_members SET role = 'owner' WHERE id = '$M_MEMBER';"
expect_error "admin cannot invite an owner" "42501" \
    as "$ADMIN" <<<"INSERT INTO team_members (workspace_id, role, status, invitation_email) VALUES ('$WS', 'owner', 'pending', 'boss@example.com');"
expect_error "audit rows cannot be written in another user's name" "42501" \
    as "$ADMIN" <<<"INSERT INTO audit_logs (workspace_id, user_id, action, resource_type) VALUES ('$WS', '$OWNER', 'team.x', 'team_member');"

out=$(as "$ADMIN" <<SQL
INSERT INTO team_members (workspace_id, role, status, invitation_email, invitation_token,
    invitation_expires_at, invited_by, created_by, updated_by)
VALUES ('$WS', 'member', 'pending', 'new@example.com', encode(digest('tok', 'sha256'), 'hex'),
    now() + interval '7 days', '$ADMIN', '$ADMIN', '$ADMIN')
RETURNING invitation_email;
SQL
)
expect "admin invites a member (RETURNING works without token read access)" "new@example.com" "$out"

out=$(as "$OWNER" <<'SQL'
SELECT count(*) FROM billing_config;
WITH u AS (UPDATE billing_config SET auto_renew = false RETURNING 1) SELECT count(*) FROM u;
SELECT count(*) FROM api_keys;
SELECT count(*) FROM audit_logs;
SQL
)
expect "owner: sees and updates billing, sees API keys and audit" $'1\n1\n3\n0' "$out"

out=$(as "$OWNER" <<<"SELECT count(*) FROM console_integration_credentials('30000000-0000-0000-0000-000000000003');")
expect "owner reads sealed credentials through console_integration_credentials" "1" "$out"
out=$(as "$MEMBER" <<<"SELECT count(*) FROM console_integration_credentials('30000000-0000-0000-0000-000000000003');")
expect "member gets no sealed credentials" "0" "$out"

out=$(as "$ADMIN" <<SQL
UPDATE team_members SET updated_by = '$ADMIN' WHERE id = '$M_MEMBER';
SELECT (SELECT updated_at FROM team_members WHERE id = '$M_MEMBER') = now();
SQL
)
expect "an edit moves updated_at" "t" "$out"
out=$(as "$VIEWER" <<SQL
SELECT string_agg(invitation_email, ',' ORDER BY invitation_email) FROM team_members WHERE id IN (SELECT console_search_members('%PEND%'));
SELECT count(*) FROM team_members WHERE id IN (SELECT console_search_members('%user%'));
SELECT count(*) FROM team_members WHERE id IN (SELECT console_search_members('%Former Mem%'));
SQL
)
expect "console_search_members matches invitation email, user email and name, case-insensitively" \
    $'pending@example.com\n3\n1' "$out"
expect "console_search_members gives nothing without an active membership" "0" \
    "$(as - <<<"SELECT count(*) FROM console_search_members('%');")"
out=$(as "$ADMIN" <<SQL
UPDATE integrations_config SET health_status = 'unhealthy', last_health_check_at = now(),
    health_check_message = 'checked' WHERE id = '30000000-0000-0000-0000-000000000001';
SELECT updated_at <> now() FROM integrations_config WHERE id = '30000000-0000-0000-0000-000000000001';
UPDATE integrations_config SET is_enabled = false WHERE id = '30000000-0000-0000-0000-000000000001';
SELECT updated_at = now() FROM integrations_config WHERE id = '30000000-0000-0000-0000-000000000001';
SQL
)
expect "an integration's health check keeps updated_at, an edit moves it" $'t\nt' "$out"
out=$(as "$MEMBER" <<SQL
SELECT console_touch_last_active();
SELECT (SELECT updated_at FROM team_members WHERE id = '$M_MEMBER') <> now(),
       (SELECT last_active_at FROM team_members WHERE id = '$M_MEMBER') = now();
SQL
)
expect "console_touch_last_active sets last_active_at and keeps updated_at" $'\nt|t' "$out"

# Tenant isolation: a second workspace with its own owner.
super <<'SQL' >/dev/null
INSERT INTO workspaces (id, name, slug) VALUES ('00000000-0000-0000-0000-0000000000b2', 'Beta Inc', 'beta');
INSERT INTO users (id, email, full_name) VALUES ('b0000000-0000-0000-0000-000000000001', 'beta@example.com', 'Beta Owner');
INSERT INTO team_members (workspace_id, user_id, role, status)
VALUES ('00000000-0000-0000-0000-0000000000b2', 'b0000000-0000-0000-0000-000000000001', 'owner', 'active');
SQL
out=$(as "$OWNER" <<'SQL'
SELECT count(*) FROM team_members WHERE workspace_id = '00000000-0000-0000-0000-0000000000b2';
SELECT count(*) FROM users WHERE email = 'beta@example.com';
WITH u AS (UPDATE team_members SET role = 'viewer' WHERE workspace_id = '00000000-0000-0000-0000-0000000000b2' RETURNING 1) SELECT count(*) FROM u;
SQL
)
expect "tenant isolation: acme's owner sees and changes nothing of beta" $'0\n0\n0' "$out"
out=$(WS_OVERRIDE=00000000-0000-0000-0000-0000000000b2 as "$OWNER" <<'SQL'
SELECT count(*) FROM team_members;
SELECT count(*) FROM workspaces;
SQL
)
expect "tenant isolation: claiming another workspace id gives nothing" $'0\n0' "$out"
expect_error "tenant isolation: cannot insert into another workspace" "42501" \
    as "$OWNER" <<<"INSERT INTO team_members (workspace_id, role, status, invitation_email) VALUES ('00000000-0000-0000-0000-0000000000b2', 'member', 'pending', 'x@example.com');"

# ---------------------------------------------------------------------------------------
echo "== invariants"
expect_error "demoting the only owner is refused (last_owner)" "SC001: last_owner:" \
    as "$OWNER" <<<"UPDATE team_members SET role = 'admin' WHERE id = '$M_OWNER';"
expect_error "deactivating the only owner is refused" "SC001: last_owner:" \
    as "$OWNER" <<<"UPDATE team_members SET status = 'inactive' WHERE id = '$M_OWNER';"
expect_error "removing (soft delete) the only owner is refused" "SC001: last_owner:" \
    as "$OWNER" <<<"UPDATE team_members SET deleted_at = now() WHERE id = '$M_OWNER';"
expect_error "hard-deleting the only owner is refused (superuser too)" "SC001: last_owner:" \
    super_v -c "DELETE FROM team_members WHERE id = '$M_OWNER'"
out=$(as "$OWNER" <<SQL
UPDATE team_members SET role = 'owner' WHERE id = '$M_ADMIN';
UPDATE team_members SET role = 'admin' WHERE id = '$M_OWNER';
SELECT count(*) FROM team_members WHERE role = 'owner' AND status = 'active';
SQL
)
expect "promote another owner first, then stepping down works" "1" "$out"

super -c "UPDATE billing_config SET team_members_limit = 6 WHERE workspace_id = '$WS'" >/dev/null
out=$(as "$OWNER" <<<"INSERT INTO team_members (workspace_id, role, status, invitation_email) VALUES ('$WS', 'viewer', 'pending', 'six@example.com'); SELECT seats_used FROM console_plan_limits();")
expect "seat 6 of 6 can be taken" "6" "$out"
expect_error "seat 7 of 6 is refused (seat_limit)" "SC002: seat_limit:" \
    as "$OWNER" <<<"INSERT INTO team_members (workspace_id, role, status, invitation_email) VALUES ('$WS', 'viewer', 'pending', 'six@example.com'), ('$WS', 'viewer', 'pending', 'seven@example.com');"
super -c "UPDATE billing_config SET team_members_limit = 5 WHERE workspace_id = '$WS'" >/dev/null
expect_error "reactivation re-checks the seat limit" "SC002: seat_limit:" \
    as "$OWNER" <<<"UPDATE team_members SET status = 'active' WHERE user_id = '$FORMER';"
expect_error "lowering the seat limit below use is refused" "SC002: seat_limit:" \
    as "$OWNER" <<<"UPDATE billing_config SET team_members_limit = 4;"
super -c "UPDATE billing_config SET team_members_limit = 25 WHERE workspace_id = '$WS'" >/dev/null

out=$(as "$ADMIN" <<<"INSERT INTO integrations_config (workspace_id, integration_type, integration_name) VALUES ('$WS', 'datadog', 'Metrics'); SELECT integrations_used FROM console_plan_limits();")
expect "integration 5 of 5 can be added" "5" "$out"
expect_error "integration 6 of 5 is refused (integration_limit)" "SC003: integration_limit:" \
    as "$ADMIN" <<<"INSERT INTO integrations_config (workspace_id, integration_type, integration_name) VALUES ('$WS', 'datadog', 'Metrics'), ('$WS', 'custom', 'Other');"
expect_error "API keys beyond the limit are refused (api_key_limit)" "SC004: api_key_limit:" \
    super_v -c "UPDATE billing_config SET api_keys_limit = 2 WHERE workspace_id = '$WS'"
expect_error "a pending invitation for someone already a member is refused" "23505: already_member:" \
    as "$ADMIN" <<<"INSERT INTO team_members (workspace_id, role, status, invitation_email) VALUES ('$WS', 'viewer', 'pending', 'member@example.com');"
expect_error "a second live invitation for the same email is refused" "23505" \
    as "$ADMIN" <<<"INSERT INTO team_members (workspace_id, role, status, invitation_email) VALUES ('$WS', 'viewer', 'pending', 'pending@example.com');"
expect_error "only the 64-char lower-case SHA-256 hex is accepted as invitation_token" "23514" \
    as "$ADMIN" <<<"UPDATE team_members SET invitation_token = '$DEMO_TOKEN' WHERE id = '10000000-0000-0000-0000-000000000005';"
expect_error "a non-pending row needs a user" "23514" \
    super_v -c "INSERT INTO team_members (workspace_id, role, status, invitation_email) VALUES ('$WS', 'viewer', 'active', 'x@example.com');"

# Concurrency: two owners demote each other at the same time; one must fail.
super -c "UPDATE team_members SET role = 'owner' WHERE id = '$M_ADMIN'" >/dev/null
( END=COMMIT as "$ADMIN" <<SQL >"$WORK/c1" 2>&1
UPDATE team_members SET role = 'admin' WHERE id = '$M_OWNER';
SELECT pg_sleep(1.5);
SQL
) &
c1=$!
sleep 0.5
( END=COMMIT as "$OWNER" <<SQL >"$WORK/c2" 2>&1
UPDATE team_members SET role = 'admin' WHERE id = '$M_ADMIN';
SQL
) &
c2=$!
wait "$c1" || true
wait "$c2" || true
owners=$(super -c "SELECT count(*) FROM team_members WHERE workspace_id = '$WS' AND role = 'owner' AND status = 'active' AND deleted_at IS NULL")
errors=$(cat "$WORK/c1" "$WORK/c2" | grep -c 'SC001' || true)
expect "concurrent demotions of two owners: one refused, one owner left" "1/1" "$errors/$owners"
super -c "UPDATE team_members SET role = 'owner' WHERE id = '$M_OWNER'; UPDATE team_members SET role = 'admin' WHERE id = '$M_ADMIN'" >/dev/null

# Concurrency: two invitations for the last free seat.
super -c "UPDATE billing_config SET team_members_limit = 6 WHERE workspace_id = '$WS'" >/dev/null
( END=COMMIT as "$OWNER" <<SQL >"$WORK/s1" 2>&1
INSERT INTO team_members (workspace_id, role, status, invitation_email) VALUES ('$WS', 'viewer', 'pending', 'race1@example.com');
SELECT pg_sleep(1.5);
SQL
) &
c1=$!
sleep 0.5
( END=COMMIT as "$ADMIN" <<SQL >"$WORK/s2" 2>&1
INSERT INTO team_members (workspace_id, role, status, invitation_email) VALUES ('$WS', 'viewer', 'pending', 'race2@example.com');
SQL
) &
c2=$!
wait "$c1" || true
wait "$c2" || true
seats=$(super -c "SELECT count(*) FROM team_members WHERE workspace_id = '$WS' AND deleted_at IS NULL AND status IN ('active', 'pending')")
errors=$(cat "$WORK/s1" "$WORK/s2" | grep -c 'SC002' || true)
expect "concurrent invitations for the last seat: one refused, limit kept" "1/6" "$errors/$seats"
super -c "DELETE FROM team_members WHERE invitation_email LIKE 'race%'" >/dev/null
( super_v <<SQL >"$WORK/s1"
BEGIN ISOLATION LEVEL SERIALIZABLE;
INSERT INTO team_members (workspace_id, role, status, invitation_email) VALUES ('$WS', 'viewer', 'pending', 'race1@example.com');
SELECT pg_sleep(1.5);
COMMIT;
SQL
) &
c1=$!
sleep 0.5
super_v <<SQL >"$WORK/s2"
BEGIN ISOLATION LEVEL SERIALIZABLE;
INSERT INTO team_members (workspace_id, role, status, invitation_email) VALUES ('$WS', 'viewer', 'pending', 'race2@example.com');
COMMIT;
SQL
wait "$c1" || true
seats=$(super -c "SELECT count(*) FROM team_members WHERE workspace_id = '$WS' AND deleted_at IS NULL AND status IN ('active', 'pending')")
errors=$(cat "$WORK/s1" "$WORK/s2" | grep -cE '40001|SC002' || true)
expect "the same race at SERIALIZABLE: one refused (40001 or SC002), limit kept" "1/6" "$errors/$seats"
super -c "DELETE FROM team_members WHERE invitation_email LIKE 'race%'; UPDATE billing_config SET team_members_limit = 25 WHERE workspace_id = '$WS'" >/dev/null

expect_error "checked changes are refused at REPEATABLE READ (counts could miss commits)" "SC006: isolation:" \
    super_v -c "BEGIN ISOLATION LEVEL REPEATABLE READ; INSERT INTO team_members (workspace_id, role, status, invitation_email) VALUES ('$WS', 'viewer', 'pending', 'rr@example.com'); COMMIT"
out=$(super_v <<SQL
BEGIN ISOLATION LEVEL REPEATABLE READ;
UPDATE team_members SET last_active_at = now() WHERE id = '$M_MEMBER';
ROLLBACK;
SQL
)
expect "unchecked changes (activity) still work at REPEATABLE READ" "" "$out"

# ---------------------------------------------------------------------------------------
echo "== authentication"
auth() { END=COMMIT as - <<<"SELECT COALESCE(user_id::text, '') || '|' || outcome FROM console_authenticate('$1', '$2', 'password');"; }
expect "console_authenticate: right password -> ok with the user id" "$OWNER|ok" "$(auth demo@example.com demo-pass)"
expect "email is case-insensitive" "$OWNER|ok" "$(auth ' Demo@Example.COM ' demo-pass)"
expect "wrong password -> invalid" "|invalid" "$(auth admin@example.com wrong-pass)"
expect "unknown email -> invalid" "|invalid" "$(auth nobody@example.com demo-pass)"
expect "inactive member's right password -> invalid" "|invalid" "$(auth former@example.com demo-pass)"
super -c "UPDATE users SET password_hash = replace(password_hash, '\$2a\$', '\$2b\$') WHERE id = '$VIEWER'" >/dev/null
expect "\$2b\$ hashes are normalised to \$2a\$ (SEED-ERRATA #5)" "$VIEWER|ok" "$(auth viewer@example.com demo-pass)"
for i in 1 2 3 4 5; do auth member@example.com "wrong-$i" >/dev/null; done
expect "after 5 failures in 15 minutes the right password -> locked" "|locked" "$(auth member@example.com demo-pass)"
expect "the lock is per email" "$OWNER|ok" "$(auth demo@example.com demo-pass)"
super -c "UPDATE login_attempts SET attempted_at = attempted_at - interval '16 minutes' WHERE email = 'member@example.com'" >/dev/null
expect "15 minutes later the lock is gone" "$MEMBER|ok" "$(auth member@example.com demo-pass)"
expect "every attempt is recorded" "14" "$(super -c "SELECT count(*) FROM login_attempts")"
expect "logins and failures are audited per workspace (auth.login / auth.failed with method)" \
    "auth.failed|password|8
auth.login|password|5" \
    "$(super -c "SELECT action, changes->>'method', count(*) FROM audit_logs WHERE action LIKE 'auth.%' AND workspace_id IS NOT NULL GROUP BY 1, 2 ORDER BY 1")"
expect "failures for unknown emails are audited without a workspace" "1" \
    "$(super -c "SELECT count(*) FROM audit_logs WHERE action = 'auth.failed' AND workspace_id IS NULL")"
expect "auth audit rows are visible to the workspace's owner" "t" \
    "$(as "$OWNER" <<<"SELECT count(*) > 0 FROM audit_logs WHERE action LIKE 'auth.%';")"
expect "console_user_workspaces lists the session user's active memberships" "$WS|Acme Corp|acme|owner|" \
    "$(as "$OWNER" <<<"SELECT * FROM console_user_workspaces();")"
expect "console_user_workspaces: none for an inactive member" "" \
    "$(as "$FORMER" <<<"SELECT * FROM console_user_workspaces();")"
expect_error "PUBLIC cannot execute console_authenticate" "42501" \
    super_v -c "CREATE ROLE sc_check_nobody_$$; SET ROLE sc_check_nobody_$$; SELECT * FROM console_authenticate('a@b.c', 'x', 'password')"
super -c "DROP ROLE IF EXISTS sc_check_nobody_$$" >/dev/null 2>&1 || true

# ---------------------------------------------------------------------------------------
echo "== invitations"
HASH=$(printf '%s' "$DEMO_TOKEN" | sha256sum | cut -d' ' -f1)
expect "the demo invitation token hashes to the stored value" "1" \
    "$(super -c "SELECT count(*) FROM team_members WHERE invitation_token = '$HASH'")"
expect_error "a new user's short password is refused" "22023: weak_password:" \
    as - <<<"SELECT * FROM console_accept_invitation('$HASH', 'Pending Person', 'short');"
out=$(END=COMMIT as - <<<"SELECT outcome || '|' || member_id || '|' || workspace_id FROM console_accept_invitation('$HASH', 'Pending Person', 'pending-pass');")
expect "console_accept_invitation accepts the demo token" "accepted|10000000-0000-0000-0000-000000000005|$WS" "$out"
expect "the token is single use" "invalid" \
    "$(as - <<<"SELECT outcome FROM console_accept_invitation('$HASH', 'X', 'another-pass');")"
expect "the new member is active, the token cleared, the user created" "active||pending@example.com|Pending Person" \
    "$(super -c "SELECT t.status, t.invitation_token, u.email, u.full_name FROM team_members t JOIN users u ON u.id = t.user_id WHERE t.id = '10000000-0000-0000-0000-000000000005'")"
expect "the new member can log in with the chosen password" "ok" "$(auth pending@example.com pending-pass | cut -d'|' -f2)"
expect "acceptance is audited as team.accept" "1" \
    "$(super -c "SELECT count(*) FROM audit_logs WHERE action = 'team.accept'")"
super -c "INSERT INTO team_members (workspace_id, role, status, invitation_email, invitation_token, invitation_expires_at) VALUES ('$WS', 'viewer', 'pending', 'late@example.com', encode(digest('late', 'sha256'), 'hex'), now() - interval '1 minute')" >/dev/null
expect "an expired token -> expired" "expired" \
    "$(as - <<<"SELECT outcome FROM console_accept_invitation(encode(digest('late', 'sha256'), 'hex'), 'Late', 'late-pass-1');")"
expect "an unknown or malformed token -> invalid" $'invalid\ninvalid' \
    "$(as - <<<"SELECT outcome FROM console_accept_invitation(repeat('0', 64), 'X', 'xxxxxxxx'); SELECT outcome FROM console_accept_invitation('nope', 'X', 'xxxxxxxx');")"

# ---------------------------------------------------------------------------------------
echo "== SSH keys"
ssh-keygen -q -t ed25519 -N '' -C member@laptop -f "$WORK/key" >/dev/null
BLOB=$(cut -d' ' -f2 "$WORK/key.pub")
FP=$(ssh-keygen -lf "$WORK/key.pub" | cut -d' ' -f2)
out=$(END=COMMIT as "$ADMIN" <<SQL
INSERT INTO user_ssh_keys (user_id, key_type, public_key, fingerprint, comment)
VALUES ('$MEMBER', 'ssh-ed25519', '$BLOB', '$FP', 'member@laptop') RETURNING created_by;
SQL
)
expect "an admin adds a member's key (fingerprint as ssh-keygen -lf prints it; created_by defaults to the actor)" "$ADMIN" "$out"
expect_error "a fingerprint that does not match the key is refused" "23514" \
    as "$ADMIN" <<<"INSERT INTO user_ssh_keys (user_id, key_type, public_key, fingerprint) VALUES ('$MEMBER', 'ssh-ed25519', '$BLOB', 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');"
expect_error "a member cannot add keys" "42501" \
    as "$MEMBER" <<<"DELETE FROM user_ssh_keys; INSERT INTO user_ssh_keys (user_id, key_type, public_key, fingerprint) VALUES ('$MEMBER', 'ssh-ed25519', '$BLOB', '$FP');"
expect "viewers see no keys, admins see them" $'0\n1' \
    "$( (as "$VIEWER" <<<"SELECT count(*) FROM user_ssh_keys;"; as "$ADMIN" <<<"SELECT count(*) FROM user_ssh_keys;") )"
expect "console_user_by_ssh_fingerprint finds the member" "$MEMBER" \
    "$(END=COMMIT as - <<<"SELECT console_user_by_ssh_fingerprint('$FP');")"
expect "... and marks the key used" "t" \
    "$(super -c "SELECT last_used_at IS NOT NULL FROM user_ssh_keys WHERE fingerprint = '$FP'")"
expect "an unknown key gives NULL and an auth.failed audit row" "|1" \
    "$(END=COMMIT as - <<<"SELECT console_user_by_ssh_fingerprint('SHA256:unknown');")|$(super -c "SELECT count(*) FROM audit_logs WHERE changes->>'fingerprint' = 'SHA256:unknown' AND action = 'auth.failed'")"
super -c "UPDATE team_members SET status = 'inactive' WHERE user_id = '$MEMBER'" >/dev/null
expect "a key of an inactive member gives NULL" "" \
    "$(as - <<<"SELECT console_user_by_ssh_fingerprint('$FP');")"

# ---------------------------------------------------------------------------------------
echo "== attacks from the security review (issue 8)"
WS3=00000000-0000-0000-0000-0000000000c3
KEYONLY=c0000000-0000-0000-0000-000000000001
BORROW=c0000000-0000-0000-0000-000000000002
HASPW=c0000000-0000-0000-0000-000000000003
super <<SQL >/dev/null
INSERT INTO workspaces (id, name, slug) VALUES ('$WS3', 'Gamma Ltd', 'gamma');
INSERT INTO users (id, email, password_hash, full_name) VALUES
  ('$KEYONLY', 'keyonly@example.com', NULL, 'Key Only'),
  ('$BORROW', 'borrow@example.com', NULL, 'Borrowed Key'),
  ('$HASPW', 'haspw@example.com', console_hash_password('haspw-secret'), 'Has Password');
INSERT INTO team_members (workspace_id, user_id, role, status) VALUES
  ('$WS3', '$KEYONLY', 'owner', 'active'),
  ('$WS3', '$HASPW', 'owner', 'active'),
  ('$WS', '$BORROW', 'member', 'active'),
  ('$WS3', '$BORROW', 'viewer', 'active');
SQL
invite() { # invite EMAIL TOKEN: the demo admin invites EMAIL as a member; prints the hash
    local hash
    hash=$(printf '%s' "$2" | sha256sum | cut -d' ' -f1)
    END=COMMIT as "$ADMIN" <<<"INSERT INTO team_members (workspace_id, role, status, invitation_email, invitation_token, invitation_expires_at) VALUES ('$WS', 'member', 'pending', '$1', '$hash', now() + interval '1 day');" >/dev/null
    printf '%s\n' "$hash"
}
accept_as() { # accept_as USER_OR_- HASH NAME PASSWORD
    END=COMMIT as "$1" <<<"SELECT outcome FROM console_accept_invitation('$2', '$3', $4);"
}
H=$(invite keyonly@example.com takeover-token)
expect "takeover: the inviter cannot accept for an existing password-less account by naming a password" \
    "bad_password" "$(accept_as - "$H" 'Mallory' "'mallory-pass'")"
expect "takeover: ... without one, the answer is to log in as that account" \
    "login_required" "$(accept_as - "$H" 'Mallory' NULL)"
expect "takeover: ... nor while logged in as someone else" "wrong_account" "$(accept_as "$ADMIN" "$H" '' NULL)"
expect "takeover: the account still has no password" "t" \
    "$(super -c "SELECT password_hash IS NULL FROM users WHERE id = '$KEYONLY'")"
expect "takeover: only that account, logged in, accepts" "accepted" "$(accept_as "$KEYONLY" "$H" '' NULL)"
expect "takeover: accepting set no password" "t" \
    "$(super -c "SELECT password_hash IS NULL FROM users WHERE id = '$KEYONLY'")"
H=$(invite haspw@example.com haspw-token)
before=$(super -c "SELECT password_hash FROM users WHERE id = '$HASPW'")
expect "an existing account's wrong password does not accept" "bad_password" "$(accept_as - "$H" '' "'guessed-pass'")"
expect "... and counts as a failed login" "1" \
    "$(super -c "SELECT count(*) FROM login_attempts WHERE email = 'haspw@example.com' AND outcome = 'invalid' AND method = 'invitation'")"
expect "an existing account accepts with its own password" "accepted" "$(accept_as - "$H" 'New Name' "'haspw-secret'")"
expect "... which is not changed, nor is the name" "t|Has Password" \
    "$(super -c "SELECT password_hash = '$before', full_name FROM users WHERE id = '$HASPW'")"
for name in "E'Eve\\u001b]52;c;aGk=\\u0007'" "E'Eve\\u009b31m'" "E'Eve\\u202egnp.exe'" "E'Eve\\u2066x'"; do
    H=$(invite "eve$RANDOM@example.com" "eve-token-$RANDOM")
    expect_error "a new account's name with control or bidi characters is refused ($name)" "22023: invalid_name:" \
        as - <<<"SELECT * FROM console_accept_invitation('$H', $name, 'eve-password');"
done

ssh-keygen -q -t ed25519 -N '' -C admin@laptop -f "$WORK/borrowed" >/dev/null
BBLOB=$(cut -d' ' -f2 "$WORK/borrowed.pub")
BFP=$(ssh-keygen -lf "$WORK/borrowed.pub" | cut -d' ' -f2)
END=COMMIT as "$ADMIN" <<<"INSERT INTO user_ssh_keys (user_id, key_type, public_key, fingerprint) VALUES ('$BORROW', 'ssh-ed25519', '$BBLOB', '$BFP');" >/dev/null
as_key() { # as_key USER FINGERPRINT [WS]: SQL from stdin with the session's SSH key bound
    local body
    body=$(cat)
    WS_OVERRIDE=${3:-$WS} as "$1" <<<"SELECT set_config('app.current_ssh_key', '$2', true) \\g /dev/null
$body"
}
expect "a key the admin added acts for the member it was added to" "member" \
    "$(as_key "$BORROW" "$BFP" <<<"SELECT console_current_role();")"
expect "... but not in a workspace where its adder is nobody" "|this SSH key was added by admin@example.com, who is not an active member of this workspace; add your own key or ask an owner" \
    "$(as_key "$BORROW" "$BFP" "$WS3" <<<"SELECT console_current_role() || '', console_session_refusal();" | paste -sd'|')"
super -c "UPDATE team_members SET role = 'owner' WHERE workspace_id = '$WS' AND user_id = '$BORROW'" >/dev/null
expect "borrowed key: promoted to owner, the admin's key no longer acts (no role, nothing readable)" "|0" \
    "$(as_key "$BORROW" "$BFP" <<<"SELECT console_current_role() || ''; SELECT count(*) FROM team_members;" | paste -sd'|')"
expect "... and says who added it and what to do" "this SSH key was added by admin@example.com, who as admin cannot vouch for your owner role here; add your own key or ask an owner" \
    "$(as_key "$BORROW" "$BFP" <<<"SELECT console_session_refusal();")"
expect "... and cannot write" "0" \
    "$(as_key "$BORROW" "$BFP" <<<"WITH u AS (UPDATE team_members SET role = 'viewer' WHERE workspace_id = '$WS' AND user_id = '$ADMIN' RETURNING 1) SELECT count(*) FROM u;")"
expect "... its login is refused and audited as key_not_vouched" "$BORROW|key_not_vouched" \
    "$(END=COMMIT as - <<<"SELECT console_user_by_ssh_fingerprint('$BFP');")|$(super -c "SELECT changes->>'reason' FROM audit_logs WHERE changes->>'fingerprint' = '$BFP' ORDER BY created_at DESC LIMIT 1")"
expect "... and the workspace list says why per workspace" "acme|false
gamma|false" \
    "$(as_key "$BORROW" "$BFP" <<<"SELECT slug || '|' || (refusal IS NULL) FROM console_user_workspaces();")"
super -c "UPDATE user_ssh_keys SET created_by = user_id WHERE fingerprint = '$BFP'" >/dev/null
expect "a user's own key is not limited" "owner" \
    "$(as_key "$BORROW" "$BFP" <<<"SELECT console_current_role();")"

expect_error "console_user_workspaces takes no user id (identity from the session only)" "42883" \
    as "$VIEWER" <<<"SELECT * FROM console_user_workspaces('$OWNER');"
expect "... and lists only the session user's own" "viewer" \
    "$(as "$VIEWER" <<<"SELECT role FROM console_user_workspaces();")"
expect_error "an admin cannot insert an active membership for another tenant's user" "42501" \
    as "$ADMIN" <<<"INSERT INTO team_members (workspace_id, user_id, role, status) VALUES ('$WS', '$HASPW', 'member', 'active');"
expect_error "... nor a pending row already bound to a user" "42501" \
    as "$ADMIN" <<<"INSERT INTO team_members (workspace_id, user_id, role, status, invitation_email) VALUES ('$WS', '$KEYONLY', 'member', 'pending', 'x@example.com');"
H=$(invite pending2@example.com pending2-token)
expect_error "an admin cannot turn an invitation into a membership" "42501" \
    as "$ADMIN" <<<"UPDATE team_members SET status = 'active' WHERE invitation_token = '$H';"
super -c "UPDATE team_members SET deleted_at = now() WHERE workspace_id = '$WS' AND user_id = '$BORROW'" >/dev/null
expect_error "a removed membership cannot be restored by console_app" "42501" \
    as "$OWNER" <<<"UPDATE team_members SET deleted_at = NULL WHERE workspace_id = '$WS' AND user_id = '$BORROW';"
super -c "UPDATE users SET full_name = 'Renamed Later', email = 'renamed@example.com' WHERE id = '$BORROW'" >/dev/null
expect "a removed member leaves the sort keys: their current name is not readable" "0" \
    "$(as "$OWNER" <<<"SELECT count(*) FROM team_member_sort_keys WHERE sort_name LIKE 'renamed%' OR sort_email LIKE 'renamed%';")"
expect "... nor found by the member search" "0" \
    "$(as "$OWNER" <<<"SELECT count(*) FROM console_search_members('%renamed%');")"
expect "... nor by its searchable text (0009)" "0" \
    "$(as "$OWNER" <<<"SELECT count(*) FROM team_member_sort_keys WHERE search_text ILIKE '%renamed%';")"
expect "a pending invitation is searchable by its email (0009)" "1" \
    "$(as "$ADMIN" <<<"SELECT count(*) FROM team_member_sort_keys WHERE search_text LIKE '%pending2@example.com%';")"
ADMIN_NAME=$(super -c "SELECT full_name FROM users WHERE id = '$ADMIN'")
super -c "UPDATE users SET full_name = 'Searchable Rename' WHERE id = '$ADMIN'" >/dev/null
expect "a renamed member's searchable text follows the rename (0009)" "1" \
    "$(as "$OWNER" <<<"SELECT count(*) FROM team_member_sort_keys WHERE search_text LIKE '%Searchable Rename%';")"
super -v name="$ADMIN_NAME" <<<"UPDATE users SET full_name = :'name' WHERE id = '$ADMIN';" >/dev/null
expect_error "a password inside an integration URL is refused" "22023: url_secret:" \
    as "$ADMIN" <<<"INSERT INTO integrations_config (workspace_id, integration_type, integration_name, config_data) VALUES ('$WS', 'webhook', 'Leaky', '{\"url\": \"https://user:hunter2@hooks.example.com/x\"}');"
expect_error "... and so is a secret query parameter, at any depth" "22023: url_secret:" \
    as "$ADMIN" <<<"UPDATE integrations_config SET config_data = '{\"a\": [{\"url\": \"https://h.example.com/x?v=1&SIG=abc\"}]}' WHERE workspace_id = '$WS';"
expect "a plain https URL is fine" "1" \
    "$(as "$ADMIN" <<<"WITH i AS (INSERT INTO integrations_config (workspace_id, integration_type, integration_name, config_data) VALUES ('$WS', 'webhook', 'Clean', '{\"url\": \"https://hooks.example.com/x?v=1\"}') RETURNING 1) SELECT count(*) FROM i;")"
expect_error "a session cannot lock another tenant's workspace" "42501" \
    as "$ADMIN" <<<"SELECT console_lock_workspace('$WS3');"
expect "... only its own" "" "$(as "$ADMIN" <<<"SELECT console_lock_workspace('$WS');")"

expect "the dummy hash has the configured cost" "t" \
    "$(super -c "SELECT console_bcrypt_cost_of(dummy_hash) = bcrypt_cost FROM console_auth_settings")"
expect "the seeded hashes have the configured cost" "0" \
    "$(super -c "SELECT count(*) FROM users u, console_auth_settings s WHERE u.email LIKE '%@example.com' AND u.password_hash IS NOT NULL AND console_bcrypt_cost_of(u.password_hash) <> s.bcrypt_cost")"
super -c "UPDATE users SET password_hash = crypt('haspw-secret', gen_salt('bf', 4)) WHERE id = '$HASPW'" >/dev/null
auth haspw@example.com wrong-password >/dev/null
expect "a failed login leaves a weak hash alone" "4" "$(super -c "SELECT console_bcrypt_cost_of(password_hash) FROM users WHERE id = '$HASPW'")"
expect "a successful login re-hashes a weaker stored hash at the configured cost" "$HASPW|ok|10" \
    "$(auth haspw@example.com haspw-secret)|$(super -c "SELECT console_bcrypt_cost_of(password_hash) FROM users WHERE id = '$HASPW'")"
super -c "UPDATE console_auth_settings SET bcrypt_cost = 5" >/dev/null
expect "changing the cost makes a new dummy at that cost" "5" \
    "$(super -c "SELECT console_bcrypt_cost_of(dummy_hash) FROM console_auth_settings")"
super -c "UPDATE console_auth_settings SET bcrypt_cost = 10" >/dev/null

# ---------------------------------------------------------------------------------------
echo "== member counters (issue 11)"
COUNTS_DIFF="SELECT count(*) FROM workspaces w
  LEFT JOIN team_member_counts c ON c.workspace_id = w.id
  LEFT JOIN (SELECT workspace_id,
                    count(*) FILTER (WHERE status = 'active') AS active,
                    count(*) FILTER (WHERE status = 'pending') AS pending,
                    count(*) FILTER (WHERE status = 'inactive') AS inactive,
                    count(*) FILTER (WHERE status = 'active' AND role = 'owner') AS owners
             FROM team_members WHERE deleted_at IS NULL GROUP BY workspace_id) t ON t.workspace_id = w.id
  WHERE (COALESCE(c.active, 0), COALESCE(c.pending, 0), COALESCE(c.inactive, 0), COALESCE(c.active_owners, 0))
     IS DISTINCT FROM (COALESCE(t.active, 0), COALESCE(t.pending, 0), COALESCE(t.inactive, 0), COALESCE(t.owners, 0))"
expect "after every check above, each workspace's counters equal count(*)" "0" "$(super -c "$COUNTS_DIFF")"
super <<SQL >/dev/null
UPDATE billing_config SET team_members_limit = NULL WHERE workspace_id = '$WS';
INSERT INTO team_members (workspace_id, role, status, invitation_email)
SELECT '$WS', (ARRAY['admin','member','viewer'])[1 + i % 3]::text, 'pending', 'bulk' || i || '@example.com'
FROM generate_series(1, 1000) i;
INSERT INTO users (email, full_name) SELECT 'bulkuser' || i || '@example.com', 'Bulk ' || i FROM generate_series(1, 500) i;
INSERT INTO team_members (workspace_id, user_id, role, status)
SELECT '$WS', u.id, (ARRAY['owner','admin','member','viewer'])[1 + (row_number() OVER ()) % 4]::text,
       (ARRAY['active','inactive'])[1 + (row_number() OVER ()) % 2]::text
FROM users u WHERE u.email LIKE 'bulkuser%';
UPDATE team_members SET deleted_at = now() WHERE invitation_email LIKE 'bulk1%@example.com';
UPDATE team_members SET role = 'viewer' WHERE workspace_id = '$WS' AND role = 'admin' AND status = 'active' AND user_id IN (SELECT id FROM users WHERE email LIKE 'bulkuser%');
UPDATE team_members SET status = 'inactive' WHERE workspace_id = '$WS' AND status = 'active' AND role = 'member' AND user_id IN (SELECT id FROM users WHERE email LIKE 'bulkuser%');
DELETE FROM team_members WHERE invitation_email LIKE 'bulk2%@example.com';
SQL
expect "after bulk inserts, role and status changes, removals and deletes, the counters still equal count(*)" "0" "$(super -c "$COUNTS_DIFF")"
expect_error "console_app cannot recount (only bulk loads as the owner do)" "42501" \
    as "$OWNER" <<<"SELECT console_recount_members();"
super -c "UPDATE team_member_counts SET active = active + 7" >/dev/null
super -c "SELECT console_recount_members()" >/dev/null
expect "a recount puts drifted counters right" "0" "$(super -c "$COUNTS_DIFF")"
expect "console_app reads its own workspace's counters only" "1" \
    "$(as "$OWNER" <<<"SELECT count(*) FROM team_member_counts;")"
echo "== integration check history and live refresh (issue 10)"
SLACK=30000000-0000-0000-0000-000000000001
check_row() { # USER_ID: an attempt recorded as that user
    echo "INSERT INTO integration_checks (workspace_id, integration_id, duration_ms, outcome, source, triggered_by) VALUES ('$WS', '$SLACK', 12, 'delivered', 'manual', '$1');"
}
out=$(as "$ADMIN" <<<"$(check_row "$ADMIN") SELECT count(*) FROM integration_checks;")
expect "an admin records an attempt as themselves" "1" "$out"
expect_error "a member cannot record an attempt" "42501" as "$MEMBER" <<<"$(check_row "$MEMBER")"
expect_error "an admin cannot record an attempt in someone else's name" "42501" \
    as "$ADMIN" <<<"$(check_row "$OWNER")"
expect_error "an attempt cannot name an integration of another workspace" "23503\|42501" \
    as "$ADMIN" <<<"INSERT INTO integration_checks (workspace_id, integration_id, duration_ms, outcome, source, triggered_by) VALUES ('00000000-0000-0000-0000-0000000000b2', '$SLACK', 1, 'delivered', 'manual', '$ADMIN');"
super -c "INSERT INTO integration_checks (workspace_id, integration_id, duration_ms, outcome, source, triggered_by) VALUES ('$WS', '$SLACK', 12, 'server_error', 'checker', '$ADMIN')" >/dev/null
expect "a viewer reads the history" "1" "$(as "$VIEWER" <<<"SELECT count(*) FROM integration_checks;")"
expect "another workspace's members see none of it" "0" \
    "$(WS_OVERRIDE=00000000-0000-0000-0000-0000000000b2 as "$OWNER" <<<"SELECT count(*) FROM integration_checks;")"
expect_error "the history is append-only for console_app (update)" "42501" \
    as "$OWNER" <<<"UPDATE integration_checks SET outcome = 'delivered';"
expect_error "the history is append-only for console_app (delete)" "42501" \
    as "$OWNER" <<<"DELETE FROM integration_checks;"
expect "a viewer subscribes to their workspace's channel" "sc_ws_00000000000000000000000000000001" \
    "$(as "$VIEWER" <<<"SELECT console_listen_workspace();")"
expect_error "a former member cannot subscribe" "42501" as "$FORMER" <<<"SELECT console_listen_workspace();"
super -c "DELETE FROM integration_checks" >/dev/null
notices=$(psql "$SUPER" -X -q -A -t -c "LISTEN sc_ws_${WS//-/}" \
    -c "UPDATE integrations_config SET health_status = health_status WHERE workspace_id = '$WS'" \
    -c "UPDATE billing_config SET plan_status = plan_status WHERE workspace_id = '$WS'" \
    -c "UPDATE team_members SET updated_at = updated_at WHERE workspace_id = '$WS'" \
    -c "UPDATE integrations_config SET health_status = health_status WHERE workspace_id <> '$WS'" \
    -c "SELECT 1" 2>&1 | grep -o 'payload "[a-z]*"' | tr '\n' ' ')
expect "changes notify the workspace's channel once per view and statement, nothing from others" \
    'payload "integrations" payload "billing" payload "team" ' "$notices"

# ---------------------------------------------------------------------------------------
echo "== cascades"
super -c "DELETE FROM workspaces WHERE id = '00000000-0000-0000-0000-0000000000b2'" >/dev/null &&
    pass "deleting a workspace cascades past the last-owner check"

echo "== $PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 ]]
