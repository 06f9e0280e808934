package main

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
)

// styleUsage is the help of --style, the viewer's and show's.
const styleUsage = "colours: dark, light, notty (none) or auto (ask the terminal); default $BACKSTORY_STYLE, else auto; NO_COLOR set means notty"

// defaultPager pages when $PAGER is not set, as git does.
const defaultPager = "less -R"

// pagerCommand is the pager to use, from $PAGER (getenv): "" when output
// should not be paged ($PAGER set but empty, or cat).
func pagerCommand(getenv func(string) (string, bool)) string {
	p, set := getenv("PAGER")
	if !set {
		return defaultPager
	}
	if p = strings.TrimSpace(p); p == "cat" {
		return ""
	}
	return p
}

// errNoPager says the pager could not be started; nothing was written.
var errNoPager = errors.New("no pager")

// runPager pipes text through the pager command line, whose output goes
// to stdout. A command line without shell syntax runs directly, so that a
// pager that is not installed is known before anything is sent
// (errNoPager) and the caller prints text itself; one with shell syntax
// runs with sh -c. Like git, it sets LESS=FRX when LESS is not set: less
// then leaves at once when the text fits on one screen, keeps it there,
// and lets colours through.
func runPager(cmdline, text string, stdout, stderr io.Writer) error {
	var cmd *exec.Cmd
	if strings.ContainsAny(cmdline, "|&;<>()$`\\\"'*?[#~=%{}") {
		cmd = exec.Command("sh", "-c", cmdline)
	} else {
		args := strings.Fields(cmdline)
		if _, err := exec.LookPath(args[0]); err != nil {
			return errNoPager
		}
		cmd = exec.Command(args[0], args[1:]...)
	}
	cmd.Stdin = strings.NewReader(text)
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.Env = os.Environ()
	if _, set := os.LookupEnv("LESS"); !set {
		cmd.Env = append(cmd.Env, "LESS=FRX")
	}
	if err := cmd.Start(); err != nil {
		return errNoPager
	}
	return cmd.Wait()
}

// printPaged writes text to stdout, through the pager when page is set
// and there is one; without a pager that starts, directly.
func printPaged(text string, page bool, stdout, stderr io.Writer) {
	if page {
		if p := pagerCommand(os.LookupEnv); p != "" {
			if err := runPager(p, text, stdout, stderr); !errors.Is(err, errNoPager) {
				return
			}
		}
	}
	io.WriteString(stdout, text)
}
