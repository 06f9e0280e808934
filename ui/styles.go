package ui

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"backstory/timeline"
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"charm.land/lipgloss/v2"
)

// The colour schemes the viewer knows; --style picks one, or "auto" asks the
// terminal for its background once at start-up.
const (
	styleDark  = "dark"
	styleLight = "light"
	styleNoTTY = "notty"
	styleAuto  = "auto"
)

// ChooseStyle picks the style by the rules the viewer and backstory show
// share: NO_COLOR (set and not empty) means notty whatever else is asked,
// as the terminal would drop the colours anyway; then flag (--style, ""
// when not given); then BACKSTORY_STYLE; else auto. An unknown name is an
// error that says where it came from.
func ChooseStyle(flag string, getenv func(string) string) (string, error) {
	name, from := flag, "--style"
	if name == "" {
		name, from = getenv("BACKSTORY_STYLE"), "BACKSTORY_STYLE"
	}
	switch name {
	case "":
		name = styleAuto
	case styleDark, styleLight, styleNoTTY, styleAuto:
	default:
		return "", fmt.Errorf("%s \"%s\": use dark, light, notty or auto", from, name)
	}
	if getenv("NO_COLOR") != "" {
		return styleNoTTY, nil
	}
	return name, nil
}

// StyleForBackground is dark or light for a terminal background colour,
// as the viewer picks it when the terminal answers.
func StyleForBackground(bg color.Color) string {
	if (tea.BackgroundColorMsg{Color: bg}).IsDark() {
		return styleDark
	}
	return styleLight
}

// StyleFromColorFGBG reads the background from COLORFGBG, which some
// terminals set ("15;0", "0;default;15"): its last field is the
// background's colour number, 0 to 6 and 8 dark, 7 and 9 to 15 light (as
// Vim reads it). It returns dark or light, or "" when v says nothing.
func StyleFromColorFGBG(v string) string {
	if v == "" {
		return ""
	}
	fields := strings.Split(v, ";")
	n, err := strconv.Atoi(strings.TrimSpace(fields[len(fields)-1]))
	switch {
	case err != nil || n < 0 || n > 15:
		return ""
	case n <= 6 || n == 8:
		return styleDark
	}
	return styleLight
}

// Styles is every colour and attribute the viewer uses, chosen once for a
// dark or light background (or none at all for notty). Nothing else in the
// package picks a colour.
type Styles struct {
	Name string // dark, light or notty: the Glamour style of the detail pane

	Title      lipgloss.Style // chronology title in the header
	Label      lipgloss.Style // file label in the header
	FilterInfo lipgloss.Style // "/query 3/40" in the header
	Error      lipgloss.Style // a malformed query, a failed action
	Problem    lipgloss.Style // the banner when the files do not load
	Warning    lipgloss.Style // the banner of warnings

	Row        lipgloss.Style
	Selected   lipgloss.Style // selected row while the list has focus
	SelectedBg lipgloss.Style // selected row while the detail has focus
	Date       lipgloss.Style
	Year       lipgloss.Style // year separator
	Era        lipgloss.Style // era separator
	Disputed   lipgloss.Style // a disputed claim: its "!" mark and its status
	Unsourced  lipgloss.Style // "?" mark
	// the other claim statuses, their marks in the list and their
	// badges in the detail
	Verified   lipgloss.Style
	Unverified lipgloss.Style
	False      lipgloss.Style
	Match      lipgloss.Style // a filter word found in a row or the detail
	// CurrentMatch is the match n/N went to, drawn apart from the others
	CurrentMatch lipgloss.Style

	Divider   lipgloss.Style // the line between list and detail, the ruler's axis
	RulerHit  lipgloss.Style // the ruler's columns with events the filter lets through
	RulerDim  lipgloss.Style // and with events it hides
	RulerMark lipgloss.Style // the ruler's marker at the selected event, and its date
	LinkBar   lipgloss.Style // "→ 2. title" under the detail
	LinkLine  lipgloss.Style // the selected link's line inside the detail
	Rendering lipgloss.Style // placeholder while Glamour works
	Status    lipgloss.Style
	Position  lipgloss.Style
	Legend    lipgloss.Style // explanation of the marks in the full help

	Help  help.Styles
	Input textinput.Styles
}

