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
// such as suggest.go and diagnostic.go, serve them all.)
func TestStagesCallOneWay(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the package from source")
	}
	stages := [][]string{ // in order; the driver first
		{"load.go", "load_parts.go"},
		{"link.go"},
		{"check.go", "check_values.go"},
		{"decode.go"},
		{"scan.go", "scan_layout.go", "scan_names.go", "scan_text.go"},
		{"read.go"},
	}
	rank := map[string]int{}
	for i, files := range stages {
		for _, f := range files {
			rank[f] = len(stages) - i // the driver highest
		}
	}
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, e := range entries {
		name := e.Name()
		if ok, err := build.Default.MatchFile(".", name); err != nil || !ok || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
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
