package timeline

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The grammar of a query, as in Gmail: OR binds tighter than the implicit
// AND between terms, so "schaaf person:homan OR person:sessions" is schaaf
// AND (homan OR sessions).
//
//	query  = { either }              every one holds
//	either = unit { "OR" unit }      one of them holds
//	unit   = term | [ "-" ] "(" query ")"
//
// OR is an operator only in capitals and unquoted; "or" and "OR" in
// quotes are words. A '(' opens a group at the start of a token (after a
// '-', which negates the group); an unquoted ')' closes one wherever it is.

// queryNode is a node of a parsed query: a term, or a group of nodes all
// of which (AND) or one of which (OR) must hold.
type queryNode struct {
	op   queryOp
	neg  bool      // a group: -( … ); a term carries its own neg
	term queryTerm // opTerm
	kids []*queryNode
}

type queryOp uint8

const (
	opTerm queryOp = iota
	opAnd
	opOr
)

// queryLexeme is one item of a query: a term's token, a parenthesis or OR.
type queryLexeme struct {
	kind lexKind
	neg  bool // lexOpen: "-("
	tok  queryToken
	text string // as typed, for messages
}

type lexKind uint8

const (
	lexTerm lexKind = iota
	lexOpen
	lexClose
	lexOr
)

// maxQueryDepth bounds how deeply groups nest, so that a pasted wall of
// parentheses cannot exhaust the stack.
const maxQueryDepth = 100

// ParseQuery reads a query (see Query). An empty query, or one of only
// spaces, a lone '-' or "", matches every event. On a malformed query
// ParseQuery returns the zero Query, which filters nothing, and an error
// that says what to fix.
func ParseQuery(s string) (Query, error) {
	lexemes, err := lexQuery(s)
	if err != nil {
		return Query{}, err
	}
	p := queryParser{lx: lexemes}
	root, err := p.all(0)
	if err == nil && p.i < len(p.lx) {
		err = errors.New(`unmatched ")": remove it, or open the group with "("`)
	}
	if err != nil {
		// Messages quote what was typed: keep them to one harmless line.
		return Query{}, errors.New(HarmlessLine(err.Error()))
	}
	var q Query
	q.root = root
	root.walk(func(n *queryNode) {
		if n.op == opTerm {
			q.terms = append(q.terms, n.term)
		}
	})
	return q, nil
}

// lexQuery cuts a query into lexemes.
func lexQuery(s string) ([]queryLexeme, error) {
	var out []queryLexeme
	for i := 0; ; {
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += size
		}
		if i >= len(s) {
			return out, nil
		}
		switch {
		case s[i] == '(':
			out = append(out, queryLexeme{kind: lexOpen, text: "("})
			i++
			continue
		case strings.HasPrefix(s[i:], "-("):
			out = append(out, queryLexeme{kind: lexOpen, neg: true, text: "-("})
			i += 2
			continue
		case s[i] == ')':
			out = append(out, queryLexeme{kind: lexClose, text: ")"})
			i++
			continue
		}
		tok, next, err := lexQueryToken(s, i)
		if err != nil {
			return nil, err
		}
		text := s[i:next]
		i = next
		if text == "OR" {
			out = append(out, queryLexeme{kind: lexOr, text: text})
			continue
		}
		out = append(out, queryLexeme{kind: lexTerm, tok: tok, text: text})
	}
}

type queryParser struct {
	lx    []queryLexeme
	i     int
	terms int // terms read so far that say something
}

// all reads units and ORs up to a ')' or the end: the nodes that must all
// hold. nil means the query says nothing (every event matches).
func (p *queryParser) all(depth int) (*queryNode, error) {
	if depth > maxQueryDepth {
		return nil, fmt.Errorf("groups nested more than %d deep", maxQueryDepth)
	}
	and := &queryNode{op: opAnd}
	for p.i < len(p.lx) && p.lx[p.i].kind != lexClose {
		n, err := p.either(depth)
		if err != nil {
			return nil, err
		}
		and.add(n)
	}
	return and.simplify(), nil
}

// either reads a unit and the units ORed to it.
func (p *queryParser) either(depth int) (*queryNode, error) {
	if p.lx[p.i].kind == lexOr {
		return nil, errors.New("OR needs a term before it (to search for the word, quote it: \"OR\")")
	}
	first, err := p.unit(depth)
	if err != nil {
		return nil, err
	}
	if p.i >= len(p.lx) || p.lx[p.i].kind != lexOr {
		return first, nil
	}
	or := &queryNode{op: opOr}
	or.add(first)
	for p.i < len(p.lx) && p.lx[p.i].kind == lexOr {
		p.i++
		if p.i >= len(p.lx) || p.lx[p.i].kind == lexClose || p.lx[p.i].kind == lexOr {
			return nil, errors.New("OR needs a term after it (to search for the word, quote it: \"OR\")")
		}
		n, err := p.unit(depth)
		if err != nil {
			return nil, err
		}
		or.add(n)
	}
	return or.simplify(), nil
}

// unit reads a term or a group.
func (p *queryParser) unit(depth int) (*queryNode, error) {
	lx := p.lx[p.i]
	p.i++
	if lx.kind != lexOpen {
		t, ok, err := lx.tok.term()
		if err != nil || !ok {
			return nil, err
		}
		p.terms++
		return &queryNode{op: opTerm, term: t}, nil
	}
	before := p.terms
	inner, err := p.all(depth + 1)
	if err != nil {
		return nil, err
	}
	if p.i >= len(p.lx) {
		return nil, fmt.Errorf(`unclosed %q: close the group with ")"`, lx.text)
	}
	p.i++ // the ')'
	if p.terms == before {
		return nil, fmt.Errorf(`empty group %q: put terms inside, or remove it`, lx.text+")")
	}
	if inner == nil { // it holds for every event: "(a OR -)"
		if lx.neg {
			return nil, errors.New("a negated group that holds for every event keeps none: remove it")
		}
		return nil, nil
	}
	if lx.neg {
		inner.negate()
	}
	return inner, nil
}