// newStyles returns the styles for a style name (dark, light or notty).
func newStyles(name string) Styles {
	if name == styleNoTTY {
		return plainStyles()
	}
	isDark := name != styleLight
	c := lipgloss.LightDark(isDark)
	accent := c(lipgloss.Color("#5A3FC0"), lipgloss.Color("#B4A2FF"))
	// every text colour keeps 4.5:1 (WCAG AA) against the terminal's
	// background and against the backgrounds below (TestContrast)
	dim := c(lipgloss.Color("#5F5F5F"), lipgloss.Color("#9E9E9E"))
	red := c(lipgloss.Color("#C0262D"), lipgloss.Color("#FF6B6B"))
	amber := c(lipgloss.Color("#A15C00"), lipgloss.Color("#F0B050"))
	green := c(lipgloss.Color("#1E7B34"), lipgloss.Color("#6BD68A"))
	blue := c(lipgloss.Color("#2F5FA8"), lipgloss.Color("#8AB4F8"))
	selBg := c(lipgloss.Color("#D8D0FF"), lipgloss.Color("#3D2F80"))
	blurBg := c(lipgloss.Color("#E4E4E4"), lipgloss.Color("#303030"))
	text := c(lipgloss.Color("#1A1A1A"), lipgloss.Color("#E6E6E6"))
	matchBg := c(lipgloss.Color("#FFE08A"), lipgloss.Color("#7A5D00"))

	s := Styles{
		Name:       name,
		Title:      lipgloss.NewStyle().Bold(true).Foreground(accent),
		Label:      lipgloss.NewStyle().Foreground(dim),
		FilterInfo: lipgloss.NewStyle().Foreground(accent),
		Error:      lipgloss.NewStyle().Foreground(red),
		Problem:    lipgloss.NewStyle().Foreground(red).Bold(true),
		Warning:    lipgloss.NewStyle().Foreground(amber),
		Row:        lipgloss.NewStyle().Foreground(text),
		Selected:   lipgloss.NewStyle().Background(selBg).Foreground(text).Bold(true),
		SelectedBg: lipgloss.NewStyle().Background(blurBg).Foreground(text),
		Date:       lipgloss.NewStyle().Foreground(dim),
		Year:       lipgloss.NewStyle().Foreground(accent).Bold(true),
		Era:        lipgloss.NewStyle().Foreground(amber).Bold(true),
		Disputed:   lipgloss.NewStyle().Foreground(amber).Bold(true),
		Unsourced:  lipgloss.NewStyle().Foreground(amber).Bold(true),
		Verified:   lipgloss.NewStyle().Foreground(green).Bold(true),
		Unverified: lipgloss.NewStyle().Foreground(blue).Bold(true),
		False:      lipgloss.NewStyle().Foreground(red).Bold(true),
		Match:      lipgloss.NewStyle().Background(matchBg).Foreground(text),
		CurrentMatch: lipgloss.NewStyle().Background(amber).Foreground(c(lipgloss.Color("#FFFFFF"), lipgloss.Color("#1A1A1A"))).
			Bold(true),
		Divider:   lipgloss.NewStyle().Foreground(dim),
		LinkBar:   lipgloss.NewStyle().Foreground(accent).Bold(true),
		LinkLine:  lipgloss.NewStyle().Background(selBg).Foreground(text),
		Rendering: lipgloss.NewStyle().Foreground(dim).Italic(true),
		Status:    lipgloss.NewStyle().Foreground(amber),
		Position:  lipgloss.NewStyle().Foreground(dim),
		Legend:    lipgloss.NewStyle().Foreground(dim),
		Help:      helpStyles(text, dim),
		Input:     inputStyles(isDark, text, dim, accent),
	}
	return s
}

