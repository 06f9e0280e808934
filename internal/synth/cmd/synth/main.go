// Command synth writes a synthetic chronology to standard output, for
// trying backstory on a big archive by hand:
//
//	go run ./internal/synth/cmd/synth -n 100000 -seed 1 > big.toml
//	go run . big.toml
//
// The same flags always give the same file (see package synth for what is
// in it).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"backstory/internal/synth"
)

func main() {
	n := flag.Int("n", 1000, "number of `events`")
	seed := flag.Uint64("seed", 1, "the `seed`: the same seed gives the same file")
	tricky := flag.Bool("tricky", false, "mix in TOML edge cases (quoted and indented headers, header-like text in strings, CRLF, escapes)")
	lateEra := flag.Bool("late-era", false, "put an [[era]] after the events")
	minWords := flag.Int("min-body", 50, "fewest `words` in an event's body")
	maxWords := flag.Int("max-body", 400, "most `words` in an event's body")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: synth [-n EVENTS] [-seed N] [-tricky] [-late-era] > FILE.toml\n\nWrites a synthetic chronology in backstory's TOML format.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 || *n < 0 || *minWords < 1 || *maxWords < *minWords {
		flag.Usage()
		os.Exit(2)
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	err := synth.Write(w, synth.Options{
		Events: *n, Seed: *seed, Tricky: *tricky, LateEra: *lateEra,
		MinBodyWords: *minWords, MaxBodyWords: *maxWords,
	})
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "synth: %v\n", err)
		os.Exit(1)
	}
}
