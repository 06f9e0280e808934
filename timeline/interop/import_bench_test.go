package interop

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

// timelineJSFile is a TimelineJS3 document of n events, minified or
// pretty-printed (two-space indents, as Knight Lab's examples are).
func timelineJSFile(n int, pretty bool) []byte {
	doc := TimelineJSDoc{Title: &TimelineJSSlide{Text: TimelineJSText{Headline: "A long story", Text: "<p>Told in many parts.</p>"}}}
	for i := range n {
		doc.Events = append(doc.Events, TimelineJSSlide{
			StartDate: &TimelineJSDate{Year: 1900 + i%120, Month: 1 + i%12, Day: 1 + i%28},
			Text: TimelineJSText{
				Headline: fmt.Sprintf("Event number %d, in Zürich", i),
				Text:     fmt.Sprintf("<p>Part %d of the story: <b>what happened</b>, and <a href=\"https://example.com/%d\">where it was told</a>.</p>", i, i),
			},
			Group:    fmt.Sprintf("Group %d", i%7),
			UniqueID: fmt.Sprintf("event-%d", i),
		})
	}
	var data []byte
	if pretty {
		data, _ = json.MarshalIndent(doc, "", "  ")
	} else {
		data, _ = json.Marshal(doc)
	}
	return data
}

// BenchmarkImportTimelineJS imports TimelineJS3 JSON of growing size,
// minified (one line) and pretty-printed; the baseline is encoding/json
// decoding the same bytes into the TimelineJSDoc structs, which reads
// the input once and keeps no positions. BACKSTORY_BENCH_BIG=1 adds 50k
// events; without it, CI runs the small sizes once.
func BenchmarkImportTimelineJS(b *testing.B) {
	sizes := []int{1000, 4000}
	if os.Getenv("BACKSTORY_BENCH_BIG") != "" {
		sizes = []int{1000, 4000, 8000, 50000}
	}
	for _, n := range sizes {
		for _, pretty := range []bool{false, true} {
			layout := "minified"
			if pretty {
				layout = "pretty"
			}
			data := timelineJSFile(n, pretty)
			b.Run(fmt.Sprintf("%dk/%s/import", n/1000, layout), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					conv, diags := ImportTimelineJS("big.json", data, Options{})
					if conv == nil || conv.Chronology.Len() != n {
						b.Fatalf("import failed:\n%s", diags)
					}
				}
			})
			b.Run(fmt.Sprintf("%dk/%s/baseline-decode", n/1000, layout), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					var doc TimelineJSDoc
					if err := json.Unmarshal(data, &doc); err != nil || len(doc.Events) != n {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