// helpStyles are the footer's and the full help's: keys in the text
// colour, what they do and the separators dim (Bubbles' own greys are
// too faint to read).
func helpStyles(text, dim color.Color) help.Styles {
	key := lipgloss.NewStyle().Foreground(text)
	desc := lipgloss.NewStyle().Foreground(dim)
	return help.Styles{
		Ellipsis: desc, ShortKey: key, ShortDesc: desc, ShortSeparator: desc,
		FullKey: key, FullDesc: desc, FullSeparator: desc,
	}
}

// inputStyles are the filter bar's, in the palette's colours.
func inputStyles(isDark bool, text, dim, accent color.Color) textinput.Styles {
	s := textinput.DefaultStyles(isDark)
	s.Focused = textinput.StyleState{
		Text:        lipgloss.NewStyle().Foreground(text),
		Placeholder: lipgloss.NewStyle().Foreground(dim),
		Suggestion:  lipgloss.NewStyle().Foreground(dim),
		Prompt:      lipgloss.NewStyle().Foreground(accent),
	}
	s.Blurred = s.Focused
	s.Blurred.Text = lipgloss.NewStyle().Foreground(dim)
	s.Cursor.Color = text
	s.Cursor.Blink = false
	return s
}

// plainStyles uses attributes only (bold, reverse, underline), for
// terminals without colour (NO_COLOR) and for the goldens: the selected
// row is in reverse video whichever pane has focus (bold while the list
// has it), a filter match is underlined.
func plainStyles() Styles {
	p := lipgloss.NewStyle()
	s := Styles{
		Name:         styleNoTTY,
		Title:        p.Bold(true),
		Label:        p,
		FilterInfo:   p,
		Error:        p.Bold(true),
		Problem:      p.Bold(true),
		Warning:      p,
		Row:          p,
		Selected:     p.Reverse(true).Bold(true),
		SelectedBg:   p.Reverse(true),
		Date:         p,
		Year:         p.Bold(true),
		Era:          p.Bold(true),
		Disputed:     p.Bold(true),
		Unsourced:    p.Bold(true),
		Verified:     p,
		Unverified:   p.Underline(true),
		False:        p.Bold(true).Reverse(true),
		Match:        p.Underline(true),
		CurrentMatch: p.Underline(true).Bold(true).Reverse(true),
		Divider:      p,
		LinkBar:      p.Bold(true),
		LinkLine:     p.Reverse(true),
		Rendering:    p,
		Status:       p.Bold(true),
		Position:     p,
		Legend:       p,
		Help: help.Styles{
			Ellipsis: p, ShortKey: p.Bold(true), ShortDesc: p, ShortSeparator: p,
			FullKey: p.Bold(true), FullDesc: p, FullSeparator: p,
		},
		Input: textinput.DefaultStyles(true),
	}
	s.Input.Focused = textinput.StyleState{Text: p, Placeholder: p, Suggestion: p, Prompt: p.Bold(true)}
	s.Input.Blurred = s.Input.Focused
	s.Input.Cursor.Blink = false
	return s
}

// Claim is the style of a claim status.
func (s *Styles) Claim(status timeline.ClaimStatus) lipgloss.Style {
	switch status {
	case timeline.Verified:
		return s.Verified
	case timeline.Disputed:
		return s.Disputed
	case timeline.False:
		return s.False
	}
	return s.Unverified
}

// glamourStyle returns the Glamour style config for a style name, with no
// document margin: the pane draws its own.
func glamourStyle(name string) ansi.StyleConfig {
	var cfg ansi.StyleConfig
	switch name {
	case styleLight:
		cfg = styles.LightStyleConfig
	case styleNoTTY:
		cfg = styles.NoTTYStyleConfig
	default:
		cfg = styles.DarkStyleConfig
	}
	zero := uint(0)
	cfg.Document.Margin = &zero
	return cfg
}
