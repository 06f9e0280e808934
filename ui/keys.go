package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// mode is what the keys act on: the list, the detail pane, or the filter
// bar being typed in.
type mode int

const (
	modeList mode = iota
	modeDetail
	modeFilter
	modeHelp   // the full help, longer than the screen: the moving keys scroll it
	modeClaims // the claims view (c)
	modePicker // the source picker (o, y, Y with several sources), or a notice
)

// KeyMap is every key of the viewer, one binding per action. The help
// (short and full) is drawn from the same bindings, and a binding that would
// do nothing in the current state is disabled, so the help never offers a
// key that does not work. A few disabled keys a reader may press all the
// same (n with no filter, o with no source, 1-9 and tab with no links)
// still say why in the status (whyNot in status.go) rather than nothing.
type KeyMap struct {
	mode mode

	Up, Down         key.Binding
	Top, Bottom      key.Binding
	PageUp, PageDown key.Binding
	PrevYear         key.Binding // the first event of the previous year, in either pane
	NextYear         key.Binding
	NextEvent        key.Binding // J: the next event, the focus where it is
	PrevEvent        key.Binding // K
	Open             key.Binding // list → detail
	ToList           key.Binding // detail → list
	Overview         key.Binding // about the chronology: its description, span and eras

	NextLink, PrevLink key.Binding
	Follow             key.Binding // the selected link
	FollowN            key.Binding // 1-9
	Back, Forward      key.Binding

	Filter      key.Binding
	ClearFilter key.Binding // esc in the list with a filter kept
	KeepFilter  key.Binding // enter in the filter bar
	DropFilter  key.Binding // esc in the filter bar
	FilterMove  key.Binding // ctrl+n/ctrl+p in the filter bar: move in the list
	History     key.Binding // ↑/↓ in the filter bar: earlier queries
	Complete    key.Binding // tab in the filter bar: a field's values
	NextMatch   key.Binding
	PrevMatch   key.Binding

	OpenSource key.Binding
	Copy       key.Binding
	Memo       key.Binding // x: the events shown, as the Markdown memo, to a file
	CopyURL    key.Binding // Y: a source's address
	PickSource key.Binding // 1-9 in the source picker
	PickFirst  key.Binding // enter in the source picker: the one under the cursor
	CancelPick key.Binding // esc in the source picker

	Ruler   key.Binding // t: the time ruler shown or hidden
	ZoomIn  key.Binding // + around the selected event
	ZoomOut key.Binding
	Fit     key.Binding // = the whole chronology
	Reverse key.Binding // s: the list newest first, or oldest first again

	Edit     key.Binding // the file at this event, in $VISUAL/$EDITOR
	Add      key.Binding // a: a new event after this one, in the editor
	Reload   key.Binding
	Problems key.Binding // expand or collapse the banner of problems

	Claims      key.Binding // c: the claims view
	KeepStatus  key.Binding // v u d f in the claims view
	OpenClaim   key.Binding // enter in the claims view: the event, at the claim
	CloseClaims key.Binding // esc or c in the claims view

	Help    key.Binding
	Suspend key.Binding // ctrl+z: back to the shell; fg brings the viewer back
	Quit    key.Binding
}

