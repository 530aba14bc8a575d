# sitegen: build the association's site and test the generator.
#   make build   build the bundled site into public/
#   make test    vet and test everything (race detector on)
#   make serve   preview with live reload at http://127.0.0.1:8080/
#   make bench   benchmarks: build stages and whole builds at scale
#   make fuzz    run every fuzz target for FUZZTIME (default 30s) each
#   make clean   remove build output

GO ?= go
SITEGEN_FLAGS ?=
FUZZTIME ?= 30s

.PHONY: build test serve bench fuzz clean sitegen

build:
	$(GO) run ./cmd/sitegen build $(SITEGEN_FLAGS)

sitegen:
	$(GO) build -o bin/sitegen ./cmd/sitegen

test:
	@unformatted=$$("$$($(GO) env GOROOT)/bin/gofmt" -l cmd internal); if [ -n "$$unformatted" ]; then echo "not gofmt-formatted (run gofmt -w):"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) test -race -timeout 30m $$($(GO) list ./... | grep -v /internal/browsertest)
	# The browser tests run after the others, alone: Lighthouse's
	# performance score and the timed checks measure the page's tasks,
	# which other packages' builds running beside them lengthen.
	$(GO) test -race -timeout 30m ./internal/browsertest/

# Built first, then run: go run would report Ctrl-C as a failure.
serve: sitegen
	./bin/sitegen serve $(SITEGEN_FLAGS)

# Stage benchmarks of every package, then whole builds of generated sites
# (1,000 and 10,000 articles, 10,000 practitioners): the sitegen binary as a
# child process, 3 cold builds per size, and the peak heap in process; then
# what the search index adds to the 10,000-article build (5 pairs of builds
# with and without it).
bench:
	$(GO) test -run '^$$' -bench . -benchmem -timeout 30m $$($(GO) list ./... | grep -v '/internal/build$$')
	$(GO) test -run '^$$' -bench 'Stages' -benchmem -timeout 30m ./internal/build/
	$(GO) test -run '^$$' -bench 'ColdBuild|BuildHeap' -benchtime 3x -benchmem -timeout 60m ./internal/build/
	$(GO) test -run '^$$' -bench 'SearchShare' -benchtime 5x -timeout 60m ./internal/build/

# Every Fuzz target of every package, one after the other (go test fuzzes
# one target at a time). A failing input is saved in the package's
# testdata/fuzz/ and from then on runs with make test. Go 1.26's fuzzing
# at times ends a run at its -fuzztime with "context deadline exceeded"
# and no failing input (go.dev/issue/75804, fixed in Go 1.27): that run
# is reported and the others go on; any other failure stops make fuzz.
fuzz:
	@set -e; log=$$(mktemp); trap 'rm -f "$$log"' EXIT; \
	for pkg in $$($(GO) list ./internal/...); do \
	  dir=$$($(GO) list -f '{{.Dir}}' $$pkg); \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$t"; \
	    before=$$(ls "$$dir/testdata/fuzz/$$t" 2>/dev/null | wc -l); \
	    if ! $(GO) test $$pkg -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) 2>&1 | tee "$$log" || ! grep -q '^ok' "$$log"; then \
	      after=$$(ls "$$dir/testdata/fuzz/$$t" 2>/dev/null | wc -l); \
	      if [ "$$after" -eq "$$before" ] && grep -q 'context deadline exceeded' "$$log"; then \
	        echo "   $$t: stopped by Go's fuzzing at its time limit, with no failing input (go.dev/issue/75804)"; \
	      else \
	        exit 1; \
	      fi; \
	    fi; \
	  done; \
	done

clean:
	rm -rf public bin .sitegen-*
