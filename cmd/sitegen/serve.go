package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"sitegen/internal/build"
	"sitegen/internal/serve"
)

// cmdServe builds the site in memory, serves it with live reload and
// rebuilds it on every change until Ctrl-C.
func cmdServe(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("sitegen serve", flag.ContinueOnError)
	src := fs.String("src", ".", "site root holding content/, layouts/ and static/")
	addr := fs.String("addr", "127.0.0.1:8080", "address to serve on (port 0 picks a free port)")
	strict := fs.Bool("strict", false, "show warnings as errors in the browser")
	noMinify := fs.Bool("no-minify", false, "serve the output without minifying it")
	if err := parseFlags(fs, args, "Usage: sitegen serve [flags]\n\nServes the site with drafts and future pages at -addr, rebuilds it when a\nfile under content/, layouts/ or static/ changes and reloads the browser.\nNothing is written to public/.", stderr); err != nil {
		return err
	}
	if why := addrProblem(*addr); why != "" {
		fmt.Fprintf(stderr, "sitegen serve: -addr %q %s\n", *addr, why)
		return errUsage
	}
	t, err := now()
	if err != nil {
		fmt.Fprintln(stderr, "sitegen serve:", err)
		return errUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cfg := serve.Config{
		Addr: *addr, Log: stderr,
		Options: build.Options{Src: *src, Strict: *strict, NoMinify: *noMinify, Now: t},
	}
	if os.Getenv("SOURCE_DATE_EPOCH") == "" {
		// A server left running overnight moves on to the new day.
		cfg.Clock = time.Now
	}
	s, err := serve.New(cfg)
	if err != nil {
		return err
	}
	err = s.Run(ctx)
	fmt.Fprintln(stderr, "stopped")
	return err
}

// addrProblem says what is wrong with addr as an address to listen on, or
// returns "": it needs a port, a number from 0 (any free port) to 65535.
func addrProblem(addr string) string {
	const example = "; write a host and a port, such as 127.0.0.1:8080, or :8080 for every address of this computer"
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "is not an address to listen on" + example
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return "has no port number (from 0, any free port, to 65535) after its colon" + example
	}
	return ""
}
