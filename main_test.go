package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts in testdata/script run backstory as a command,
// and removes the viewer built for the end-to-end tests once all have run.
func TestMain(m *testing.M) {
	if code, child := benchChild(); child {
		os.Exit(code)
	}
	testscript.Main(cleanAfter{m}, map[string]func(){
		"backstory": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// cleanAfter runs the tests, then removes the built viewer's folder.
type cleanAfter struct{ m *testing.M }

func (c cleanAfter) Run() int {
	code := c.m.Run()
	if built.dir != "" {
		if err := os.RemoveAll(built.dir); err != nil {
			fmt.Fprintln(os.Stderr, "removing the built viewer:", err)
		}
	}
	return code
}

// built is the viewer, built once by the first test that needs it and
// shared by all: a folder that every user may read and enter, since some
// tests run it as another user.
var built struct {
	once sync.Once
	dir  string
	bin  string
	err  error
}

// viewerBinary returns the path of the built viewer; the build's failure
// fails every test that asks.
func viewerBinary(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "backstory-viewer-"); built.err != nil {
			return
		}
		if built.err = os.Chmod(built.dir, 0o755); built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "backstory")
		if out, err := exec.Command("go", "build", "-o", built.bin, ".").CombinedOutput(); err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.bin
}

// endToEnd skips a test that runs the built program in a real terminal
// (tmux) when -short is given (such tests take most of the package's
// time) or tmux is missing, and returns the built program.
func endToEnd(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the built program in a terminal (tmux): skipped with -short")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	return viewerBinary(t)
}

// TestScripts runs the end-to-end scripts of the commands, one behaviour a
// file (see testdata/script/*.txtar).
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("EVENTS", env.Getenv("WORK")+"/../../events.toml")
			return linkServer(t, env)
		},
	})
}

// links is the local web server the scripts of check --links ask, and
// its own Wayback Machine: no script reaches the network.
var links struct {
	once sync.Once
	url  string
}

// linkServer starts the scripts' web server (once), points the cache and
// the archive API at the script's own, and writes the server's address
// where a script's TOML files say http://LINKS.
func linkServer(t *testing.T, env *testscript.Env) error {
	links.once.Do(func() {
		mux := http.NewServeMux()
		mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {})
		mux.HandleFunc("/dead", http.NotFound)
		mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusBadGateway) })
		mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
		mux.HandleFunc("/never", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
		mux.HandleFunc("/wayback", func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Query().Get("url"), "/dead") {
				fmt.Fprintf(w, `{"archived_snapshots":{"closest":{"available":true,"url":"http://web.archive.org/web/2020/%s"}}}`, r.URL.Query().Get("url"))
				return
			}
			fmt.Fprint(w, `{"archived_snapshots":{}}`)
		})
		s := httptest.NewServer(mux)
		t.Cleanup(s.Close)
		links.url = s.URL
	})
	env.Setenv("LINKS", links.url)
	env.Setenv("BACKSTORY_WAYBACK_API", links.url+"/wayback")
	env.Setenv("XDG_CACHE_HOME", env.WorkDir+"/cache")
	names, _ := filepath.Glob(filepath.Join(env.WorkDir, "*.toml"))
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil || !bytes.Contains(data, []byte("http://LINKS")) {
			continue
		}
		if err := os.WriteFile(name, bytes.ReplaceAll(data, []byte("http://LINKS"), []byte(links.url)), 0o644); err != nil {
			return err
		}
	}
	return nil
}
