// Command sitegen builds the association's site from content/, layouts/
// and static/ into public/, and helps editors write it.
//
//	sitegen build [flags]   build the site into public/
//	sitegen serve [flags]   preview with live reload
//	sitegen check [flags]   check without writing
//	sitegen new KIND TITLE  create a content file to fill in
//	sitegen version         print the version
//	sitegen help [command]  print this help, or a command's
//
// Exit status: 0 on success, 1 when the content has problems, 2 on a usage
// error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"syscall"
	"time"

	"sitegen/internal/build"
	"sitegen/internal/config"
	"sitegen/internal/diag"
)

const usage = `sitegen builds the association's static site.

Usage:
  sitegen build [flags]    build content/, layouts/ and static/ into public/
  sitegen serve [flags]    preview with live reload at http://127.0.0.1:8080/
  sitegen check [flags]    check everything a build would, writing nothing
  sitegen new <kind> "Title"  create an article, practitioner, reading list or school
  sitegen version          print the version
  sitegen help             print this help

Run 'sitegen help build' (or 'sitegen build -h') for a command's flags.
`

func main() {
	// A build allocates briskly and keeps little: collecting garbage half
	// as often saves about a tenth of the CPU for a few more megabytes.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// errUsage marks a command-line mistake (exit 2).
var errUsage = errors.New("usage")

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "build":
		err = cmdBuild(args[1:], stdout, stderr)
	case "serve":
		err = cmdServe(args[1:], stdout, stderr)
	case "check":
		err = cmdCheck(args[1:], stdout, stderr)
	case "new":
		err = cmdNew(args[1:], stdout, stderr)
	case "version", "-version", "--version":
		fmt.Fprintln(stdout, "sitegen", version())
		return 0
	case "help", "-h", "-help", "--help":
		return help(args[1:], stdout, stderr)
	default:
		fmt.Fprintf(stderr, "sitegen: unknown command %q%s\n\n%s", args[0], diag.DidYouMean(args[0], commands), usage)
		return 2
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.As(err, new(*build.OptionError)):
		fmt.Fprintf(stderr, "sitegen %s: %v\n", args[0], err)
		return 2
	default:
		if !errors.Is(err, build.ErrFailed) {
			fmt.Fprintln(stderr, "sitegen:", err)
		}
		return 1
	}
}

// commands are the commands sitegen runs, for the hint after a typo.
var commands = []string{"build", "serve", "check", "new", "version", "help"}

// help prints the usage, or with the name of a command, that command's
// help (what its -h prints) on stdout.
func help(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stdout, usage)
		return 0
	}
	cmds := map[string]func([]string, io.Writer, io.Writer) error{
		"build": cmdBuild, "serve": cmdServe, "check": cmdCheck, "new": cmdNew,
	}
	cmd, ok := cmds[args[0]]
	switch {
	case len(args) > 1:
		fmt.Fprintf(stderr, "sitegen help: give one command, such as sitegen help build\n\n%s", usage)
		return 2
	case args[0] == "version" || args[0] == "help":
		fmt.Fprint(stdout, usage)
		return 0
	case !ok:
		fmt.Fprintf(stderr, "sitegen help: unknown command %q%s\n\n%s", args[0], diag.DidYouMean(args[0], commands), usage)
		return 2
	}
	_ = cmd([]string{"-h"}, stdout, stdout)
	return 0
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		v := bi.Main.Version
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				return v + " (" + s.Value[:12] + ")"
			}
		}
		return v
	}
	return "(devel)"
}

// buildFlags are shared by build and the commands that build.
type buildFlags struct {
	src, out, baseURL, cpuprofile, memprofile string
	strict, drafts, future, noMinify, verbose bool
}

func (f *buildFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.src, "src", ".", "site root holding content/, layouts/ and static/")
	fs.StringVar(&f.out, "out", "public", "output folder")
	fs.BoolVar(&f.strict, "strict", false, "treat every warning as an error")
	fs.BoolVar(&f.drafts, "drafts", false, "include draft pages")
	fs.BoolVar(&f.future, "future", false, "include pages whose publish_date is ahead")
	fs.StringVar(&f.baseURL, "base-url", "", "absolute URL of the site (default: Netlify's URL when NETLIFY=true, else site.yaml's base_url)")
	fs.BoolVar(&f.noMinify, "no-minify", false, "write output without minifying it")
	fs.StringVar(&f.cpuprofile, "cpuprofile", "", "write a CPU profile to `file`")
	fs.StringVar(&f.memprofile, "memprofile", "", "write a heap profile to `file` at the end")
	fs.BoolVar(&f.verbose, "v", false, "print each step's time")
}

