// Command gencorpus writes the deterministic synthetic corpus the
// benchmarks build (see package benchcorpus for what it holds).
//
//	gencorpus -articles N [-practitioners M] [-schools K] [-reading R] [-seed S] [-today YYYY-MM-DD] -out DIR
//	gencorpus -site -articles N [-practitioners M] -out DIR     # a buildable site from this repository
//
// The same flags always write byte-identical files.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"sitegen/internal/benchcorpus"
)

func main() {
	var opt benchcorpus.Options
	flag.IntVar(&opt.Articles, "articles", 100, "number of articles (at least 2)")
	flag.IntVar(&opt.Practitioners, "practitioners", 0, "number of practitioner records")
	flag.IntVar(&opt.Schools, "schools", 0, "number of training schools; 0: 8 when -practitioners > 0")
	flag.IntVar(&opt.Reading, "reading", 0, "number of reading-list pages")
	flag.Uint64Var(&opt.Seed, "seed", 1, "random seed")
	today := flag.String("today", benchcorpus.DefaultToday.Format(time.DateOnly), "reference date of certification and accreditation dates")
	out := flag.String("out", "", "output directory (new or empty)")
	site := flag.Bool("site", false, "write a buildable site: this repository's content/, layouts/ and static/ with the generated articles and register")
	repo := flag.String("repo", ".", "with -site: the repository root to copy from")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: gencorpus [-site] [-articles N] [-practitioners M] [-schools K] [-reading R] [-seed S] [-today YYYY-MM-DD] -out DIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 || *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	t, err := time.Parse(time.DateOnly, *today)
	if err != nil {
		fmt.Fprintf(os.Stderr, "gencorpus: -today %q: want YYYY-MM-DD\n", *today)
		os.Exit(2)
	}
	opt.Today = t
	var st benchcorpus.Stats
	if *site {
		st, err = benchcorpus.Site(*out, *repo, opt)
	} else {
		st, err = benchcorpus.Generate(*out, opt)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "gencorpus: %d articles (%d words), %d practitioners, %d schools, %d reading lists, %d bytes, seed %d, today %s\n",
		st.Articles, st.Words, st.Practitioners, st.Schools, st.Reading, st.Bytes, opt.Seed, opt.Today.Format(time.DateOnly))
}
