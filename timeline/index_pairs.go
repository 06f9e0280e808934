package timeline

import (
	"cmp"
	"hash/maphash"
	"slices"
	"strings"
)

// Phrases of common words. "of the" is in most events, and "of" and
// "the" in nearly all, so narrowing a phrase by its words and by the
// filter of token pairs leaves most events to read. For the tokens most
// events hold ("of", "the", "and", "in"), the index lists exactly which
// events hold two of them side by side with one space between, so that a
// phrase of two common words is answered without reading an event, and a
// longer one is narrowed to the events where each two of its words are
// side by side.
//
// Which tokens are common is decided from a sample of the events before
// the index is built (sampleCommon). It bears on speed only: a pair that
// is not of two common tokens is found as before, by the filter of token
// pairs and reading.

// commonPairs is the index of pairs of common tokens.
type commonPairs struct {
	ids  map[string]uint16 // each common token's number
	keys []uint32          // the pairs listed, in order (a*len(ids)+b)
	post []byte            // each pair's events, as varint gaps
	at   []uint32          // pair keys[k]'s events are post[at[k]:at[k+1]]
	few  eventBits         // the pairs too few events hold to be listed (by number, not event)
}

const (
	maxCommon    = 255  // the most common tokens (so that a pair fits in 16 bits)
	commonSample = 1024 // the most events the sample reads
	commonShare  = 20   // a common token is in one sampled event in this many or more
	fewPair      = 200  // a pair held by fewer than one event in this many is not listed
)

// sampleCommon returns the common tokens of texts, read from a sample of
// them: those in one sampled event in commonShare or more, the
// maxCommon most frequent at most.
func sampleCommon(texts []eventText) commonPairs {
	step := max(1, len(texts)/commonSample)
	type seen struct{ events, last int } // how many sampled events hold a token, the last that did
	tokens := map[string]int{}           // each token's place in counts
	var counts []seen
	sampled := 0
	for i := 0; i < len(texts); i += step {
		sampled++
		s := texts[i].all()
		for j := 0; j < len(s); {
			start, end := nextToken(s, j)
			if start == end {
				break
			}
			j = end
			k, ok := tokens[s[start:end]]
			if !ok {
				k = len(counts)
				tokens[s[start:end]] = k
				counts = append(counts, seen{})
			}
			if c := &counts[k]; c.last != sampled {
				c.last = sampled
				c.events++
			}
		}
	}
	count := func(tok string) int { return counts[tokens[tok]].events }
	var common []string
	for tok, k := range tokens {
		if n := counts[k].events; n*commonShare >= sampled && n > 1 {
			common = append(common, tok)
		}
	}
	slices.SortFunc(common, func(a, b string) int {
		return cmp.Or(cmp.Compare(count(b), count(a)), strings.Compare(a, b))
	})
	cp := commonPairs{ids: map[string]uint16{}}
	for k, tok := range common[:min(len(common), maxCommon)] {
		cp.ids[strings.Clone(tok)] = uint16(k) // (not the text's bytes)
	}
	return cp
}

// pairs returns how many pairs of common tokens there are.
func (cp *commonPairs) pairs() int { return len(cp.ids) * len(cp.ids) }

// pair returns the number of the pair of common tokens a, b.
func (cp *commonPairs) pair(a, b uint16) uint32 {
	return uint32(a)*uint32(len(cp.ids)) + uint32(b)
}

// keep keeps, of the lists buildPostings wrote for every pair of events
// of n, those of the pairs one event in fewPair or more holds: a pair
// fewer hold is found as any phrase is, and its list would cost more
// memory by the event than those kept.
func (cp *commonPairs) keep(n int) func(post []byte, at []uint32) {
	return func(post []byte, at []uint32) {
		cp.few = newEventBits(len(at) - 1)
		size := 0
		for p := range len(at) - 1 {
			list := post[at[p]:at[p+1]]
			if len(list) == 0 {
				continue
			}
			if events := len(list) - bytesWithHighBit(list); events*fewPair < n {
				cp.few.set(p)
				continue
			}
			cp.keys = append(cp.keys, uint32(p))
			cp.at = append(cp.at, uint32(size))
			size += len(list)
		}
		cp.at = append(cp.at, uint32(size))
		cp.post = make([]byte, 0, size)
		for _, p := range cp.keys {
			cp.post = append(cp.post, post[at[p]:at[p+1]]...)
		}
		cp.keys, cp.at = slices.Clip(cp.keys), slices.Clip(cp.at)
	}
}

