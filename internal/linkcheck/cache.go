package linkcheck

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	"backstory/internal/safefile"
)

// Cache keeps results for a while in a JSON file (in the user's cache
// folder, see DefaultCachePath), so that checking again soon after asks
// no server twice. A nil *Cache keeps nothing.
type Cache struct {
	path string
	ttl  time.Duration
	now  func() time.Time

	mu      sync.Mutex
	results map[string]Result
	changed bool
}

// DefaultCachePath is backstory/links.json in the user's cache folder.
func DefaultCachePath() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "backstory", "links.json"), nil
}

// OpenCache reads the cache at path (none yet is an empty cache); results
// older than ttl are forgotten. A cache that does not read is started
// afresh: it only saves time.
func OpenCache(path string, ttl time.Duration) *Cache {
	c := &Cache{path: path, ttl: ttl, now: time.Now, results: map[string]Result{}}
	data, err := os.ReadFile(path)
	if err != nil {
		return c
	}
	var list []Result
	if json.Unmarshal(data, &list) != nil {
		return c
	}
	for _, r := range list {
		if c.fresh(r) {
			c.results[r.URL] = r
		}
	}
	return c
}

func (c *Cache) fresh(r Result) bool {
	age := c.now().Sub(r.Checked)
	return age >= 0 && age < c.ttl
}

// Get returns the result for u checked less than the ttl ago.
func (c *Cache) Get(u string) (Result, bool) {
	if c == nil {
		return Result{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.results[u]
	if !ok || !c.fresh(r) {
		return Result{}, false
	}
	return r, true
}

// Put keeps r.
func (c *Cache) Put(r Result) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.results[r.URL] = r
	c.changed = true
}

// Save writes the cache back, atomically, if anything was added.
func (c *Cache) Save() error {
	if c == nil || !c.changed {
		return nil
	}
	c.mu.Lock()
	list := make([]Result, 0, len(c.results))
	for _, r := range c.results {
		if c.fresh(r) {
			list = append(list, r)
		}
	}
	c.mu.Unlock()
	data, err := json.Marshal(list)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(c.path), 0o755); err != nil {
		return err
	}
	return safefile.Write(c.path, data, true)
}

// snapshot asks the Wayback Machine's availability API for the closest
// archived copy of u, and returns its address, or "".
func (c *Checker) snapshot(ctx context.Context, u string) string {
	if c.ArchiveAPI == "" {
		return ""
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), c.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.ArchiveAPI+"?url="+url.QueryEscape(u), nil)
	if err != nil {
		return ""
	}
	resp, err := c.Client.Do(req)
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	var answer struct {
		ArchivedSnapshots struct {
			Closest struct {
				Available bool   `json:"available"`
				URL       string `json:"url"`
				Status    string `json:"status"`
			} `json:"closest"`
		} `json:"archived_snapshots"`
	}
	if resp.StatusCode != http.StatusOK || json.NewDecoder(io.LimitReader(resp.Body, c.MaxBody)).Decode(&answer) != nil {
		return ""
	}
	if cl := answer.ArchivedSnapshots.Closest; cl.Available && cl.URL != "" {
		return cl.URL
	}
	return ""
}