// defaultKeyMap returns the bindings with their help text, all enabled.
func defaultKeyMap() KeyMap {
	return KeyMap{
		Up:        key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		Top:       key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "first")),
		Bottom:    key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "last")),
		PageUp:    key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup/ctrl+u", "page up")),
		PageDown:  key.NewBinding(key.WithKeys("pgdown", "ctrl+d"), key.WithHelp("pgdn/ctrl+d", "page down")),
		PrevYear:  key.NewBinding(key.WithKeys("{"), key.WithHelp("{", "previous year")),
		NextYear:  key.NewBinding(key.WithKeys("}"), key.WithHelp("}", "next year")),
		NextEvent: key.NewBinding(key.WithKeys("J"), key.WithHelp("J", "next event")),
		PrevEvent: key.NewBinding(key.WithKeys("K"), key.WithHelp("K", "previous event")),
		Ruler:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "hide ruler")),
		ZoomIn:    key.NewBinding(key.WithKeys("+"), key.WithHelp("+", "zoom in")),
		ZoomOut:   key.NewBinding(key.WithKeys("-"), key.WithHelp("-", "zoom out")),
		Fit:       key.NewBinding(key.WithKeys("="), key.WithHelp("=", "whole span")),
		Reverse:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "newest first")),
		Open:      key.NewBinding(key.WithKeys("enter", "l", "right"), key.WithHelp("enter/l/→", "read event")),
		ToList:    key.NewBinding(key.WithKeys("esc", "h", "left"), key.WithHelp("esc/h/←", "back to list")),
		Overview:  key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "about chronology")),

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
		FilterMove:  key.NewBinding(key.WithKeys("ctrl+n", "ctrl+p"), key.WithHelp("ctrl+n/p", "move")),
		History:     key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "earlier queries")),
		Complete:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "complete")),
		NextMatch:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
		PrevMatch:   key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),

		OpenSource:  key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open source")),
		Copy:        key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy citation")),
		CopyURL:     key.NewBinding(key.WithKeys("Y"), key.WithHelp("Y", "copy address")),
		Memo:        key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "write memo")),
		PickSource:  key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "choose")),
		PickFirst:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "the first")),
		CancelPick:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Edit:        key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit event")),
		Add:         key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add event after")),
		Reload:      key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reload")),
		Problems:    key.NewBinding(key.WithKeys("!"), key.WithHelp("!", "show problems")),
		Claims:      key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "claims view")),
		KeepStatus:  key.NewBinding(key.WithKeys("v", "u", "d", "f"), key.WithHelp("v/u/d/f", "keep a status")),
		OpenClaim:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "read at claim")),
		CloseClaims: key.NewBinding(key.WithKeys("esc", "c"), key.WithHelp("esc", "close claims")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Suspend:     key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "suspend")),
		Quit:        key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

// shortKey is one key of the footer's help line: the binding, how much it
// matters, and a shorter label for a narrow line. When the line is too
// narrow the footer drops the keys of the highest rank first; the way out
// (rank essential or less: ?, q, esc in the detail, enter and esc in the
// filter bar) goes last, after every long label and the position.
type shortKey struct {
	b     key.Binding
	rank  int
	short string // "key desc" for a narrow line; "" keeps the binding's own
}

// essential is the highest rank of the keys the footer keeps whatever the
// width allows.
const essential = 1

func sk(b key.Binding, rank int, short string) shortKey {
	return shortKey{b: b, rank: rank, short: short}
}

// shortKeys is the footer's help for the current mode, in the order shown.
func (k KeyMap) shortKeys() []shortKey {
	switch k.mode {
	case modeFilter:
		return []shortKey{sk(k.KeepFilter, 0, "enter keep"), sk(k.DropFilter, 0, "esc clear"), sk(k.History, 3, "↑ earlier"), sk(k.Complete, 4, ""), sk(k.FilterMove, 5, ""),
			sk(k.Quit, 0, "")}
	case modeHelp:
		return []shortKey{sk(k.Down, 2, "j down"), sk(k.Up, 3, "k up"), sk(k.PageDown, 4, ""), sk(k.Help, 0, "? close"),
			sk(k.Quit, 1, "")}
	case modePicker:
		return []shortKey{sk(k.PickSource, 1, ""), sk(k.Down, 3, "j down"), sk(k.Up, 4, "k up"), sk(k.PickFirst, 1, ""),
			sk(k.CancelPick, 0, ""), sk(k.Help, 0, "? help"), sk(k.Quit, 0, "")}
	case modeClaims:
		return []shortKey{sk(k.Down, 3, "j down"), sk(k.Up, 4, "k up"), sk(k.KeepStatus, 2, "v/u/d/f status"),
			sk(k.OpenClaim, 1, "enter read"), sk(k.CloseClaims, 0, "esc close"), sk(k.Help, 0, "? help"), sk(k.Quit, 0, "")}
	case modeDetail:
		return []shortKey{sk(k.Problems, 3, "! problems"), sk(k.Down, 4, "j down"), sk(k.ToList, 1, "esc back"),
			sk(k.NextEvent, 9, "J next"), sk(k.NextLink, 6, ""), sk(k.Follow, 3, ""), sk(k.FollowN, 7, ""), sk(k.Back, 5, "[ back"),
			sk(k.Overview, 8, ""), sk(k.Edit, 10, ""), sk(k.Help, 0, "? help"), sk(k.Quit, 0, "")}
	}
	return []shortKey{sk(k.Problems, 3, "! problems"), sk(k.Down, 4, "j down"), sk(k.Up, 7, "k up"),
		sk(k.Open, 3, "enter read"), sk(k.Filter, 3, "/ filter"), sk(k.ClearFilter, 4, "esc clear"), sk(k.FollowN, 8, ""),
		sk(k.Back, 6, "[ back"), sk(k.Overview, 3, "i about"), sk(k.Edit, 10, ""), sk(k.Help, 0, "? help"),
		sk(k.Quit, 0, "")}
}

