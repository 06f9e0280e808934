package linkcheck

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// server is a local web server with a page for each way a link dies.
func server(t *testing.T, other string) (*httptest.Server, *atomic.Int64, *atomic.Int64) {
	t.Helper()
	var inFlight, most atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/dead", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusGone) })
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusInternalServerError) })
	mux.HandleFunc("/get-only", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/never", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2", http.StatusFound) })
	mux.HandleFunc("/loop2", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/moved-here", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/ok", http.StatusMovedPermanently) })
	mux.HandleFunc("/moved-away", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other+"/ok", http.StatusMovedPermanently)
	})
	var tries atomic.Int64
	mux.HandleFunc("/busy", func(w http.ResponseWriter, r *http.Request) {
		if tries.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
		}
	})
	mux.HandleFunc("/busy-long", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
		chunk := []byte(strings.Repeat("x", 1<<16))
		for range 1 << 14 { // a gigabyte, unless the reader stops
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/count/", func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(50 * time.Millisecond)
		inFlight.Add(-1)
	})
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s, &inFlight, &most
}

func TestCheck(t *testing.T) {
	other, _, _ := server(t, "")
	s, _, _ := server(t, other.URL)
	c := New()
	c.Timeout = 2 * time.Second
	c.MaxBody = 1 << 10
	tests := []struct {
		path, problem, moved string
	}{
		{"/ok", "", ""},
		{"/dead", "404 Not Found", ""},
		{"/gone", "410 Gone", ""},
		{"/broken", "500 Internal Server Error", ""},
		{"/get-only", "", ""},
		{"/slow", "no answer within 2s", ""},
		{"/never", "no answer within 2s", ""},
		{"/loop", "too many redirects (a loop?)", ""},
		{"/moved-here", "", ""},
		{"/moved-away", "", other.URL + "/ok"},
		{"/busy", "", ""},                           // 429, Retry-After: 1, then 200
		{"/busy-long", "429 Too Many Requests", ""}, // Retry-After beyond the time limit
		{"/huge", "", ""},                           // a GET's body is not read to the end
	}
	var urls []string
	for _, tt := range tests {
		urls = append(urls, s.URL+tt.path)
	}
	start := time.Now()
	got := c.Check(context.Background(), urls)
	if took := time.Since(start); took > 8*time.Second {
		t.Errorf("the check took %s: the time limit is not kept", took)
	}
	for _, tt := range tests {
		r := got[s.URL+tt.path]
		if r.Problem != tt.problem || r.MovedTo != tt.moved {
			t.Errorf("%s: problem %q moved %q, want %q %q", tt.path, r.Problem, r.MovedTo, tt.problem, tt.moved)
		}
		if r.Dead() != (tt.problem != "") {
			t.Errorf("%s: Dead() = %v", tt.path, r.Dead())
		}
	}
}

// TestLimits: at most PerHost requests at a time to one host.
func TestLimits(t *testing.T) {
	s, _, most := server(t, "")
	c := New()
	var urls []string
	for i := range 20 {
		urls = append(urls, fmt.Sprintf("%s/count/%d", s.URL, i))
	}
	var calls atomic.Int64
	c.Progress = func(done, total int) {
		calls.Add(1)
		if total != 20 || done < 1 || done > 20 {
			t.Errorf("progress %d/%d", done, total)
		}
	}
	for _, r := range c.Check(context.Background(), urls) {
		if r.Dead() {
			t.Errorf("%s: %s", r.URL, r.Problem)
		}
	}
	if m := most.Load(); m > 4 || m < 2 {
		t.Errorf("%d requests at a time to one host, want at most 4 (and some at once)", m)
	}
	if calls.Load() != 20 {
		t.Errorf("progress reported %d times, want 20", calls.Load())
	}
}

// TestArchiveAndCache: a dead page's snapshot comes from the availability
// API; results are kept for the ttl and asked again after it.
func TestArchiveAndCache(t *testing.T) {
	s, _, _ := server(t, "")
	var asked atomic.Int64
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		fmt.Fprintf(w, `{"archived_snapshots":{"closest":{"available":true,"url":"http://web.archive.org/web/2020/%s","status":"200"}}}`, r.URL.Query().Get("url"))
	}))
	defer api.Close()
	path := filepath.Join(t.TempDir(), "cache", "links.json")
	c := New()
	c.Archive, c.ArchiveAPI = true, api.URL
	c.Cache = OpenCache(path, 24*time.Hour)
	got := c.Check(context.Background(), []string{s.URL + "/dead", s.URL + "/ok"})
	if r := got[s.URL+"/dead"]; r.Snapshot != "http://web.archive.org/web/2020/"+s.URL+"/dead" {
		t.Errorf("snapshot %q", r.Snapshot)
	}
	if got[s.URL+"/ok"].Snapshot != "" || asked.Load() != 1 {
		t.Errorf("the archive was asked %d times (only dead pages)", asked.Load())
	}
	if err := c.Cache.Save(); err != nil {
		t.Fatal(err)
	}
	// within a day: from the cache, the server not asked
	s.Close()
	again := New()
	again.Cache = OpenCache(path, 24*time.Hour)
	if r := again.Check(context.Background(), []string{s.URL + "/ok"})[s.URL+"/ok"]; r.Dead() {
		t.Errorf("not from the cache: %+v", r)
	}
	// a day later: asked again (and the server is gone)
	later := OpenCache(path, 24*time.Hour)
	later.now = func() time.Time { return time.Now().Add(25 * time.Hour) }
	if _, ok := later.Get(s.URL + "/ok"); ok {
		t.Error("a result older than the ttl is kept")
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		h    string
		want time.Duration
		ok   bool
	}{
		{"", 0, false}, {"5", 5 * time.Second, true}, {"x", 0, false},
		{"Sun, 06 Dec 2026 12:00:30 GMT", 30 * time.Second, true},
		{"Sun, 06 Dec 2026 11:00:00 GMT", 0, true},
	} {
		if got, ok := retryAfter(tt.h, now); got != tt.want || ok != tt.ok {
			t.Errorf("retryAfter(%q) = %s, %v", tt.h, got, ok)
		}
	}
}

func TestDescribe(t *testing.T) {
	dns := &net.DNSError{Err: "no such host", Name: "gone.example", IsNotFound: true}
	if got := describe(fmt.Errorf("get: %w", dns), time.Second); got != "no such host: gone.example" {
		t.Errorf("describe(DNS) = %q", got)
	}
	if got := describe(context.DeadlineExceeded, 10*time.Second); got != "no answer within 10s" {
		t.Errorf("describe(timeout) = %q", got)
	}
}
