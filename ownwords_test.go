package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/BurntSushi/toml"
)

// copiedRun is the length, in words, of the shortest run of the article's
// words that counts as copied text outside a source's quote.
const copiedRun = 8

// articlePath is the news story the built-in chronology is the background
// of. It is not part of the repository: it sits beside the clone.
var articlePath = filepath.Join("..", "shared", "seed", "article.txt")

// TestBuiltInOwnWords holds the built-in chronology to its own words: no
// field of events.toml other than a source's quote may repeat 8 or more
// consecutive words of the article. Words are compared after folding case,
// dropping apostrophes and splitting on everything that is not a letter or
// a digit, so curly and straight quotes and punctuation make no difference.
func TestBuiltInOwnWords(t *testing.T) {
	article, err := os.ReadFile(articlePath)
	if os.IsNotExist(err) {
		t.Skipf("the article is not at %s (it sits beside the repository, not in it): the own-words rule is not checked", articlePath)
	}
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if _, err := toml.DecodeFile("events.toml", &doc); err != nil {
		t.Fatal(err)
	}
	runs := articleRuns(normalizeWords(string(article)))
	fields := 0
	walkStrings("", doc, func(path, text string) {
		fields++
		if run := copied(normalizeWords(text), runs); run != "" {
			t.Errorf("%s copies %d+ words of the article: %q\n  (say it in the file's own words, or quote it in a source's quote field)", path, copiedRun, run)
		}
	})
	if fields < 100 {
		t.Errorf("only %d text fields found in events.toml: the walk is broken", fields)
	}
}

// TestCopiedRun pins the comparison itself.
func TestCopiedRun(t *testing.T) {
	article := "The memo commands state and local officials to cooperate with the department under the Constitution’s Supremacy Clause."
	runs := articleRuns(normalizeWords(article))
	for _, c := range []struct {
		text, want string
	}{
		{"It says officials must cooperate under the Supremacy Clause.", ""},
		{"the memo commands state and local officials to cooperate", "the memo commands state and local officials to cooperate"},
		{`"The MEMO commands — state and local officials, to" cooperate!`, "the memo commands state and local officials to cooperate"},
		{"with the department under the Constitution's Supremacy Clause.", "with the department under the constitutions supremacy clause"},
		{"the department under the Constitution’s Supremacy Clause", ""}, // 7 words
		{"commands state and local officials to cooperate with the department here", "commands state and local officials to cooperate with the department"},
	} {
		if got := copied(normalizeWords(c.text), runs); got != c.want {
			t.Errorf("copied(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// normalizeWords folds s to lower-case words of letters and digits;
// apostrophes (straight or curly) join, everything else separates.
func normalizeWords(s string) []string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '\'' || r == '’' || r == '‘':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteRune(' ')
		}
	}
	return strings.Fields(b.String())
}

// articleRuns is the set of every run of copiedRun consecutive words.
func articleRuns(words []string) map[string]bool {
	runs := map[string]bool{}
	for i := 0; i+copiedRun <= len(words); i++ {
		runs[strings.Join(words[i:i+copiedRun], " ")] = true
	}
	return runs
}

// copied returns the first longest stretch of words found in runs, or "".
func copied(words []string, runs map[string]bool) string {
	for i := 0; i+copiedRun <= len(words); i++ {
		if !runs[strings.Join(words[i:i+copiedRun], " ")] {
			continue
		}
		end := i + copiedRun
		for end < len(words) && runs[strings.Join(words[end-copiedRun+1:end+1], " ")] {
			end++
		}
		return strings.Join(words[i:end], " ")
	}
	return ""
}

// walkStrings calls fn with every string value in v and its path
// ("event[3].claim[0].text"), leaving out the quote of a source.
func walkStrings(path string, v any, fn func(path, text string)) {
	switch v := v.(type) {
	case string:
		fn(path, v)
	case map[string]any:
		if id, ok := v["id"].(string); ok && strings.HasSuffix(path, "]") {
			path += "{" + id + "}"
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if k == "quote" && strings.HasSuffix(strings.TrimRight(path, "0123456789[]"), "source") {
				continue
			}
			p := k
			if path != "" {
				p = path + "." + k
			}
			walkStrings(p, v[k], fn)
		}
	case []map[string]any:
		for i, e := range v {
			walkStrings(fmt.Sprintf("%s[%d]", path, i), e, fn)
		}
	case []any:
		for i, e := range v {
			walkStrings(fmt.Sprintf("%s[%d]", path, i), e, fn)
		}
	}
}
