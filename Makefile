# citydiff — see README.md. Every target installs what it needs through Go modules.
GO ?= go
BIN ?= bin/citydiff
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X citydiff/cli.Version=$(VERSION)
# ne: gse without its embedded general dictionaries, which citydiff never
# loads (segment/words loads its own): a 20 MB binary instead of 52 MB, with
# the same output byte for byte.
TAGS ?= ne

# The race detector needs cgo and a C compiler; without them the tests run
# without it (and say so) rather than fail.
CC_FOR_RACE := $(shell $(GO) env CC 2>/dev/null)
RACE := $(shell [ "$$($(GO) env CGO_ENABLED 2>/dev/null)" = 1 ] && command -v $(firstword $(CC_FOR_RACE)) >/dev/null 2>&1 && echo -race)
# The JSON report checker the tests run, when this checkout sits next to it.
CHECKER ?= $(abspath ../shared/tools/check-report.py)
LARGE_TESTS := ^(TestLarge|TestBadInput|TestDOCXBomb)$$
SKIP_CHECKER := $(if $(and $(wildcard $(CHECKER)),$(shell command -v python3)),,1)

.PHONY: all build run test bench bench-corpus loadtest fuzz e2e eval lint clean

all: build

build:
	$(GO) build -tags "$(TAGS)" -ldflags "$(LDFLAGS)" -o $(BIN) .

# The interactive viewer on the five built-in documents.
run: build
	./$(BIN)

test:
	$(GO) vet -tags "$(TAGS)" ./...
	@if [ -z "$(RACE)" ]; then echo "make test: no C compiler (or CGO_ENABLED=0): running WITHOUT the race detector; install gcc to use it"; fi
	@if [ -n "$(SKIP_CHECKER)" ]; then echo "make test: $(CHECKER) or python3 not found: the JSON report checker test is SKIPPED (set CHECKER=PATH to run it)"; \
	else echo "make test: JSON reports checked with $(CHECKER)"; fi
	CITYDIFF_CHECKER="$(CHECKER)" CITYDIFF_SKIP_CHECKER=$(SKIP_CHECKER) $(GO) test -tags "$(TAGS)" $(RACE) ./...
	@# The 50 MB inputs take minutes under -race and skip themselves there.
	$(if $(RACE),$(GO) test -tags "$(TAGS)" -run '$(LARGE_TESTS)' ./segment/ ./segment/decode/)

# Benchmarks: Go benchmarks plus the side-by-side comparisons in scripts/bench.sh.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
	./scripts/bench.sh
	$(MAKE) loadtest

# The report on real regulations as a doubling series 250 → 500 → 1,000 → all:
# documents, wall time, CPU, peak memory, report size and time per stage.
# CORPUS names a folder of .md regulations, e.g. DLC/ of a LawRefBook/Laws
# checkout (not in this repository); BASE=BINARY measures another build
# side by side, FORMAT=jsonl|csv|html another report format.
bench-corpus: build
	@if [ -z "$(CORPUS)" ]; then echo "usage: make bench-corpus CORPUS=DIR [BASE=BINARY] [FORMAT=json]" >&2; exit 2; fi
	CITYDIFF=./$(BIN) ./scripts/bench-corpus.sh "$(CORPUS)" $(SIZES)

# The engine scored against the labelled sets (docs/eval.md): the five
# built-in documents always; the 文明行为促进条例 family when FAMILY names a
# LawRefBook/Laws checkout (its texts are not in this repository).
eval: build
	./$(BIN) eval eval/labels/seeds.csv
	@if [ -n "$(FAMILY)" ]; then CITYDIFF=./$(BIN) scripts/eval-family.sh "$(FAMILY)"; \
	else echo "family set skipped: make eval FAMILY=DIR (a LawRefBook/Laws checkout)"; fi

# 50 SSH sessions typing on loopback for 30 s: keystroke-to-frame p50/p95, memory per session.
loadtest:
	$(GO) run ./server/loadtest -sessions 50 -duration 30s

# The real binary driven in tmux: overview → topic → measure → reader → search, then the draft check.
e2e:
	./scripts/e2e.sh
	./scripts/e2e-draft.sh

# Every fuzz target, one after another (FUZZTIME each); run it with nice on a
# shared machine.
FUZZTIME ?= 20s
FUZZ_TARGETS := ./segment/decode:FuzzDecode ./segment/normalize:FuzzNormalize \
	./segment:FuzzParse ./segment/markdown:FuzzParse ./inputguard:FuzzReader \
	./tui/cjk:FuzzWidth ./tui/cjk:FuzzTruncate ./tui/cjk:FuzzWrap
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		echo "fuzz $$t for $(FUZZTIME)"; \
		$(GO) test -tags "$(TAGS)" -run '^$$' -fuzz "^$${t#*:}\$$" -fuzztime $(FUZZTIME) "$${t%%:*}" || exit 1; \
	done

clean:
	rm -rf bin
