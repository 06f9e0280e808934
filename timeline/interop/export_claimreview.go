package interop

import (
	"fmt"
	"strings"

	"backstory/timeline"
)

// ClaimReview export: each claim as a schema.org ClaimReview, the JSON-LD
// fact-checkers publish with their articles and that search engines read.
// Google's documentation requires claimReviewed, reviewRating (with its
// alternateName) and url; author, datePublished and itemReviewed (a Claim,
// with its appearance) are recommended, and are all written.

// ClaimRating is the numeric scale of reviewRating: 1 (false, worst) to
// 4 (verified, best), the status as alternateName.
var ClaimRating = map[timeline.ClaimStatus]int{
	timeline.False:      1,
	timeline.Disputed:   2,
	timeline.Unverified: 3,
	timeline.Verified:   4,
}

// The ends of the scale.
const (
	worstRating = 1
	bestRating  = 4
)

// ClaimReviewJSON is one review, as schema.org names its properties.
type ClaimReviewJSON struct {
	Context       string         `json:"@context"`
	Type          string         `json:"@type"`
	URL           string         `json:"url"`
	ClaimReviewed string         `json:"claimReviewed"`
	Author        OrganizationLD `json:"author"`
	DatePublished string         `json:"datePublished"`
	ReviewRating  RatingLD       `json:"reviewRating"`
	ItemReviewed  ClaimLD        `json:"itemReviewed"`
}

// OrganizationLD is a schema.org Organization.
type OrganizationLD struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

// RatingLD is a schema.org Rating on the scale of ClaimRating.
type RatingLD struct {
	Type              string `json:"@type"`
	RatingValue       int    `json:"ratingValue"`
	BestRating        int    `json:"bestRating"`
	WorstRating       int    `json:"worstRating"`
	AlternateName     string `json:"alternateName"`
	RatingExplanation string `json:"ratingExplanation,omitempty"`
}

// ClaimLD is the schema.org Claim reviewed: where it appeared is the
// evidence the claim names (sources = [...]).
type ClaimLD struct {
	Type          string       `json:"@type"`
	DatePublished string       `json:"datePublished,omitempty"`
	Appearance    []CreativeLD `json:"appearance,omitempty"`
}

// CreativeLD is a source as a schema.org CreativeWork.
type CreativeLD struct {
	Type          string          `json:"@type"`
	Headline      string          `json:"headline"`
	URL           string          `json:"url,omitempty"`
	DatePublished string          `json:"datePublished,omitempty"`
	Publisher     *OrganizationLD `json:"publisher,omitempty"`
}

// ClaimReviewOptions are what the chronology does not hold: who publishes
// the reviews, where, and when.
type ClaimReviewOptions struct {
	Publisher string        // the fact-checking organisation
	BaseURL   string        // the page the reviews are on; each is BaseURL#event-id
	Date      timeline.Date // the reviews' publication date
}

// ClaimReview writes every claim of events as a ClaimReview, in order, as
// an indented JSON array.
func ClaimReview(events []*timeline.Event, o ClaimReviewOptions) ([]byte, error) {
	if strings.TrimSpace(o.Publisher) == "" {
		return nil, fmt.Errorf("claimreview needs the publisher's name")
	}
	if msg := timeline.URLProblem(o.BaseURL); msg != "" {
		return nil, fmt.Errorf("claimreview: the base URL %s", msg)
	}
	base, _, _ := strings.Cut(o.BaseURL, "#")
	out := []ClaimReviewJSON{}
	for _, e := range events {
		for _, cl := range e.Claims {
			r := ClaimReviewJSON{
				Context:       "https://schema.org",
				Type:          "ClaimReview",
				URL:           base + "#" + e.ID,
				ClaimReviewed: oneLine(cl.Text),
				Author:        OrganizationLD{Type: "Organization", Name: o.Publisher, URL: base},
				DatePublished: o.Date.String(),
				ReviewRating: RatingLD{
					Type: "Rating", RatingValue: ClaimRating[cl.Status], BestRating: bestRating, WorstRating: worstRating,
					AlternateName: claimLabel(cl.Status), RatingExplanation: oneLine(cl.Note),
				},
				ItemReviewed: ClaimLD{Type: "Claim", DatePublished: e.Date.String()},
			}
			for _, n := range cl.Sources {
				if n < 1 || n > len(e.Sources) {
					continue
				}
				s := e.Sources[n-1]
				w := CreativeLD{Type: "CreativeWork", Headline: s.Title, URL: s.URL, DatePublished: s.Published.String()}
				if s.Publisher != "" {
					w.Publisher = &OrganizationLD{Type: "Organization", Name: s.Publisher}
				}
				r.ItemReviewed.Appearance = append(r.ItemReviewed.Appearance, w)
			}
			out = append(out, r)
		}
	}
	return encodeJSON(out)
}
