package timeline

import (
	"encoding/binary"
	"hash/maphash"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// The word index answers a search without reading every event's text.
//
// An event's searchable text (eventText.all, already folded) is cut into
// tokens: maximal runs of word characters (ASCII letters and digits, and
// other letters, digits and marks). A term made only of word characters
// is found in the text exactly when some token contains it, so the events
// that hold it are those of the tokens that contain it: a search of the
// list of distinct tokens (the vocabulary, a few megabytes) and a union of
// their lists of events, with no false match. A term of one ASCII
// character is answered from each event's set of ASCII characters. Any
// other term (a phrase, "u.s.", "10:30") is narrowed to the events whose
// tokens could hold its pieces, and those are then read; a phrase of two
// common words ("of the") is answered from the list of events that hold
// them side by side (see index_pairs.go).

// wordIndex is the index of a chronology's events, by Event.Index.
type wordIndex struct {
	vocab  string      // every token once, each followed by a NUL, and a NUL first
	starts []uint32    // where each token starts in vocab, in order
	post   []byte      // each token's events: varint gaps between indexes
	at     []uint32    // token t's events are post[at[t]:at[t+1]]
	ascii  [][2]uint64 // each event's ASCII characters, as bits
	bytes  [256]uint64 // how often each byte is in a sample of the text
	// pairs holds, for each event, a Bloom filter of its pairs of
	// adjacent tokens (see pairBits), event i's in pairs[pairAt[i]:
	// pairAt[i+1]]: it narrows a phrase to the events where its words may
	// be side by side
	pairs  []uint64
	pairAt []uint32
	seed   maphash.Seed
	// common lists the events that hold two common tokens side by side
	common commonPairs
	// what is:, has: and date terms read, for each event
	flags       []uint16
	first, last []Day
}

// The flags of an event, for is: and has:.
const (
	flagUnsourced uint16 = 1 << iota
	flagDisputed
	flagUnverified
	flagApproximate
	flagClaim
	flagSource
	flagLink
	flagVerified     // a claim is verified
	flagDisputedOnly // a claim is disputed (not false)
	flagFalse        // a claim is false
)

func eventFlags(e *Event) uint16 {
	var f uint16
	for _, cl := range e.Claims {
		switch cl.Status {
		case Verified:
			f |= flagVerified
		case Disputed:
			f |= flagDisputedOnly
		case False:
			f |= flagFalse
		}
	}
	if e.Unsourced() {
		f |= flagUnsourced
	}
	if e.Disputed() {
		f |= flagDisputed
	}
	if e.HasUnverified() {
		f |= flagUnverified
	}
	if e.Approximate {
		f |= flagApproximate
	}
	if len(e.Claims) > 0 {
		f |= flagClaim
	}
	if len(e.Sources) > 0 {
		f |= flagSource
	}
	if len(e.Links) > 0 || len(e.Backlinks) > 0 {
		f |= flagLink
	}
	return f
}

// asciiBits is the bit of each ASCII byte in an event's set of them.
var asciiBits = func() (t [256][2]uint64) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c][c>>6] = 1 << (c & 63)
	}
	return t
}()

// isWordByte reports whether an ASCII byte is a word character.
var isWordByte = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isWordByte[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// nextToken returns the first token of s at or after byte i, as [start,
// end), or start == len(s) when there is none.
func nextToken(s string, i int) (start, end int) {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if isWordByte[c] {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			break
		}
		i += size
	}
	start = i
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !isWordByte[c] {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			break
		}
		i += size
	}
	return start, i
}

// pairFilterWords returns the size in words of the filter of token pairs
// of a text of n bytes: about 8 bits a token, of which an event's pairs
// set about a fifth, so that one pair of tokens is wrongly found in about
// one event in twenty.
func pairFilterWords(n int) int { return min(max(n/48, 1), 64) }

// pairBits returns the two bits set, in a filter of words words, by the
// pair of tokens whose hashes are a and b.
func pairBits(a, b uint64, words int) (uint32, uint32) {
	h := (a*0x9e3779b97f4a7c15 ^ b) * 0xff51afd7ed558ccd
	h ^= h >> 29
	return uint32(h) % uint32(words*64), uint32(h>>32) % uint32(words*64)
}

