// Package timeline is the domain of backstory: a chronology of events loaded
// from hand-edited TOML files, validated with exact diagnostics, queried and
// linked. It knows nothing of any user interface.
package timeline

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

// Chronology is a merged, validated set of events in chronological order.
type Chronology struct {
	// Title names the chronology (the first title found among its files).
	Title string
	// Description is Markdown shown as an overview.
	Description string
	// Eras are named spans of time, in file order.
	Eras []Era
	// Events are sorted by start date, coarser precision first on ties,
	// then by the order they were read.
	Events []*Event
	// Files are the files the chronology was read from, in order.
	Files []string

	byID   map[string]*Event
	search searchCache
}

// Era is a named span of time shown as a header in lists.
type Era struct {
	Title string
	Start Date
	End   Date
	Pos   Position
}

// Event is one dated entry of a chronology.
type Event struct {
	ID          string
	Date        Date
	End         Date // zero when the event is not a span
	DisplayDate string
	Approximate bool
	Title       string
	Summary     string
	Tags        []string
	People      []string
	Places      []string
	Links       []Link
	Body        string
	Sources     []Source
	Claims      []Claim
	Media       *Media // nil when the event has none

	// Backlinks are the links from other events to this one, in
	// chronological order of the linking event; computed once at load.
	Backlinks []Backlink
	// Pos is where the event's table starts in its file.
	Pos Position
	// Index is the event's position in Chronology.Events.
	Index int

	order int // read order across all files, for stable sorting
}

// Link points from one event to another, with an optional note saying why.
type Link struct {
	To   string
	Note string
}

// Backlink is a link seen from its target: From links here, with Note.
type Backlink struct {
	From string
	Note string
}

// Source is where a fact was published.
type Source struct {
	Title     string
	Publisher string
	URL       string
	Published Date // zero when unknown
	Quote     string
	// Archived is the address of an archived copy of the page
	// (the Wayback Machine's, say); "" when there is none.
	Archived string
	// URLPos is where the url's value is in its file, for messages
	// about the page (check --links); zero when unknown.
	URLPos Position
}

// Claim is a statement that a fact-checker rated.
type Claim struct {
	Text   string
	Status ClaimStatus
	Note   string
	// Sources are the numbers (from 1) of the event's sources that
	// support the rating: its evidence.
	Sources []int
}

// ClaimStatus is a fact-checker's rating of a claim.
type ClaimStatus string

// The claim statuses a file may use.
const (
	Verified   ClaimStatus = "verified"
	Unverified ClaimStatus = "unverified"
	Disputed   ClaimStatus = "disputed"
	False      ClaimStatus = "false"
)

// ClaimStatuses lists every valid status, in the order the format documents.
var ClaimStatuses = []ClaimStatus{Verified, Unverified, Disputed, False}

// Symbol is the status's mark, one cell wide and unlike the others, so
// that statuses stay apart without colour: ✓ verified, ○ unverified,
// ! disputed, ✗ false.
func (s ClaimStatus) Symbol() string {
	switch s {
	case Verified:
		return "✓"
	case Unverified:
		return "○"
	case Disputed:
		return "!"
	case False:
		return "✗"
	}
	return "·"
}

// Badge is the status as a reader sees it: its symbol and its word in
// capitals, "✗ FALSE".
func (s ClaimStatus) Badge() string {
	if s == "" {
		return s.Symbol() + " UNRATED"
	}
	return s.Symbol() + " " + strings.ToUpper(string(s))
}

// Evidence names the claim's sources, "(source 2)" or "(sources 1, 3)",
// or is "" when it names none.
func (c Claim) Evidence() string {
	if len(c.Sources) == 0 {
		return ""
	}
	nums := make([]string, len(c.Sources))
	for i, n := range c.Sources {
		nums[i] = strconv.Itoa(n)
	}
	word := "sources"
	if len(nums) == 1 {
		word = "source"
	}
	return "(" + word + " " + strings.Join(nums, ", ") + ")"
}

