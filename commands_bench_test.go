package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"backstory/internal/synth"
)

// benchChild runs what BenchmarkCommands measures, in a process of its
// own, when the test binary is started with BACKSTORY_BENCH_CHILD set:
// "run" runs the command line, "decode" decodes the file with a bare
// toml.DecodeFile, the baseline. It returns false when not a child.
func benchChild() (int, bool) {
	switch os.Getenv("BACKSTORY_BENCH_CHILD") {
	case "run":
		return run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr), true
	case "decode":
		var m map[string]any
		if _, err := toml.DecodeFile(os.Args[1], &m); err != nil {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

// BenchmarkCommands runs check and list -q on a generated chronology,
// each in a process of its own, beside the baseline of a bare
// toml.DecodeFile of the same file, and reports each one's peak resident
// memory (MB) and CPU time (ms), and the ratios of the targets: check's
// peak over the decode's, list -q's CPU time over check's. 1,000 events;
// 30,000 with BACKSTORY_BENCH_BIG=1.
func BenchmarkCommands(b *testing.B) {
	n := 1000
	if os.Getenv("BACKSTORY_BENCH_BIG") != "" {
		n = 30000
	}
	file := filepath.Join(b.TempDir(), "big.toml")
	if err := os.WriteFile(file, synth.Generate(synth.Options{Events: n, Seed: 1}), 0o644); err != nil {
		b.Fatal(err)
	}
	runs := []struct {
		name, mode string
		args       []string
	}{
		{"decode", "decode", []string{file}},
		{"check", "run", []string{"check", file}},
		{"list-q", "run", []string{"list", "-q", "mexico", file}},
		{"list-q-phrase", "run", []string{"list", "-q", `"of the"`, file}},
	}
	peak := map[string]float64{}
	cpu := map[string]float64{}
	loops := 0
	for b.Loop() {
		loops++
		for _, r := range runs {
			cmd := exec.Command(os.Args[0], r.args...)
			cmd.Env = append(os.Environ(), "BACKSTORY_BENCH_CHILD="+r.mode)
			cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
			if err := cmd.Run(); err != nil {
				b.Fatalf("%s: %v", r.name, err)
			}
			ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
			peak[r.name] = max(peak[r.name], float64(ru.Maxrss)/1024) // (KB on Linux)
			t := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
			cpu[r.name] += float64(t.Microseconds()) / 1000
		}
	}
	for _, r := range runs {
		cpu[r.name] /= float64(loops)
		b.ReportMetric(peak[r.name], r.name+"-peak-MB")
		b.ReportMetric(cpu[r.name], r.name+"-cpu-ms")
	}
	b.ReportMetric(peak["check"]/peak["decode"], "check/decode-peak")
	b.ReportMetric(cpu["list-q"]/cpu["check"], "list-q/check-cpu")
}
