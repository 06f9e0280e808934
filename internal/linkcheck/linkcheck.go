// Package linkcheck finds which web addresses have died: each is asked for
// with HEAD (GET when HEAD is refused), redirects followed, a few requests
// at a time per host, each within a time limit, and the answers kept in a
// cache for a day. It can ask the Wayback Machine for an archived copy of
// a dead page.
package linkcheck

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Result is what became of one address.
type Result struct {
	URL string `json:"url"`
	// Status is the HTTP status of the last answer (0 when none came).
	Status int `json:"status,omitempty"`
	// Problem says why the page is dead ("404 Not Found", "no such
	// host", "timed out after 10s"); "" when it answered.
	Problem string `json:"problem,omitempty"`
	// MovedTo is where the page redirects to when that is another host.
	MovedTo string `json:"moved_to,omitempty"`
	// Snapshot is an archived copy of a dead page, when asked for and
	// found.
	Snapshot string    `json:"snapshot,omitempty"`
	Checked  time.Time `json:"checked"`
}

// Dead reports whether the page did not answer, or answered with an
// error.
func (r Result) Dead() bool { return r.Problem != "" }

// Checker checks addresses. The zero value is not ready: use New.
type Checker struct {
	Client   *http.Client
	Timeout  time.Duration // for each address, its retries included
	PerHost  int           // requests at a time to one host
	Total    int           // requests at a time in all
	MaxBody  int64         // bytes of a GET's body read, at most
	Archive  bool          // ask ArchiveAPI for a snapshot of dead pages
	Cache    *Cache        // nil: no cache
	Progress func(done, total int)
	// ArchiveAPI is the Wayback Machine's availability API.
	ArchiveAPI string

	mu    sync.Mutex
	hosts map[string]chan struct{}
}

// New returns a checker with the limits of check --links: 10 s an
// address, 4 requests at a time per host and 16 in all, redirects
// followed (10 at most).
func New() *Checker {
	return &Checker{
		Client: &http.Client{CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 10 {
				return errTooManyRedirects
			}
			return nil
		}},
		Timeout:    10 * time.Second,
		PerHost:    4,
		Total:      16,
		MaxBody:    64 << 10,
		ArchiveAPI: "https://archive.org/wayback/available",
	}
}

var errTooManyRedirects = errors.New("too many redirects")

// Check checks each address once, at most Total at a time, and returns
// the results by address.
func (c *Checker) Check(ctx context.Context, urls []string) map[string]Result {
	seen := map[string]bool{}
	var todo []string
	for _, u := range urls {
		if !seen[u] {
			seen[u] = true
			todo = append(todo, u)
		}
	}
	out := make(map[string]Result, len(todo))
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := make(chan struct{}, max(c.Total, 1))
	done := 0
	report := func() {
		done++
		if c.Progress != nil {
			c.Progress(done, len(todo))
		}
	}
	for _, u := range todo {
		if r, ok := c.Cache.Get(u); ok && (!c.Archive || !r.Dead() || r.Snapshot != "") {
			mu.Lock()
			out[u] = r
			report()
			mu.Unlock()
			continue
		}
		wg.Go(func() {
			total <- struct{}{}
			r := c.one(ctx, u)
			<-total
			c.Cache.Put(r)
			mu.Lock()
			out[u] = r
			report()
			mu.Unlock()
		})
	}
	wg.Wait()
	return out
}

// host returns the semaphore of u's host.
func (c *Checker) host(u *url.URL) chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.hosts == nil {
		c.hosts = map[string]chan struct{}{}
	}
	h := c.hosts[u.Host]
	if h == nil {
		h = make(chan struct{}, max(c.PerHost, 1))
		c.hosts[u.Host] = h
	}
	return h
}

// one checks one address within the time limit.
func (c *Checker) one(ctx context.Context, raw string) Result {
	r := Result{URL: raw, Checked: time.Now()}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		r.Problem = "not a web address"
		return r
	}
	ctx, cancel := context.WithTimeout(ctx, c.Timeout)
	defer cancel()
	sem := c.host(u)
	for _, method := range []string{http.MethodHead, http.MethodGet} {
		resp, err := c.request(ctx, sem, method, raw)
		if err != nil {
			r.Status, r.Problem = 0, describe(err, c.Timeout)
			break
		}
		r.Status = resp.StatusCode
		if final := resp.Request.URL; final.Host != u.Host {
			r.MovedTo = final.String()
		}
		if method == http.MethodHead && headRefused(resp.StatusCode) {
			continue // some servers answer only GET
		}
		r.Problem = ""
		if resp.StatusCode >= 400 {
			r.Problem = resp.Status
		}
		break
	}
	if r.Dead() && c.Archive {
		r.Snapshot = c.snapshot(ctx, raw)
	}
	return r
}

// headRefused reports whether an answer to HEAD may mean only that the
// server does not take HEAD, so that GET is worth a try.
func headRefused(status int) bool {
	switch status {
	case http.StatusMethodNotAllowed, http.StatusNotImplemented, http.StatusForbidden,
		http.StatusNotFound, http.StatusBadRequest:
		return true
	}
	return false
}

// request sends one request, waiting and trying again on 429 for as long
// as Retry-After asks within the time limit. The body is read no further
// than MaxBody, and closed.
func (c *Checker) request(ctx context.Context, sem chan struct{}, method, u string) (*http.Response, error) {
	for {
		req, err := http.NewRequestWithContext(ctx, method, u, nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("User-Agent", "backstory-check-links/1 (+https://github.com/)")
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		resp, err := c.Client.Do(req)
		<-sem
		if err != nil {
			return nil, err
		}
		if method == http.MethodGet {
			io.Copy(io.Discard, io.LimitReader(resp.Body, c.MaxBody))
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusTooManyRequests {
			return resp, nil
		}
		wait, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now())
		deadline, _ := ctx.Deadline()
		if !ok || time.Now().Add(wait).After(deadline) {
			return resp, nil // 429 stands
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return resp, nil
		}
	}
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date.
func retryAfter(h string, now time.Time) (time.Duration, bool) {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(h); err == nil && n >= 0 {
		return time.Duration(n) * time.Second, true
	}
	if t, err := http.ParseTime(h); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// describe says in a few words why a request failed.
func describe(err error, limit time.Duration) string {
	var dns *net.DNSError
	var cert *tls.CertificateVerificationError
	var recordErr tls.RecordHeaderError
	var opErr *net.OpError
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, http.ErrHandlerTimeout):
		return fmt.Sprintf("no answer within %s", limit)
	case errors.Is(err, errTooManyRedirects):
		return "too many redirects (a loop?)"
	case errors.As(err, &dns):
		if dns.IsNotFound {
			return "no such host: " + dns.Name
		}
		return "DNS: " + dns.Err
	case errors.As(err, &cert):
		return "TLS certificate: " + cert.Err.Error()
	case errors.As(err, &recordErr):
		return "TLS: not a TLS server"
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return "cannot connect: " + opErr.Err.Error()
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return fmt.Sprintf("no answer within %s", limit)
		}
		err = ue.Err
	}
	return err.Error()
}
