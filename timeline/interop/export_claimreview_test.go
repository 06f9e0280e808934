package interop

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"backstory/timeline"
)

// TestClaimReviewRequired: every claim of the built-in chronology becomes
// one ClaimReview with what Google's ClaimReview documentation requires
// (claimReviewed, reviewRating with alternateName, url) and recommends
// (author, datePublished, itemReviewed as a Claim with its appearance:
// here the claim's evidence), on the documented 1–4 scale.
func TestClaimReviewRequired(t *testing.T) {
	data, err := os.ReadFile("../../events.toml")
	if err != nil {
		t.Fatal(err)
	}
	c, diags := timeline.Parse("events.toml", data)
	if c == nil {
		t.Fatalf("the built-in chronology does not load:\n%s", diags)
	}
	date := timeline.MustDate("2026-12-06")
	out, err := ClaimReview(c.Events, ClaimReviewOptions{Publisher: "Example Checks", BaseURL: "https://example.org/checks#top", Date: date})
	if err != nil {
		t.Fatal(err)
	}
	var reviews []map[string]any
	if err := json.Unmarshal(out, &reviews); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	var claims []struct {
		e  *timeline.Event
		cl timeline.Claim
	}
	for _, e := range c.Events {
		for _, cl := range e.Claims {
			claims = append(claims, struct {
				e  *timeline.Event
				cl timeline.Claim
			}{e, cl})
		}
	}
	if len(reviews) != len(claims) || len(reviews) == 0 {
		t.Fatalf("%d reviews for %d claims", len(reviews), len(claims))
	}
	str := func(m map[string]any, k string) string { s, _ := m[k].(string); return s }
	obj := func(m map[string]any, k string) map[string]any { o, _ := m[k].(map[string]any); return o }
	for i, r := range reviews {
		want := claims[i]
		if str(r, "@context") != "https://schema.org" || str(r, "@type") != "ClaimReview" {
			t.Errorf("review %d: @context %q, @type %q", i, str(r, "@context"), str(r, "@type"))
		}
		if str(r, "claimReviewed") != strings.Join(strings.Fields(want.cl.Text), " ") {
			t.Errorf("review %d: claimReviewed %q", i, str(r, "claimReviewed"))
		}
		if u := str(r, "url"); u != "https://example.org/checks#"+want.e.ID {
			t.Errorf("review %d: url %q", i, u)
		}
		if a := obj(r, "author"); str(a, "@type") != "Organization" || str(a, "name") != "Example Checks" {
			t.Errorf("review %d: author %v", i, a)
		}
		if str(r, "datePublished") != "2026-12-06" {
			t.Errorf("review %d: datePublished %q", i, str(r, "datePublished"))
		}
		rating := obj(r, "reviewRating")
		value, _ := rating["ratingValue"].(float64)
		best, _ := rating["bestRating"].(float64)
		worst, _ := rating["worstRating"].(float64)
		if str(rating, "@type") != "Rating" || !strings.EqualFold(str(rating, "alternateName"), string(want.cl.Status)) ||
			worst != 1 || best != 4 || value < worst || value > best || int(value) != ClaimRating[want.cl.Status] {
			t.Errorf("review %d: reviewRating %v for %s", i, rating, want.cl.Status)
		}
		item := obj(r, "itemReviewed")
		appearance, _ := item["appearance"].([]any)
		if str(item, "@type") != "Claim" || len(appearance) != len(want.cl.Sources) {
			t.Errorf("review %d: itemReviewed %v, want %d appearances", i, item, len(want.cl.Sources))
		}
		for j, a := range appearance {
			src := want.e.Sources[want.cl.Sources[j]-1]
			if w, _ := a.(map[string]any); str(w, "@type") != "CreativeWork" || str(w, "headline") != src.Title || str(w, "url") != src.URL {
				t.Errorf("review %d: appearance %d is %v, want source %d", i, j, a, want.cl.Sources[j])
			}
		}
	}
	// the scale: false worst, verified best
	if !(ClaimRating[timeline.False] < ClaimRating[timeline.Disputed] && ClaimRating[timeline.Disputed] < ClaimRating[timeline.Unverified] &&
		ClaimRating[timeline.Unverified] < ClaimRating[timeline.Verified]) {
		t.Errorf("the scale is not in order: %v", ClaimRating)
	}
	for _, o := range []ClaimReviewOptions{{BaseURL: "https://x.org"}, {Publisher: "P", BaseURL: "x.org"}} {
		if _, err := ClaimReview(c.Events, o); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
}
