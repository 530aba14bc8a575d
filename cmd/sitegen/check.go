package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"sitegen/internal/build"
	"sitegen/internal/diag"
)

// cmdCheck validates the site as a build would, writing nothing; any
// error or warning fails it. Notices (a certification ending soon) are
// printed with them, in order, as a build prints them, and fail nothing.
func cmdCheck(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("sitegen check", flag.ContinueOnError)
	src := fs.String("src", ".", "site root holding content/, layouts/ and static/")
	def := "text"
	if os.Getenv("GITHUB_ACTIONS") == "true" {
		def = "github"
	}
	format := fs.String("format", def, "problem format: text (path:line:col: message), github (Actions annotations) or json")
	drafts := fs.Bool("drafts", false, "check draft pages too")
	future := fs.Bool("future", false, "check pages whose publish_date is ahead too")
	if err := parseFlags(fs, args, "Usage: sitegen check [flags]\n\nChecks content, data, layouts and links as a build would, without writing\nanything. Exit status 1 when there is any error or warning.", stderr); err != nil {
		return err
	}
	switch *format {
	case "text", "github", "json":
	default:
		fmt.Fprintf(stderr, "sitegen check: unknown -format %q; use text, github or json\n", *format)
		return errUsage
	}
	t, err := now()
	if err != nil {
		fmt.Fprintln(stderr, "sitegen check:", err)
		return errUsage
	}
	res, err := build.Run(build.Options{Src: *src, DryRun: true, Strict: true, Drafts: *drafts, Future: *future, Now: t})
	if err != nil && !errors.Is(err, build.ErrFailed) {
		return err
	}
	probs := res.Problems.All()
	writeProblems(stdout, *format, probs)
	failed := false
	for _, p := range probs {
		failed = failed || p.Severity != diag.Info
	}
	if failed || err != nil {
		if *format == "text" {
			fmt.Fprintln(stderr, res.Problems.Summary(true))
		}
		return build.ErrFailed
	}
	if *format == "text" {
		fmt.Fprintf(stdout, "no problems in %d pages\n", res.Pages)
	}
	return nil
}

// writeProblems prints problems in a check format.
func writeProblems(w io.Writer, format string, probs []diag.Problem) {
	switch format {
	case "json":
		type jp struct {
			File     string `json:"file"`
			Line     int    `json:"line"`
			Col      int    `json:"col"`
			Severity string `json:"severity"`
			Message  string `json:"message"`
		}
		out := struct {
			Problems []jp `json:"problems"`
			Errors   int  `json:"errors"`
			Warnings int  `json:"warnings"`
			Notices  int  `json:"notices"`
		}{Problems: []jp{}}
		for _, p := range probs {
			sev := "error"
			switch p.Severity {
			case diag.Warning:
				sev = "warning"
				out.Warnings++
			case diag.Info:
				sev = "info"
				out.Notices++
			default:
				out.Errors++
			}
			out.Problems = append(out.Problems, jp{p.File, p.Line, p.Col, sev, p.Msg})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.Encode(out)
	case "github":
		for _, p := range probs {
			kind := "error"
			switch p.Severity {
			case diag.Warning:
				kind = "warning"
			case diag.Info:
				kind = "notice"
			}
			var props []string
			if p.File != "" {
				props = append(props, "file="+ghProperty(p.File))
				if p.Line > 0 {
					props = append(props, fmt.Sprintf("line=%d", p.Line))
				}
				if p.Col > 0 {
					props = append(props, fmt.Sprintf("col=%d", p.Col))
				}
			}
			sep := ""
			if len(props) > 0 {
				sep = " "
			}
			fmt.Fprintf(w, "::%s%s%s::%s\n", kind, sep, strings.Join(props, ","), ghData(p.Msg))
		}
	default:
		for _, p := range probs {
			fmt.Fprintln(w, p)
		}
	}
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