// indexRange is what was found in a range of events: the tokens of each
// event, by the number the goroutine that read it gave them.
type indexRange struct {
	worker int
	ids    []uint32 // each event's distinct tokens, one event after another
	ends   []uint32 // where each event's tokens end in ids
	// each event's pairs of common tokens side by side (commonPairs.pair)
	pairs    []uint16
	pairEnds []uint32 // where each event's pairs end in pairs
}

// tokenDict numbers the tokens one goroutine meets. Its keys are copied
// into small blocks of their own, so that looking one up does not reach
// into the whole text.
type tokenDict struct {
	ids    map[string]uint32
	tokens []string
	hashes []uint64 // each token's hash
	seen   []int32  // the last event each token was seen in
	common []int32  // each token's number among the common ones, or -1
	block  []byte
}

func (d *tokenDict) id(tok string, seed maphash.Seed, common map[string]uint16) uint32 {
	if id, ok := d.ids[tok]; ok {
		return id
	}
	if len(tok) > cap(d.block)-len(d.block) {
		d.block = make([]byte, 0, max(64<<10, len(tok)))
	}
	start := len(d.block)
	d.block = append(d.block, tok...)
	key := unsafe.String(&d.block[start], len(tok))
	id := uint32(len(d.tokens))
	d.ids[key] = id
	d.tokens = append(d.tokens, key)
	d.hashes = append(d.hashes, maphash.String(seed, key))
	d.seen = append(d.seen, -1)
	c := int32(-1)
	if k, ok := common[key]; ok {
		c = int32(k)
	}
	d.common = append(d.common, c)
	return id
}