// Now is the build's idea of today: SOURCE_DATE_EPOCH when set (the
// reproducible-builds convention), else the clock.
func now() (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds; set it to the seconds since 1970-01-01 UTC, such as $(date +%%s), or unset it to use the clock", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Now().UTC(), nil
}

// parseFlags parses a subcommand's flags: -h prints its usage (header
// first), a bad flag or a stray argument is a usage error.
func parseFlags(fs *flag.FlagSet, args []string, header string, stderr io.Writer) error {
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, header+"\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return errUsage
	}
	return nil
}

func cmdBuild(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("sitegen build", flag.ContinueOnError)
	var f buildFlags
	f.register(fs)
	if err := parseFlags(fs, args, "Usage: sitegen build [flags]\n\nBuilds the site into the output folder; a failed build leaves it as it was.", stderr); err != nil {
		return err
	}
	opt, err := f.options()
	if err != nil {
		fmt.Fprintln(stderr, "sitegen build:", err)
		return errUsage
	}
	if f.cpuprofile != "" {
		pf, err := os.Create(f.cpuprofile)
		if err != nil {
			return err
		}
		defer pf.Close()
		if err := pprof.StartCPUProfile(pf); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	// Interrupted (Ctrl-C, or CI stopping the job), the build removes its
	// temporary folder: the output folder stays as it was.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	defer func() { signal.Stop(sig); close(sig) }()
	go func() {
		if _, ok := <-sig; ok {
			build.RemoveScratch()
			fmt.Fprintln(stderr, "sitegen build: interrupted")
			os.Exit(130)
		}
	}()
	res, err := build.Run(opt)
	if f.memprofile != "" {
		if mf, merr := os.Create(f.memprofile); merr == nil {
			_ = pprof.WriteHeapProfile(mf)
			mf.Close()
		}
	}
	report(res, f.strict, f.verbose, stdout, stderr)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, res.Summary())
	return nil
}

func (f *buildFlags) options() (build.Options, error) {
	t, err := now()
	if err != nil {
		return build.Options{}, err
	}
	// The base URL is held to site.yaml's rule for base_url: it starts
	// every canonical link and sitemap address.
	base, from := f.baseURL, "-base-url"
	if base == "" {
		base, from = netlifyURL()
	}
	if base != "" {
		if why := config.BaseURLProblem(base); why != "" {
			if from != "-base-url" {
				return build.Options{}, fmt.Errorf("%s %q, the address Netlify gives the site, %s; pass the site's address with -base-url", from, base, why)
			}
			return build.Options{}, fmt.Errorf("-base-url %q %s", base, why)
		}
	}
	return build.Options{
		Src: f.src, Out: f.out, Strict: f.strict, Drafts: f.drafts, Future: f.future,
		NoMinify: f.noMinify, BaseURL: base, Now: t, Preview: netlifyPreview(),
		// A page costs the build about 10–11 KiB of live heap at 10,000
		// articles; the build adds room for a search index itself.
		HeapPerPage: 16 << 10,
	}, nil
}

// netlifyURL is the address Netlify builds for: the deploy's own address in
// previews, the site's main address in production; from names the
// variable it comes from.
func netlifyURL() (url, from string) {
	if os.Getenv("NETLIFY") != "true" {
		return "", ""
	}
	if netlifyPreview() {
		return os.Getenv("DEPLOY_PRIME_URL"), "DEPLOY_PRIME_URL"
	}
	return os.Getenv("URL"), "URL"
}

// netlifyPreview reports a deploy preview or branch deploy, or a preview
// asked for with SITEGEN_PREVIEW=true.
func netlifyPreview() bool {
	if os.Getenv("SITEGEN_PREVIEW") == "true" {
		return true
	}
	switch os.Getenv("CONTEXT") {
	case "deploy-preview", "branch-deploy":
		return os.Getenv("NETLIFY") == "true"
	}
	return false
}

// report prints problems (warnings and errors, then the count) and, with
// verbose, each step's time.
func report(res *build.Result, strict, verbose bool, stdout, stderr io.Writer) {
	if res == nil {
		return
	}
	all := res.Problems.All()
	for _, p := range all {
		if p.Severity == diag.Info {
			fmt.Fprintln(stdout, p)
		}
	}
	for _, p := range all {
		if p.Severity != diag.Info {
			fmt.Fprintln(stderr, p)
		}
	}
	if s := res.Problems.Summary(strict); s != "" {
		fmt.Fprintln(stderr, s)
	}
	if verbose {
		for _, s := range res.Steps {
			fmt.Fprintf(stderr, "  %-9s %s\n", s.Name, s.Duration.Round(time.Microsecond))
		}
	}
}
