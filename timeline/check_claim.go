package timeline

import "slices"

// The check stage (see check.go): an [[event.claim]] table and the
// sources it rests on.

func (f *fileCheck) claim(m map[string]any, pos tablePos, owner label, i, nSources int) Claim {
	owner.sub, owner.subN = "claim", i+1
	t := table{f: f, m: m, pos: pos, label: owner}
	t.unknown(claimKeys)
	c := Claim{Text: t.str("text", true), Note: t.str("note", false)}
	status := t.line("status", true)
	c.Status = ClaimStatus(status)
	for _, known := range ClaimStatuses {
		if c.Status == known {
			c.Status = known // the constant's text, not the file's
		}
	}
	if status != "" && !slices.Contains(ClaimStatuses, c.Status) {
		t.errKey("status", "unknown status %q: use verified, unverified, disputed or false", status)
	}
	c.Sources = t.evidence(nSources)
	return c
}

// evidence reads a claim's sources = [1, 3]: numbers of the event's own
// sources, from 1, each once.
func (t table) evidence(nSources int) []int {
	arr, ok := t.array("sources", "an array of source numbers such as [1, 3]")
	if !ok {
		return nil
	}
	out := make([]int, 0, len(arr))
	var items itemFinder
	for i, x := range arr {
		n, ok := x.(int64)
		switch {
		case !ok:
			t.errItem(&items, "sources", i, "item %d must be a source number such as 1, not %s", i+1, typeName(x))
		case nSources == 0:
			t.errItem(&items, "sources", i, "there is no source %d: the event has none: add an [[event.source]] or remove the number", n)
		case nSources == 1 && n != 1:
			t.errItem(&items, "sources", i, "there is no source %d: the event has one source, number 1", n)
		case n < 1 || n > int64(nSources):
			t.errItem(&items, "sources", i, "there is no source %d: the event's sources are numbered 1 to %d", n, nSources)
		case slices.Contains(out, int(n)):
			t.errItem(&items, "sources", i, "source %d is named twice: remove one", n)
		default:
			out = append(out, int(n))
		}
	}
	return out
}
