#!/usr/bin/env bash
# Prints the console's performance figures against a 100,000-member workspace.
# Called by `make bench` inside scripts/pg-cluster.sh run (which sets SC_TEST_PG).
set -euo pipefail
bin_dir="$(swift build -c release --show-bin-path)"
echo "settings-console benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, PostgreSQL $(pg_config --version | awk '{print $2}')"
"$bin_dir/settings-console-bench"
"$(dirname "$0")/login-timing.sh"
