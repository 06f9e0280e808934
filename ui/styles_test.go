package ui

import (
	"image/color"
	"math"
	"reflect"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// luminance is a colour's relative luminance (WCAG 2).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is the WCAG contrast ratio of two colours, 1 to 21.
func contrast(a, b color.Color) float64 {
	x, y := luminance(a), luminance(b)
	if x < y {
		x, y = y, x
	}
	return (x + 0.05) / (y + 0.05)
}

func TestContrastRatio(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"#000000", "#FFFFFF", 21},
		{"#FFFFFF", "#FFFFFF", 1},
		{"#767676", "#FFFFFF", 4.54},
		{"#FFFFFF", "#767676", 4.54},
	} {
		got := contrast(lipgloss.Color(tc.a), lipgloss.Color(tc.b))
		if math.Abs(got-tc.want) > 0.01 {
			t.Errorf("contrast(%s, %s) = %.2f, want %.2f", tc.a, tc.b, got, tc.want)
		}
	}
}

// namedStyles lists every lipgloss.Style in v (a Styles, or a struct in
// it), by field path.
func namedStyles(prefix string, v reflect.Value, out map[string]lipgloss.Style) {
	for i := range v.NumField() {
		f, name := v.Field(i), prefix+v.Type().Field(i).Name
		switch x := f.Interface().(type) {
		case lipgloss.Style:
			out[name] = x
		default:
			if f.Kind() == reflect.Struct {
				namedStyles(name+".", f, out)
			}
		}
	}
}

// TestContrast: every text colour of the dark and light styles is at
// least 4.5:1 (WCAG AA) against its own background, or, without one,
// against usual terminal backgrounds of that kind.
func TestContrast(t *testing.T) {
	terminals := map[string][]string{
		styleDark:  {"#000000", "#1E1E1E", "#282828"},
		styleLight: {"#FFFFFF", "#F0F0F0", "#FDF6E3"},
	}
	for name, bgs := range terminals {
		st := newStyles(name)
		all := map[string]lipgloss.Style{}
		namedStyles("", reflect.ValueOf(st), all)
		if len(all) < 40 {
			t.Fatalf("%s: only %d styles found", name, len(all))
		}
		for field, s := range all {
			fg := s.GetForeground()
			if _, none := fg.(lipgloss.NoColor); none || fg == nil {
				continue
			}
			under := bgs
			if bg := s.GetBackground(); bg != nil {
				if _, none := bg.(lipgloss.NoColor); !none {
					r, g, b, _ := bg.RGBA()
					under = []string{hex(r, g, b)}
				}
			}
			for _, bg := range under {
				if r := contrast(fg, lipgloss.Color(bg)); r < 4.5 {
					t.Errorf("%s: %s: %.2f:1 against %s, want at least 4.5:1", name, field, r, bg)
				}
			}
		}
	}
}

func hex(r, g, b uint32) string {
	const digits = "0123456789ABCDEF"
	out := []byte{'#'}
	for _, v := range []uint32{r >> 8, g >> 8, b >> 8} {
		out = append(out, digits[v>>4], digits[v&15])
	}
	return string(out)
}

// TestPlainSelection: without colour the selected row is in reverse video
// whichever pane has focus, and a match is underlined.
func TestPlainSelection(t *testing.T) {
	st := plainStyles()
	if !st.Selected.GetReverse() || !st.SelectedBg.GetReverse() {
		t.Errorf("selection: reverse %v with the list focused, %v with the detail", st.Selected.GetReverse(), st.SelectedBg.GetReverse())
	}
	if !st.Selected.GetBold() || st.SelectedBg.GetBold() {
		t.Errorf("the focus is not told apart: bold %v, %v", st.Selected.GetBold(), st.SelectedBg.GetBold())
	}
	if !st.Match.GetUnderline() {
		t.Errorf("a match is not underlined")
	}
}

func TestChooseStyle(t *testing.T) {
	for _, tc := range []struct {
		flag    string
		env     map[string]string
		want    string
		wantErr string
	}{
		{"", nil, styleAuto, ""},
		{"light", nil, styleLight, ""},
		{"", map[string]string{"BACKSTORY_STYLE": "light"}, styleLight, ""},
		{"dark", map[string]string{"BACKSTORY_STYLE": "light"}, styleDark, ""},
		{"", map[string]string{"NO_COLOR": "1"}, styleNoTTY, ""},
		{"dark", map[string]string{"NO_COLOR": "1"}, styleNoTTY, ""},
		{"", map[string]string{"NO_COLOR": "", "BACKSTORY_STYLE": "dark"}, styleDark, ""},
		{"pink", nil, "", `--style "pink": use dark, light, notty or auto`},
		{"", map[string]string{"BACKSTORY_STYLE": "Dark"}, "", `BACKSTORY_STYLE "Dark": use dark, light, notty or auto`},
		{"pink", map[string]string{"NO_COLOR": "1"}, "", `--style "pink": use dark, light, notty or auto`},
	} {
		got, err := ChooseStyle(tc.flag, func(k string) string { return tc.env[k] })
		if tc.wantErr != "" {
			if err == nil || err.Error() != tc.wantErr {
				t.Errorf("%q %v: error %v, want %q", tc.flag, tc.env, err, tc.wantErr)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%q %v: %q, %v; want %q", tc.flag, tc.env, got, err, tc.want)
		}
	}
}

func TestStyleFromColorFGBG(t *testing.T) {
	for v, want := range map[string]string{
		"":             "",
		"0;15":         styleLight,
		"15;0":         styleDark,
		"0;default;15": styleLight,
		"7;8":          styleDark,
		"0;7":          styleLight,
		"default":      "",
		"0;16":         "",
		"15;-1":        "",
		"12;9":         styleLight,
	} {
		if got := StyleFromColorFGBG(v); got != want {
			t.Errorf("COLORFGBG=%q: %q, want %q", v, got, want)
		}
	}
}

// TestStyleAutoColorFGBG: when the terminal does not tell its background,
// COLORFGBG does; an answer wins over it.
func TestStyleAutoColorFGBG(t *testing.T) {
	for _, tc := range []struct {
		fgbg string
		msg  tea.Msg
		want string
	}{
		{"0;15", bgTimeoutMsg{}, styleLight},
		{"15;0", bgTimeoutMsg{}, styleDark},
		{"nonsense", bgTimeoutMsg{}, styleDark},
		{"0;15", tea.BackgroundColorMsg{Color: color.Black}, styleDark},
	} {
		m := New(Options{Style: styleAuto, ColorFGBG: tc.fgbg})
		m.Update(tc.msg)
		if m.st.Name != tc.want {
			t.Errorf("COLORFGBG=%q, %T: %s, want %s", tc.fgbg, tc.msg, m.st.Name, tc.want)
		}
	}
}
