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

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf public bin .sitegen-*