// add appends n to the group g; a group of the same kind is merged in,
// and nil (a term that says nothing) is left out of an AND and makes an
// OR hold always.
func (g *queryNode) add(n *queryNode) {
	switch {
	case n == nil && g.op == opOr:
		g.kids = append(g.kids, nil)
	case n == nil:
	case n.op == g.op && !n.neg:
		g.kids = append(g.kids, n.kids...)
	default:
		g.kids = append(g.kids, n)
	}
}

// simplify returns g without needless structure: nil for an AND of
// nothing or an OR that always holds, the one node of a group of one.
func (g *queryNode) simplify() *queryNode {
	if g.op == opOr && len(g.kids) > 0 {
		for _, k := range g.kids {
			if k == nil {
				return nil
			}
		}
	}
	switch len(g.kids) {
	case 0:
		return nil
	case 1:
		return g.kids[0]
	}
	return g
}

// negate turns n into its negation: a term's own neg, a group's neg.
func (n *queryNode) negate() {
	if n.op == opTerm {
		n.term.neg = !n.term.neg
		return
	}
	n.neg = !n.neg
}

// walk calls fn with n and every node under it, in the order typed.
func (n *queryNode) walk(fn func(*queryNode)) {
	if n == nil {
		return
	}
	fn(n)
	for _, k := range n.kids {
		k.walk(fn)
	}
}

// flat reports whether the query is terms that must all hold, with no OR
// and no group.
func (q Query) flat() bool {
	if q.root == nil || q.root.op == opTerm {
		return true
	}
	if q.root.op != opAnd || q.root.neg {
		return false
	}
	for _, k := range q.root.kids {
		if k.op != opTerm {
			return false
		}
	}
	return true
}

// String returns the query in canonical form: terms in the order typed,
// separated by single spaces, field names and is:/has:/claim: values
// lower-case, values quoted only where needed, OR between alternatives
// and parentheses only where a group needs them. ParseQuery reads it back
// to the same query.
func (q Query) String() string {
	var b strings.Builder
	q.root.write(&b, false)
	return b.String()
}

// write writes n; inOr says n is an alternative of an OR, where an AND
// needs parentheses.
func (n *queryNode) write(b *strings.Builder, inOr bool) {
	if n == nil {
		return
	}
	if n.op == opTerm {
		t := n.term
		if t.neg {
			b.WriteByte('-')
		}
		if t.name != "" {
			b.WriteString(t.name)
			b.WriteByte(':')
		}
		b.WriteString(quoteQueryValue(t.value, t.name == ""))
		return
	}
	paren := n.neg || (inOr && n.op == opAnd)
	if n.neg {
		b.WriteByte('-')
	}
	if paren {
		b.WriteByte('(')
	}
	sep := " "
	if n.op == opOr {
		sep = " OR "
	}
	for i, k := range n.kids {
		if i > 0 {
			b.WriteString(sep)
		}
		k.write(b, n.op == opOr)
	}
	if paren {
		b.WriteByte(')')
	}
}

// Words returns the values of the text terms that must be found (plain
// words, phrases, and tag:, person:, place: and source: values, not
// negated, even by a group) as typed, with runs of spaces made single,
// for highlighting what matched. Compare them folded (see Fold).
func (q Query) Words() []string {
	var words []string
	seen := map[string]bool{}
	var visit func(n *queryNode, neg bool)
	visit = func(n *queryNode, neg bool) {
		if n == nil {
			return
		}
		if n.op == opTerm {
			t := n.term
			if t.kind == qtermText && t.neg == neg && !seen[t.value] {
				seen[t.value] = true
				words = append(words, t.value)
			}
			return
		}
		for _, k := range n.kids {
			visit(k, neg != n.neg)
		}
	}
	visit(q.root, false)
	return words
}

// Check reports a links: term whose id no event of c has, with the
// closest id there is: a query error, since it would keep nothing.
func (q Query) Check(c *Chronology) error {
	for _, t := range q.terms {
		if t.kind != qtermLinks || c == nil || c.queryEvent(t.value) != nil {
			continue
		}
		return errors.New(HarmlessLine(fmt.Sprintf("links:%s: no event has that id%s", t.value, SuggestID(strings.ToLower(t.value), c))))
	}
	return nil
}

// queryEvent is the event whose id is id, its case aside, or nil.
func (c *Chronology) queryEvent(id string) *Event {
	if e := c.byID[id]; e != nil {
		return e
	}
	for _, e := range c.Events {
		if e != nil && sameQueryID(e.ID, id) {
			return e
		}
	}
	return nil
}

// QueryHelp is the query language in a few lines, for -h and the help.
var QueryHelp = []string{
	`Query: words must all match (any case or accent); "a phrase"; -word leaves out.`,
	`  A OR B keeps either (OR binds tighter than the spaces); ( … ) groups; -( … ) negates.`,
	`  tag:X person:X place:X source:X · from:DATE to:DATE year:YYYY (DATE: YYYY[-MM[-DD]])`,
	`  is:unsourced|disputed|unverified|approximate · has:claim|source|link`,
	`  claim:verified|unverified|disputed|false · links:ID (the event and its links)`,
}
