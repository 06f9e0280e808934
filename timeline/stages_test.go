package timeline

import (
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStagesCallOneWay: the files of the load's stages (see load.go) call
// one way: a stage uses the functions and variables of the stages before
// it, never of one after it, and none of the driver's. (Files of no stage,
// such as suggest.go and diagnostic.go, serve them all.) A file named for a
// stage (check_*.go) must be in the stage's list, and every file listed
// must exist, so no file of a stage goes unchecked.
func TestStagesCallOneWay(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the package from source")
	}
	stages := [][]string{ // in order; the driver first
		{"load.go", "load_parts.go"},
		{"link.go"},
		{"check.go", "check_table.go", "check_values.go", "check_event.go",
			"check_source.go", "check_claim.go", "check_media.go", "check_alloc.go"},
		{"decode.go"},
		{"scan.go", "scan_layout.go", "scan_names.go", "scan_text.go", "scan_lex.go"},
		{"read.go"},
	}
	rank := map[string]int{}
	stageOf := map[string]int{} // a stage's name ("check") to its rank
	for i, files := range stages {
		for _, f := range files {
			rank[f] = len(stages) - i // the driver highest
		}
		stageOf[strings.TrimSuffix(files[0], ".go")] = len(stages) - i
	}
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	seen := map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		if ok, err := build.Default.MatchFile(".", name); err != nil || !ok || strings.HasSuffix(name, "_test.go") {
			continue
		}
		seen[name] = true
		stage, _, _ := strings.Cut(strings.TrimSuffix(name, ".go"), "_")
		if r, ok := stageOf[stage]; ok && rank[name] != r {
			t.Errorf("%s is named for the %s stage but is not in its list: add it to the stage here and in load.go", name, stage)
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	for f := range rank {
		if !seen[f] {
			t.Errorf("%s is in a stage's list but is not a file of the package", f)
		}
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("backstory/timeline", fset, files, info)
	if err != nil {
		t.Fatal(err)
	}
	for id, obj := range info.Uses {
		if obj.Pkg() != pkg {
			continue
		}
		switch o := obj.(type) {
		case *types.Func:
		case *types.Var, *types.Const:
			if o.Parent() != pkg.Scope() {
				continue // (a local, a field)
			}
		default:
			continue // (types: what a stage makes, later ones read)
		}
		from := filepath.Base(fset.Position(id.Pos()).Filename)
		to := filepath.Base(fset.Position(obj.Pos()).Filename)
		rf, okf := rank[from]
		rt, okt := rank[to]
		if okf && okt && rt > rf {
			t.Errorf("%s calls back to %s: %s (%s)", from, to, obj.Name(), fset.Position(id.Pos()))
		}
	}
}