// ShortHelp is the footer's one line for the current mode, every key of
// it; the footer drops the least important when the line is too narrow
// (see shortKeys).
func (k KeyMap) ShortHelp() []key.Binding {
	var out []key.Binding
	for _, s := range k.shortKeys() {
		out = append(out, s.b)
	}
	return out
}

// FullHelp is the `?` screen: every binding that works now, in columns.
func (k KeyMap) FullHelp() [][]key.Binding {
	if k.mode == modeFilter {
		return [][]key.Binding{{k.KeepFilter, k.DropFilter, k.History, k.Complete, k.FilterMove}, {k.Quit}}
	}
	if k.mode == modePicker {
		return [][]key.Binding{{k.PickSource, k.Up, k.Down, k.PickFirst, k.CancelPick, k.Help, k.Quit}}
	}
	if k.mode == modeClaims {
		return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown},
			{k.KeepStatus, k.OpenClaim, k.CloseClaims, k.Help, k.Quit}}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown, k.PrevYear, k.NextYear, k.NextEvent, k.PrevEvent,
			k.Ruler, k.ZoomIn, k.ZoomOut, k.Fit, k.Reverse},
		{k.Open, k.ToList, k.Overview, k.NextLink, k.PrevLink, k.Follow, k.FollowN, k.Back, k.Forward, k.Suspend},
		{k.Filter, k.ClearFilter, k.NextMatch, k.PrevMatch, k.OpenSource, k.Copy, k.CopyURL, k.Memo, k.Claims, k.Edit, k.Add, k.Reload, k.Problems,
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
		&k.Up, &k.Down, &k.Top, &k.Bottom, &k.PageUp, &k.PageDown, &k.PrevYear, &k.NextYear, &k.NextEvent, &k.PrevEvent,
		&k.Ruler, &k.ZoomIn, &k.ZoomOut, &k.Fit, &k.Reverse,
		&k.Open, &k.ToList, &k.Overview, &k.NextLink, &k.PrevLink, &k.Follow, &k.FollowN, &k.Back, &k.Forward,
		&k.Filter, &k.ClearFilter, &k.KeepFilter, &k.DropFilter, &k.FilterMove, &k.History, &k.Complete, &k.NextMatch, &k.PrevMatch,
		&k.OpenSource, &k.Copy, &k.CopyURL, &k.Memo, &k.PickSource, &k.PickFirst, &k.CancelPick, &k.Edit, &k.Add, &k.Reload, &k.Problems,
		&k.Claims, &k.KeepStatus, &k.OpenClaim, &k.CloseClaims,
		&k.Help, &k.Suspend, &k.Quit,
	}
}

// movingKey returns how far a moving key of k goes through rows seen page
// at a time: one for up and down, a page for page up and down, all of
// them for top and bottom. ok is false for any other key.
func movingKey(msg tea.KeyPressMsg, k KeyMap, page, all int) (step int, ok bool) {
	switch {
	case key.Matches(msg, k.Up):
		return -1, true
	case key.Matches(msg, k.Down):
		return 1, true
	case key.Matches(msg, k.PageUp):
		return -page, true
	case key.Matches(msg, k.PageDown):
		return page, true
	case key.Matches(msg, k.Top):
		return -all, true
	case key.Matches(msg, k.Bottom):
		return all, true
	}
	return 0, false
}

// wheelMove returns how far a turn of the mouse wheel goes: wheelStep
// rows up (negative) or down, 0 for a sideways turn.
func wheelMove(msg tea.MouseWheelMsg) int {
	switch msg.Button {
	case tea.MouseWheelUp:
		return -wheelStep
	case tea.MouseWheelDown:
		return wheelStep
	}
	return 0
}
