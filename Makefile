# settings-console: `make demo` opens the console on a private seeded database;
# `make test` runs every test against a private PostgreSQL it starts and stops.
SWIFT ?= swift
BIN_DIR := $(shell $(SWIFT) build --show-bin-path 2>/dev/null)
BIN := $(BIN_DIR)/settings-console

.PHONY: all deps build demo test reliability bench format lint clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

demo: build
	$(BIN) demo

# Suites that watch Swift's cooperative thread pool (two threads on two cores) run on their
# own: beside the end-to-end suites, whose synchronous waits hold pool threads, they would
# measure the other tests rather than the code. Fixtures load thousands of rows in one
# statement, and a test holding a lock may be slow to release it while other suites hold the
# pool, which on a loaded two-core machine can outlast the console's limits (30 s per statement,
# 15 s per lock wait), so tests run with longer ones (suites that test the limits set their own).
POOL_SUITES := ProgramLoopTests|PostgresCancellationTests

test: deps
	$(SWIFT) build --build-tests --explicit-target-dependency-import-check=error
	SC_BINARY=$(BIN) SC_STATEMENT_TIMEOUT=$${SC_STATEMENT_TIMEOUT:-5min} SC_LOCK_TIMEOUT=$${SC_LOCK_TIMEOUT:-5min} \
		scripts/pg-cluster.sh run sh -c \
		'$(SWIFT) test --skip-build --skip "$(POOL_SUITES)" && $(SWIFT) test --skip-build --filter "$(POOL_SUITES)"'
	@if [ -x sql/check.sh ]; then sql/check.sh; fi

# The reliability suites at full size (docs/reliability.md): 100,000 monkey keys (25,000 per
# role), 10,000 stress operations; `make test` runs the same suites small.
RELIABILITY_SUITES := PgBouncerEndToEndTests|FailoverEndToEndTests|FaultEndToEndTests|TimeoutEndToEndTests|MonkeyEndToEndTests|StressTests
reliability: deps
	$(SWIFT) build --build-tests
	SC_BINARY=$(BIN) SC_MONKEY_KEYS=$${SC_MONKEY_KEYS:-25000} SC_STRESS_OPERATIONS=$${SC_STRESS_OPERATIONS:-10000} \
		scripts/pg-cluster.sh run $(SWIFT) test --skip-build --filter '$(RELIABILITY_SUITES)'

bench: deps
	$(SWIFT) build -c release
	scripts/pg-cluster.sh run scripts/bench.sh

format:
	$(SWIFT) format -i -r Package.swift Sources Plugins Tests

lint:
	$(SWIFT) format lint --strict -r Package.swift Sources Plugins Tests

clean:
	rm -rf .build
