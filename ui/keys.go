package ui

import (
	"charm.land/bubbles/v2/key"
)

// mode is what the keys act on: the list, the detail pane, or the filter
// bar being typed in.
type mode int

const (
	modeList mode = iota
	modeDetail
	modeFilter
)

// KeyMap is every key of the viewer, one binding per action. The help
// (short and full) is drawn from the same bindings, and a binding that would
// do nothing in the current state is disabled, so the help never offers a
// key that does not work.
type KeyMap struct {
	mode mode

	Up, Down         key.Binding
	Top, Bottom      key.Binding
	PageUp, PageDown key.Binding
	PrevYear         key.Binding
	NextYear         key.Binding
	Open             key.Binding // list → detail
	ToList           key.Binding // detail → list

	NextLink, PrevLink key.Binding
	Follow             key.Binding // the selected link
	FollowN            key.Binding // 1-9
	Back, Forward      key.Binding

	Filter      key.Binding
	ClearFilter key.Binding // esc in the list with a filter kept
	KeepFilter  key.Binding // enter in the filter bar
	DropFilter  key.Binding // esc in the filter bar
	FilterMove  key.Binding // ↑/↓ in the filter bar
	NextMatch   key.Binding
	PrevMatch   key.Binding

	OpenSource key.Binding
	Copy       key.Binding

	Edit     key.Binding // the file at this event, in $VISUAL/$EDITOR
	Reload   key.Binding
	Problems key.Binding // expand or collapse the banner of problems

	Help key.Binding
	Quit key.Binding
}

// defaultKeyMap returns the bindings with their help text, all enabled.
func defaultKeyMap() KeyMap {
	return KeyMap{
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "first")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "last")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup/ctrl+u", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d"), key.WithHelp("pgdn/ctrl+d", "page down")),
		PrevYear: key.NewBinding(key.WithKeys("{"), key.WithHelp("{", "previous year")),
		NextYear: key.NewBinding(key.WithKeys("}"), key.WithHelp("}", "next year")),
		Open:     key.NewBinding(key.WithKeys("enter", "l", "right"), key.WithHelp("enter/l/→", "read event")),
		ToList:   key.NewBinding(key.WithKeys("esc", "h", "left"), key.WithHelp("esc/h/←", "back to list")),

		NextLink: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next link")),
		PrevLink: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous link")),
		Follow:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "follow link")),
		FollowN: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"),
			key.WithHelp("1-9", "follow link N")),
		Back:    key.NewBinding(key.WithKeys("[", "backspace"), key.WithHelp("[/⌫", "jump back")),
		Forward: key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "jump forward")),

		Filter:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		ClearFilter: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		KeepFilter:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep filter")),
		DropFilter:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		FilterMove:  key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "move")),
		NextMatch:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
		PrevMatch:   key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),

		OpenSource: key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open source")),
		Copy:       key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy citation")),
		Edit:       key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit event")),
		Reload:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reload")),
		Problems:   key.NewBinding(key.WithKeys("!"), key.WithHelp("!", "show problems")),
		Help:       key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Quit:       key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

// ShortHelp is the footer's one line for the current mode. The help
// truncates at the end, so ? and q come before the keys that can wait for
// the full help; ! comes first, because it only shows when something is
// wrong with the files.
func (k KeyMap) ShortHelp() []key.Binding {
	switch k.mode {
	case modeFilter:
		return []key.Binding{k.KeepFilter, k.DropFilter, k.FilterMove, k.Quit}
	case modeDetail:
		return []key.Binding{k.Problems, k.Down, k.NextLink, k.Follow, k.FollowN, k.Back, k.ToList, k.Help, k.Quit, k.Edit}
	}
	return []key.Binding{k.Problems, k.Down, k.Up, k.Open, k.Filter, k.ClearFilter, k.FollowN, k.Back, k.Help, k.Quit, k.Edit}
}

// FullHelp is the `?` screen: every binding that works now, in columns.
func (k KeyMap) FullHelp() [][]key.Binding {
	if k.mode == modeFilter {
		return [][]key.Binding{{k.KeepFilter, k.DropFilter, k.FilterMove}, {k.Quit}}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown, k.PrevYear, k.NextYear},
		{k.Open, k.ToList, k.NextLink, k.PrevLink, k.Follow, k.FollowN, k.Back, k.Forward},
		{k.Filter, k.ClearFilter, k.NextMatch, k.PrevMatch, k.OpenSource, k.Copy, k.Edit, k.Reload, k.Problems,
			k.Help, k.Quit},
	}
}

// setEnabled turns every binding on or off at once.
func (k *KeyMap) setEnabled(on bool) {
	for _, b := range k.all() {
		b.SetEnabled(on)
	}
}

func (k *KeyMap) all() []*key.Binding {
	return []*key.Binding{
		&k.Up, &k.Down, &k.Top, &k.Bottom, &k.PageUp, &k.PageDown, &k.PrevYear, &k.NextYear,
		&k.Open, &k.ToList, &k.NextLink, &k.PrevLink, &k.Follow, &k.FollowN, &k.Back, &k.Forward,
		&k.Filter, &k.ClearFilter, &k.KeepFilter, &k.DropFilter, &k.FilterMove, &k.NextMatch, &k.PrevMatch,
		&k.OpenSource, &k.Copy, &k.Edit, &k.Reload, &k.Problems, &k.Help, &k.Quit,
	}
}
