package editor

import (
	"reflect"
	"testing"
)

func TestArgs(t *testing.T) {
	tests := []struct {
		editor string
		want   []string
	}{
		{"vi", []string{"vi", "+12", "ev.toml"}},
		{"vim", []string{"vim", "+12", "ev.toml"}},
		{"/usr/bin/nvim", []string{"/usr/bin/nvim", "+12", "ev.toml"}},
		{"nano", []string{"nano", "+12", "ev.toml"}},
		{"emacs -nw", []string{"emacs", "-nw", "+12", "ev.toml"}},
		{"emacsclient -t", []string{"emacsclient", "-t", "+12", "ev.toml"}},
		{"micro", []string{"micro", "+12", "ev.toml"}},
		{"kak", []string{"kak", "+12", "ev.toml"}},
		{"hx", []string{"hx", "ev.toml:12"}},
		{"helix", []string{"helix", "ev.toml:12"}},
		{"code", []string{"code", "--wait", "-g", "ev.toml:12"}},
		{"code --wait", []string{"code", "--wait", "-g", "ev.toml:12"}},
		{"code -w", []string{"code", "-w", "-g", "ev.toml:12"}},
		{"codium --new-window", []string{"codium", "--new-window", "--wait", "-g", "ev.toml:12"}},
		{"subl", []string{"subl", "--wait", "ev.toml:12"}},
		{"zed --wait", []string{"zed", "--wait", "ev.toml:12"}},
		{"mate", []string{"mate", "-w", "-l", "12", "ev.toml"}},
		{"kate", []string{"kate", "--line", "12", "ev.toml"}},
		{"idea", []string{"idea", "--wait", "--line", "12", "ev.toml"}},
		{"vim -u NONE", []string{"vim", "-u", "NONE", "+12", "ev.toml"}},
		{`"/opt/My Editor/bin/vim" -N`, []string{"/opt/My Editor/bin/vim", "-N", "+12", "ev.toml"}},
		{`/opt/My\ Editor/vi`, []string{"/opt/My Editor/vi", "+12", "ev.toml"}},
		{`'/opt/x y/nano'`, []string{"/opt/x y/nano", "+12", "ev.toml"}},
		{"some-unknown-editor", []string{"some-unknown-editor", "+12", "ev.toml"}},
	}
	for _, tt := range tests {
		got, err := Args(tt.editor, "ev.toml", 12)
		if err != nil {
			t.Errorf("Args(%q): %v", tt.editor, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Args(%q) = %q, want %q", tt.editor, got, tt.want)
		}
	}
}

func TestArgsLineAtLeastOne(t *testing.T) {
	got, _ := Args("vi", "f", 0)
	if want := []string{"vi", "+1", "f"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestArgsErrors(t *testing.T) {
	for _, ed := range []string{"", "   ", `"unclosed`, `'unclosed`} {
		if _, err := Args(ed, "f", 1); err == nil {
			t.Errorf("Args(%q) gave no error", ed)
		}
	}
}

func TestChoose(t *testing.T) {
	env := map[string]string{"VISUAL": "code --wait", "EDITOR": "vim"}
	get := func(k string) string { return env[k] }
	if got := Choose(get); got != "code --wait" {
		t.Errorf("Choose with VISUAL = %q", got)
	}
	delete(env, "VISUAL")
	if got := Choose(get); got != "vim" {
		t.Errorf("Choose with EDITOR = %q", got)
	}
	delete(env, "EDITOR")
	if got := Choose(get); got == "" {
		t.Error("Choose with neither gave nothing")
	}
}
