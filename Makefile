# settings-console: `make demo` opens the console on a private seeded database;
# `make test` runs every test against a private PostgreSQL it starts and stops.
SWIFT ?= swift
BIN_DIR := $(shell $(SWIFT) build --show-bin-path 2>/dev/null)
BIN := $(BIN_DIR)/settings-console

.PHONY: all deps embed build demo test test-sql bench format lint clean

all: build

deps:
	@scripts/install-deps.sh

# Regenerates the Swift copies of sql/ and themes/ that are compiled into the binary.
embed:
	@python3 scripts/embed-sql.py
	@if [ -x scripts/embed-themes.sh ]; then scripts/embed-themes.sh; fi

build: deps embed
	$(SWIFT) build

demo: build
	$(BIN) demo

test: deps embed
	$(SWIFT) build --build-tests
	SC_BINARY=$(BIN) scripts/pg-cluster.sh run $(SWIFT) test --skip-build
	@if [ -x sql/check.sh ]; then sql/check.sh; fi

bench: deps embed
	$(SWIFT) build -c release
	scripts/pg-cluster.sh run scripts/bench.sh

format:
	$(SWIFT) format -i -r Package.swift Sources Tests

lint:
	$(SWIFT) format lint -r Sources Tests

clean:
	rm -rf .build
