# sitegen: build the association's site and test the generator.
#   make build   build the bundled site into public/
#   make test    vet and test everything (race detector on)
#   make serve   preview with live reload at http://127.0.0.1:8080/
#   make bench   benchmarks: build stages and whole builds at scale
#   make clean   remove build output

GO ?= go
SITEGEN_FLAGS ?=

.PHONY: build test serve bench clean sitegen

build:
	$(GO) run ./cmd/sitegen build $(SITEGEN_FLAGS)

sitegen:
	$(GO) build -o bin/sitegen ./cmd/sitegen

test:
	$(GO) vet ./...
	$(GO) test -race -timeout 30m ./...

serve:
	$(GO) run ./cmd/sitegen serve $(SITEGEN_FLAGS)

# Stage benchmarks of every package, then whole builds of generated sites
# (1,000 and 10,000 articles, 10,000 practitioners): the sitegen binary as a
# child process, 3 cold builds per size, and the peak heap in process.
bench:
	$(GO) test -run '^$$' -bench . -benchmem -timeout 30m $$($(GO) list ./... | grep -v '/internal/build$$')
	$(GO) test -run '^$$' -bench 'Stages' -benchmem -timeout 30m ./internal/build/
	$(GO) test -run '^$$' -bench 'ColdBuild|BuildHeap' -benchtime 3x -benchmem -timeout 60m ./internal/build/
	$(GO) test -run '^$$' -bench 'SearchShare' -benchtime 5x -timeout 60m ./internal/build/

clean:
	rm -rf public bin .sitegen-*
