package timeline

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestClaimStatusesApart: every status has its own symbol and badge, one
// cell wide, so that statuses stay apart without colour (NO_COLOR, a
// terminal without colours, a printout).
func TestClaimStatusesApart(t *testing.T) {
	symbols, badges := map[string]ClaimStatus{}, map[string]ClaimStatus{}
	for _, s := range ClaimStatuses {
		sym, badge := s.Symbol(), s.Badge()
		if ansi.StringWidth(sym) != 1 {
			t.Errorf("%s: symbol %q is %d cells wide", s, sym, ansi.StringWidth(sym))
		}
		if other, dup := symbols[sym]; dup {
			t.Errorf("%s and %s share the symbol %q", s, other, sym)
		}
		if other, dup := badges[badge]; dup {
			t.Errorf("%s and %s share the badge %q", s, other, badge)
		}
		symbols[sym], badges[badge] = s, s
	}
	want := map[ClaimStatus]string{Verified: "✓ VERIFIED", Unverified: "○ UNVERIFIED", Disputed: "! DISPUTED", False: "✗ FALSE"}
	for s, w := range want {
		if g := s.Badge(); g != w {
			t.Errorf("%s: badge %q, want %q", s, g, w)
		}
	}
}

func TestEventFlag(t *testing.T) {
	tests := []struct {
		statuses []ClaimStatus
		want     ClaimStatus
	}{
		{nil, ""},
		{[]ClaimStatus{Verified}, ""},
		{[]ClaimStatus{Verified, Unverified}, Unverified},
		{[]ClaimStatus{Unverified, Disputed, Unverified}, Disputed},
		{[]ClaimStatus{Disputed, False, Verified}, False},
		{[]ClaimStatus{False, Unverified}, False},
	}
	for _, tt := range tests {
		e := &Event{}
		for _, s := range tt.statuses {
			e.Claims = append(e.Claims, Claim{Text: "x", Status: s})
		}
		if g := e.Flag(); g != tt.want {
			t.Errorf("%v: Flag() = %q, want %q", tt.statuses, g, tt.want)
		}
	}
}

func TestClaimEvidence(t *testing.T) {
	tests := []struct {
		sources []int
		want    string
	}{
		{nil, ""},
		{[]int{2}, "(source 2)"},
		{[]int{1, 3}, "(sources 1, 3)"},
	}
	for _, tt := range tests {
		if g := (Claim{Sources: tt.sources}).Evidence(); g != tt.want {
			t.Errorf("%v: Evidence() = %q, want %q", tt.sources, g, tt.want)
		}
	}
}