// buildWordIndex indexes the events (texts[i] is the text of evs[i]).
func buildWordIndex(evs []*Event, texts []eventText) *wordIndex {
	n := len(evs)
	ix := &wordIndex{
		ascii:  make([][2]uint64, n),
		pairAt: make([]uint32, n+1),
		seed:   maphash.MakeSeed(),
		flags:  make([]uint16, n),
		first:  make([]Day, n),
		last:   make([]Day, n),
	}
	for i := range texts {
		ix.pairAt[i+1] = ix.pairAt[i] + uint32(pairFilterWords(len(texts[i].all())))
	}
	ix.pairs = make([]uint64, ix.pairAt[n])
	ix.common = sampleCommon(texts)
	numCommon := uint32(len(ix.common.ids))
	const rangeSize = 2048
	ranges := make([]indexRange, (n+rangeSize-1)/rangeSize)
	workers := min(runtime.GOMAXPROCS(0), len(ranges))
	dicts := make([]tokenDict, workers)
	var next atomic.Int64
	var wg sync.WaitGroup
	var mu sync.Mutex
	for w := range workers {
		wg.Go(func() {
			d := &dicts[w]
			d.ids = map[string]uint32{}
			pairSeen := make([]int32, ix.common.pairs()) // the last event each pair was seen in
			for p := range pairSeen {
				pairSeen[p] = -1
			}
			var counts [256]uint64
			defer func() {
				mu.Lock()
				for c, n := range counts {
					ix.bytes[c] += n
				}
				mu.Unlock()
			}()
			for {
				r := int(next.Add(1) - 1)
				if r >= len(ranges) {
					return
				}
				lo, hi := r*rangeSize, min(n, (r+1)*rangeSize)
				size := 0
				for i := lo; i < hi; i++ {
					size += len(texts[i].all())
				}
				out := &ranges[r]
				out.worker = w
				out.ids = make([]uint32, 0, size/8)
				out.ends = make([]uint32, 0, hi-lo)
				for i := lo; i < hi; i++ {
					if e := evs[i]; e != nil {
						ix.flags[i] = eventFlags(e)
						ix.first[i], ix.last[i] = e.Span()
					}
					s := texts[i].all()
					var lo, hi uint64
					for j := 0; j < len(s); j++ {
						b := &asciiBits[s[j]]
						lo |= b[0]
						hi |= b[1]
					}
					ix.ascii[i] = [2]uint64{lo, hi}
					if i%16 == 0 { // (a sample is enough to tell rare bytes)
						for j := 0; j < len(s); j++ {
							counts[s[j]]++
						}
					}
					pairs := ix.pairs[ix.pairAt[i]:ix.pairAt[i+1]]
					var prev uint64
					prevCommon, prevEnd := int32(-1), 0
					for j, first := 0, true; j < len(s); first = false {
						start, end := nextToken(s, j)
						if start == end {
							break
						}
						j = end
						id := d.id(s[start:end], ix.seed, ix.common.ids)
						h := d.hashes[id]
						if !first {
							b1, b2 := pairBits(prev, h, len(pairs))
							pairs[b1>>6] |= 1 << (b1 & 63)
							pairs[b2>>6] |= 1 << (b2 & 63)
						}
						prev = h
						// two common tokens with one space between
						if c := d.common[id]; c >= 0 && prevCommon >= 0 && start == prevEnd+1 && s[prevEnd] == ' ' {
							if p := uint32(prevCommon)*numCommon + uint32(c); pairSeen[p] != int32(i) {
								pairSeen[p] = int32(i)
								out.pairs = append(out.pairs, uint16(p))
							}
						}
						prevCommon, prevEnd = d.common[id], end
						if d.seen[id] != int32(i) {
							d.seen[id] = int32(i)
							out.ids = append(out.ids, id)
						}
					}
					out.ends = append(out.ends, uint32(len(out.ids)))
					out.pairEnds = append(out.pairEnds, uint32(len(out.pairs)))
				}
			}
		})
	}
	wg.Wait()

	// one vocabulary, and each goroutine's numbers in it
	global := map[string]uint32{}
	var vocab strings.Builder
	vocab.WriteByte(0)
	var starts []uint32
	remap := make([][]uint32, workers)
	for w := range dicts {
		remap[w] = make([]uint32, len(dicts[w].tokens))
		for l, tok := range dicts[w].tokens {
			g, ok := global[tok]
			if !ok {
				g = uint32(len(starts))
				global[tok] = g
				starts = append(starts, uint32(vocab.Len()))
				vocab.WriteString(tok)
				vocab.WriteByte(0)
			}
			remap[w][l] = g
		}
		dicts[w] = tokenDict{}
	}
	global = nil
	// (copies with no room left over, which a builder and append leave)
	ix.vocab, ix.starts = strings.Clone(vocab.String()), slices.Clone(starts)

	// each token's events, in index order, as gaps: sized, then written
	each := func(fn func(t uint32, i int32)) {
		for r := range ranges {
			rg := &ranges[r]
			m := remap[rg.worker]
			from := uint32(0)
			for k, end := range rg.ends {
				i := int32(r*rangeSize + k)
				for _, id := range rg.ids[from:end] {
					fn(m[id], i)
				}
				from = end
			}
		}
	}
	// the lists of the tokens and of the pairs, one beside the other
	var lists sync.WaitGroup
	lists.Go(func() {
		ix.common.keep(n)(buildPostings(ix.common.pairs(), func(fn func(p uint32, i int32)) {
			for r := range ranges {
				rg := &ranges[r]
				from := uint32(0)
				for k, end := range rg.pairEnds {
					i := int32(r*rangeSize + k)
					for _, p := range rg.pairs[from:end] {
						fn(uint32(p), i)
					}
					from = end
				}
			}
		}))
	})
	ix.post, ix.at = buildPostings(len(starts), each)
	lists.Wait()
	return ix
}

// buildPostings writes the lists of events of keys keys: each calls fn
// with every key and event, events in index order, and each key's list is
// post[at[k]:at[k+1]], as varint gaps. It is sized first, then written.
func buildPostings(keys int, each func(fn func(k uint32, i int32))) (post []byte, at []uint32) {
	last := make([]int32, keys)
	for k := range last {
		last[k] = -1
	}
	at = make([]uint32, keys+1)
	each(func(k uint32, i int32) {
		at[k+1] += uint32(uvarintLen(uint64(i - last[k])))
		last[k] = i
	})
	for k := range keys {
		at[k+1] += at[k]
	}
	post = make([]byte, at[keys])
	fill := slices.Clone(at[:keys])
	for k := range last {
		last[k] = -1
	}
	each(func(k uint32, i int32) {
		fill[k] += uint32(binary.PutUvarint(post[fill[k]:], uint64(i-last[k])))
		last[k] = i
	})
	return post, at
}

func uvarintLen(x uint64) int {
	return (bits.Len64(x|1) + 6) / 7
}
