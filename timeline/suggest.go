package timeline

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

// One policy says when a word is a typo of another, for every
// suggestion: keys of the format, ids in links and on the command line,
// the commands, and the fields of a query.

// closest returns the candidate nearest to word, but exclude, when it is
// near enough to be a typo of it: two edits at most, one for a word of
// four characters or fewer ("meta" is not "era"), case aside. Of two as
// near, the first in alphabetical order is chosen, so the answer does not
// depend on the order of the candidates. "" when none is near.
func closest(word string, candidates iter.Seq[string], exclude string) string {
	word = strings.ToLower(word)
	maxD := 3 // (a distance below it)
	if len([]rune(word)) <= 4 {
		maxD = 2
	}
	best, bestD := "", maxD
	for cand := range candidates {
		if cand == exclude {
			continue
		}
		// the cap one above the best keeps ties exact
		if d := levenshtein(word, strings.ToLower(cand), bestD+1); d < bestD || (d == bestD && best != "" && cand < best) {
			best, bestD = cand, d
		}
	}
	return best
}

// Closest returns the word of known nearest to k when it is near enough to
// be a typo of it ("tittle" for "title", "chek" for "check"), or "".
func Closest(k string, known []string) string { return closest(k, slices.Values(known), "") }

// closestID returns the id of ids closest to id, but exclude, if one is
// close enough to be a typo of it, else "". Past 10,000 ids none is
// looked for.
func closestID(id string, ids map[string]*Event, exclude string) string {
	if len(ids) > 10000 {
		return ""
	}
	return closest(id, maps.Keys(ids), exclude)
}

// suggestID offers a close existing id for a mistyped one: " (did you
// mean "x"?)", or "".
func suggestID(id string, ids map[string]*Event) string {
	return didYouMean(closestID(id, ids, ""))
}

func didYouMean(id string) string {
	if id == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", id)
}

// suggester offers close ids for the missing ids of links: once for each
// missing id, however many links name it, and only while the comparisons
// stay under suggestBudget, so that many missing ids among many events
// cost no more than a moment. The event's own id is never offered: its
// link to itself would be no better.
type suggester struct {
	ids   map[string]*Event
	memo  map[string]string // the closest id to each missing one, or ""
	spent int
	// others are the closest ids but the linking event's own, where its
	// own is the closest, by missing id and own id
	others map[[2]string]string
}

// suggestBudget is how many id comparisons the suggestions of one load may
// make: a quarter of a second's worth at worst (about 100 ns each).
const suggestBudget = 2_000_000

// suggest returns " (did you mean "x"?)" for id, linked to by the event
// self, or "".
func (s *suggester) suggest(id, self string) string {
	best, ok := s.memo[id]
	if !ok {
		best = s.closest(id, "")
		s.memo[id] = best
	}
	if best != "" && best == self {
		key := [2]string{id, self}
		if best, ok = s.others[key]; !ok {
			best = s.closest(id, self)
			if s.others == nil {
				s.others = map[[2]string]string{}
			}
			s.others[key] = best
		}
	}
	return didYouMean(best)
}

// closest returns the id closest to id but exclude, or "" when none is
// close or the budget is spent.
func (s *suggester) closest(id, exclude string) string {
	if s.spent+len(s.ids) > suggestBudget {
		return ""
	}
	s.spent += len(s.ids)
	return closestID(id, s.ids, exclude)
}

// levenshtein is the edit distance of a and b, two neighbours swapped
// counting as one edit ("jsno" is one from "json"; the optimal string
// alignment distance), or max when it is at least max.
func levenshtein(a, b string, max int) int {
	if d := len(a) - len(b); d >= max || -d >= max {
		return max
	}
	before := make([]int, len(b)+1) // the row before prev
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	prevMin := 0
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], before[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		// a row can only drop below max through the two rows above it
		if rowMin >= max && prevMin >= max {
			return max
		}
		prevMin = rowMin
		before, prev, cur = prev, cur, before
	}
	return min(prev[len(b)], max)
}