// Position is a place in a file. Line and Col are 1-based; 0 means unknown.
type Position struct {
	File string
	Line int
	Col  int
}

// Event returns the event with id, or nil.
func (c *Chronology) Event(id string) *Event {
	return c.byID[id]
}

// Len returns the number of events.
func (c *Chronology) Len() int { return len(c.Events) }

// Disputed reports whether any claim of the event is disputed or false.
func (e *Event) Disputed() bool {
	for _, cl := range e.Claims {
		if cl.Status == Disputed || cl.Status == False {
			return true
		}
	}
	return false
}

// Flag is the gravest status among the event's claims that a reader
// should be warned of: False, then Disputed, then Unverified; "" when
// every claim is verified, or there is none.
func (e *Event) Flag() ClaimStatus {
	var flag ClaimStatus
	for _, cl := range e.Claims {
		switch {
		case cl.Status == False:
			return False
		case cl.Status == Disputed:
			flag = Disputed
		case cl.Status == Unverified && flag == "":
			flag = Unverified
		}
	}
	return flag
}

// hasClaim reports whether a claim of the event has the status s.
func (e *Event) hasClaim(s ClaimStatus) bool {
	for _, cl := range e.Claims {
		if cl.Status == s {
			return true
		}
	}
	return false
}

// Unsourced reports whether the event has no source.
func (e *Event) Unsourced() bool { return len(e.Sources) == 0 }

// HasUnverified reports whether any claim of the event is unverified.
func (e *Event) HasUnverified() bool {
	for _, cl := range e.Claims {
		if cl.Status == Unverified {
			return true
		}
	}
	return false
}

// Span returns the first and last day the event covers.
func (e *Event) Span() (first, last Day) {
	first = e.Date.First()
	last = e.Date.Last()
	if !e.End.IsZero() {
		last = e.End.Last()
	}
	return first, last
}

// SuggestID returns " (did you mean "x"?)" for an id close to a mistyped
// one, or "".
func SuggestID(id string, c *Chronology) string { return suggestID(id, c.byID) }

// Nearest returns the event whose start is nearest to d (the earlier one on
// a tie), or nil when there are no events. After a reload it finds where an
// event that is gone used to be.
func (c *Chronology) Nearest(d Date) *Event {
	if len(c.Events) == 0 {
		return nil
	}
	i := sort.Search(len(c.Events), func(i int) bool { return Compare(c.Events[i].Date, d) >= 0 })
	switch {
	case i == len(c.Events):
		return c.Events[i-1]
	case i == 0:
		return c.Events[0]
	}
	before, after := c.Events[i-1], c.Events[i]
	if dayDistance(d, after.Date) < dayDistance(d, before.Date) {
		return after
	}
	return before
}

// dayDistance is how many days apart the first days of a and b are.
func dayDistance(a, b Date) int {
	ta := time.Date(a.Year, time.Month(max(a.Month, 1)), max(a.Day, 1), 0, 0, 0, 0, time.UTC)
	tb := time.Date(b.Year, time.Month(max(b.Month, 1)), max(b.Day, 1), 0, 0, 0, 0, time.UTC)
	d := ta.Sub(tb).Hours() / 24
	if d < 0 {
		d = -d
	}
	return int(d)
}

// The keys each table of the format knows, for unknown-key warnings.
var (
	topKeys    = []string{"title", "description", "era", "event"}
	eraKeys    = []string{"title", "start", "end"}
	eventKeys  = []string{"id", "date", "end", "display_date", "approximate", "title", "summary", "tags", "people", "places", "links", "body", "source", "claim", "media"}
	sourceKeys = []string{"title", "publisher", "url", "published", "quote", "archived"}
	claimKeys  = []string{"text", "status", "note", "sources"}
	linkKeys   = []string{"to", "note"}
)