// bytesWithHighBit counts the bytes of a list of varints that are not
// the last of theirs.
func bytesWithHighBit(list []byte) int {
	n := 0
	for _, c := range list {
		n += int(c >> 7)
	}
	return n
}

// addPair adds to set the events that hold common tokens a and b side by
// side with a space between, and reports whether they are listed: a pair
// few events hold is not.
func (cp *commonPairs) addPair(set eventBits, a, b uint16) bool {
	if k, ok := slices.BinarySearch(cp.keys, cp.pair(a, b)); ok {
		addPosting(set, cp.post[cp.at[k]:cp.at[k+1]])
		return true
	}
	return cp.isListed(a, b)
}

// isListed reports whether the pair of common tokens a, b is listed (or
// held by no event).
func (cp *commonPairs) isListed(a, b uint16) bool {
	p := cp.pair(a, b)
	return cp.few[p>>6]&(1<<(p&63)) == 0
}

// sideBySide narrows cand, the events that hold a token of left and a
// token of right, to those where the two may be side by side: known are
// those where they are, with one space between (when spaced, the
// phrase's two words have one space between), and unsure those where a
// pair of tokens not both common may be, by the filter of token pairs.
func (ix *wordIndex) sideBySide(cand eventBits, left, right []int, spaced bool) (known, unsure eventBits) {
	known = newEventBits(len(ix.flags))
	unsure = newEventBits(len(ix.flags))
	commonIn := func(tokens []int) map[int]uint16 {
		ids := map[int]uint16{}
		for _, t := range tokens {
			if c, ok := ix.common.ids[ix.tokenText(t)]; ok && spaced {
				ids[t] = c
			}
		}
		return ids
	}
	cl, cr := commonIn(left), commonIn(right)
	listed := 0
	notListed := map[int]bool{} // common tokens with a pair not listed
	for a, ca := range cl {
		for b, cb := range cr {
			if ix.common.addPair(known, ca, cb) {
				listed++
			} else {
				notListed[a], notListed[b] = true, true
			}
		}
	}
	known.and(cand)
	rest := len(left)*len(right) - listed // the pairs the index does not list
	if rest == 0 {
		return known, unsure
	}
	copy(unsure, cand)
	unsure.andNot(known)
	// only the events with a token of a pair not listed: those of the
	// side whose lists are shorter
	inRest := func(t int, c map[int]uint16, other, otherCommon int) bool {
		_, common := c[t]
		return !common || notListed[t] || otherCommon < other
	}
	var restLeft, restRight []int
	for _, t := range left {
		if inRest(t, cl, len(right), len(cr)) {
			restLeft = append(restLeft, t)
		}
	}
	for _, t := range right {
		if inRest(t, cr, len(left), len(cl)) {
			restRight = append(restRight, t)
		}
	}
	// (cand holds a token of each side already: narrowing by a side all
	// of whose tokens are in such pairs would keep every event)
	var side []int
	switch narrowLeft, narrowRight := len(restLeft) < len(left), len(restRight) < len(right); {
	case narrowLeft && narrowRight && ix.postingSize(restRight) < ix.postingSize(restLeft):
		side = restRight
	case narrowLeft:
		side = restLeft
	case narrowRight:
		side = restRight
	}
	if side != nil {
		with := newEventBits(len(ix.flags))
		for _, t := range side {
			ix.addToken(with, t)
		}
		unsure.and(with)
	}
	if rest > maxPairs {
		return known, unsure
	}
	var hashes [][2]uint64
	for _, a := range left {
		for _, b := range right {
			ca, aCommon := cl[a]
			cb, bCommon := cr[b]
			if !aCommon || !bCommon || !ix.common.isListed(ca, cb) {
				hashes = append(hashes, [2]uint64{maphash.String(ix.seed, ix.tokenText(a)), maphash.String(ix.seed, ix.tokenText(b))})
			}
		}
	}
	unsure.each(func(i int) {
		f := ix.pairs[ix.pairAt[i]:ix.pairAt[i+1]]
		for _, p := range hashes {
			b1, b2 := pairBits(p[0], p[1], len(f))
			if f[b1>>6]&(1<<(b1&63)) != 0 && f[b2>>6]&(1<<(b2&63)) != 0 {
				return
			}
		}
		unsure[i>>6] &^= 1 << (i & 63) // no two tokens side by side
	})
	return known, unsure
}

// postingSize returns the size of the lists of events of tokens.
func (ix *wordIndex) postingSize(tokens []int) int {
	n := 0
	for _, t := range tokens {
		n += int(ix.at[t+1] - ix.at[t])
	}
	return n
}
