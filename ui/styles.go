package ui

import (
	"backstory/timeline"
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
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
	dim := c(lipgloss.Color("#767676"), lipgloss.Color("#8A8A8A"))
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
		Help:      help.DefaultStyles(isDark),
		Input:     textinput.DefaultStyles(isDark),
	}
	s.Input.Cursor.Blink = false
	return s
}

// plainStyles uses attributes only (bold, reverse, underline), for
// terminals without colour and for the goldens.
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
		Selected:     p.Reverse(true),
		SelectedBg:   p.Underline(true),
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
