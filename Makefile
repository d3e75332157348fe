# citydiff — see README.md. Every target installs what it needs through Go modules.
GO ?= go
BIN ?= bin/citydiff
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X citydiff/cli.Version=$(VERSION)

.PHONY: all build run test bench loadtest fuzz e2e eval lint clean

all: build

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) .

# The interactive viewer on the five built-in documents.
run: build
	./$(BIN)

test:
	$(GO) vet ./...
	$(GO) test -race ./...

# Benchmarks: Go benchmarks plus the side-by-side comparisons in scripts/bench.sh.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
	./scripts/bench.sh
	$(MAKE) loadtest

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

FUZZTIME ?= 20s
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzDecode -fuzztime $(FUZZTIME) ./segment/decode/
	$(GO) test -run '^$$' -fuzz FuzzNormalize -fuzztime $(FUZZTIME) ./segment/normalize/
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME) ./segment/
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME) ./segment/markdown/
	$(GO) test -run '^$$' -fuzz FuzzReader -fuzztime $(FUZZTIME) ./inputguard/

clean:
	rm -rf bin
