package ui

import (
	"fmt"

	"backstory/timeline"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Routing: which keys work now, and who gets a key or a click. The root
// decides only what crosses panes (focus, links, the filter's effect on
// the list, actions on the event); everything else goes to the component
// it belongs to.

// keyMap returns every key that works now in the pane with the keys (or
// the filter bar), the others disabled: the keys of that component, of
// the banner, and the root's own, with the words the help shows. The
// full help lists these; while it is open and longer than the screen its
// own moving keys take over (withHelp).
func (m *Model) keyMap() KeyMap {
	k := defaultKeyMap()
	k.mode = m.focus
	k.setEnabled(false)
	k.Quit.SetEnabled(true)
	if !m.ready() {
		return k
	}
	if m.memo.IsOpen() {
		return typing(k, m.memo.KeyMap())
	}
	if m.filter.Editing() {
		k = typing(k, m.filter.KeyMap())
		switch n, at := m.list.Len(), m.list.Cursor(); {
		case n < 2:
		case at == 0:
			k.FilterMove.SetKeys("ctrl+n")
			k.FilterMove.SetHelp("ctrl+n", "move")
			k.FilterMove.SetEnabled(true)
		case at == n-1:
			k.FilterMove.SetKeys("ctrl+p")
			k.FilterMove.SetHelp("ctrl+p", "move")
			k.FilterMove.SetEnabled(true)
		default:
			k.FilterMove.SetEnabled(true)
		}
		return k
	}
	if m.picker.IsOpen() {
		k = merge(k, m.picker.KeyMap())
		k.mode = modePicker
		k.Help.SetEnabled(true)
		if m.help.IsOpen() {
			k.Help.SetHelp("?", "close help")
		}
		return k
	}
	if m.claims.IsOpen() {
		k = merge(k, m.claims.KeyMap())
		k.mode = modeClaims
		k.OpenClaim.SetEnabled(m.claims.Len() > 0)
		k.CloseClaims.SetEnabled(true)
		k.Help.SetEnabled(true)
		if m.help.IsOpen() {
			k.Help.SetHelp("?", "close help")
		}
		return k
	}
	event := m.current != nil && !m.overview
	var onShow *timeline.Event
	if event {
		onShow = m.current
	}
	if m.focus == modeList {
		k = merge(k, m.list.KeyMap())
		k.Open.SetEnabled(m.list.Selected() != nil)
		k.ClearFilter.SetEnabled(m.filter.Active())
	} else {
		k = merge(k, m.detail.KeyMap())
		k.ToList.SetEnabled(true)
		_, sel := m.detail.SelectedTarget()
		k.Follow.SetEnabled(sel)
	}
	k = merge(k, m.problems.KeyMap())
	k = merge(k, m.ruler.KeyMap())
	n, at := m.list.Len(), m.list.Cursor()
	k.PrevYear.SetEnabled(m.list.HasYear(-1))
	k.NextYear.SetEnabled(m.list.HasYear(1))
	k.NextEvent.SetEnabled(n > 0 && at < n-1)
	k.PrevEvent.SetEnabled(n > 0 && at > 0)
	k.Overview.SetEnabled(!m.overview || m.current != nil)
	k.Reverse.SetEnabled(n > 1)
	if m.list.NewestFirst() {
		k.Reverse.SetHelp("s", "oldest first")
	}
	if m.overview {
		k.Overview.SetHelp("i", "back to event")
	}
	k.FollowN.SetEnabled(event && len(m.current.Links)+len(m.current.Backlinks) > 0)
	k.Back.SetEnabled(len(m.history.back) > 0)
	k.Forward.SetEnabled(len(m.history.forward) > 0)
	k.Filter.SetEnabled(true)
	// n and N say why when there is nothing to find
	detailVisible := m.width >= wideWidth || m.focus == modeDetail
	k.NextMatch.SetEnabled(detailVisible && m.filter.Active())
	k.PrevMatch.SetEnabled(detailVisible && m.filter.Active())
	switch open := sourceChoices(onShow, actOpen); {
	case len(open) == 1 && open[0].src == nil:
		k.OpenSource.SetEnabled(true)
		k.OpenSource.SetHelp("o", "open media")
	case len(open) > 1:
		k.OpenSource.SetEnabled(true)
		k.OpenSource.SetHelp("o", "open a source…")
	case len(open) == 1:
		k.OpenSource.SetEnabled(true)
	}
	k.Copy.SetEnabled(event)
	k.Memo.SetEnabled(m.list.Len() > 0)
	if event && len(m.current.Sources) > 1 {
		k.Copy.SetHelp("y", "copy a citation…")
	}
	k.CopyURL.SetEnabled(len(sourceChoices(onShow, actCopyURL)) > 0)
	k.Claims.SetEnabled(true)
	k.Edit.SetEnabled(true) // opens the editor, or says how to get a file to edit
	switch _, _, why := editTarget(m.opts.Paths, &m.problems, onShow, m.chron); {
	case len(m.opts.Paths) == 0:
		k.Edit.SetHelp("e", "how to edit")
	case why != "":
		k.Edit.SetHelp("e", "edit (file gone)")
	case m.problems.Failed():
		k.Edit.SetHelp("e", "edit first error")
	case m.overview:
		k.Edit.SetHelp("e", "edit file")
	}
	k.Reload.SetEnabled(len(m.opts.Paths) > 0)
	k.Add.SetEnabled(len(m.opts.Paths) > 0 && !m.problems.Failed() && onShow != nil && onShow.Pos.File != "")
	k.Help.SetEnabled(true)
	k.Suspend.SetEnabled(true)
	if m.help.IsOpen() { // an overlay: what the full help lists while open
		k.Help.SetKeys("?", "q", "esc")
		k.Help.SetHelp("?/q/esc", "close help")
		k.Quit.SetKeys("ctrl+c")
		k.Quit.SetHelp("ctrl+c", "quit")
	}
	return k
}

// merge returns base with every binding that over enables.
func merge(base, over KeyMap) KeyMap {
	to, from := base.all(), over.all()
	for i, b := range from {
		if b.Enabled() {
			*to[i] = *b
		}
	}
	return base
}

// withHelp is k while the full help h is open, an overlay: the moving
// keys scroll it (offered where there is more), ?, q and esc close it,
// and ctrl+c quits.
func withHelp(k KeyMap, h *helpOverlay) KeyMap {
	if !h.IsOpen() || k.mode == modeFilter {
		return k
	}
	hk := h.KeyMap()
	k.mode = modeHelp
	k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom = hk.Up, hk.Down, hk.PageUp, hk.PageDown, hk.Top, hk.Bottom
	return k
}

// handleKey routes a key press. While loading it is kept for later; the
// filter bar, when open, gets keys first; the full help is an overlay:
// the moving keys scroll it, ?, q and esc close it, and any other key both
// closes it and does its job.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	km := withHelp(m.keyMap(), &m.help)
	switch {
	case !m.ready():
		if key.Matches(msg, km.Quit) {
			return tea.Quit
		}
		m.start.keep(msg)
		return nil
	case m.memo.IsOpen():
		switch {
		case key.Matches(msg, km.Quit):
			return tea.Quit
		case key.Matches(msg, km.KeepFilter):
			cmd, why := m.memo.Submit(m.chron, m.list.Events(), m.filter.Applied())
			if why != "" {
				return m.say(scopeNone, why, true)
			}
			return cmd
		case key.Matches(msg, km.DropFilter):
			m.memo.Close()
			return nil
		}
		_, cmd := m.memo.Update(msg)
		return cmd
	case m.filter.Editing():
		switch {
		case key.Matches(msg, km.Quit):
			return tea.Quit
		case key.Matches(msg, km.KeepFilter):
			save, err := m.filter.Keep()
			m.layout()
			if err != nil { // it filters nothing, and says why
				m.filter.Drop()
				m.shows(m.chron.Events, nil, before(m.anchor, m.current))
				return m.say(scopeFilter, rejectedStatus(err), true)
			}
			return save
		case key.Matches(msg, km.DropFilter):
			m.filter.Clear()
			m.shows(m.chron.Events, nil, before(m.anchor, m.current))
			m.layout()
			return nil
		case key.Matches(msg, km.FilterMove):
			m.list.Move(moveKey(msg))
			m.current = m.list.Selected()
			m.anchor = m.current // the reader chose it
			return nil
		}
		_, cmd := m.filter.Update(msg)
		return cmd
	case m.help.IsOpen():
		switch all := defaultKeyMap(); {
		case key.Matches(msg, all.Up, all.Down, all.PageUp, all.PageDown, all.Top, all.Bottom):
			m.help.Update(msg) // (nothing to scroll when it fits)
			return nil
		case key.Matches(msg, km.Quit):
			return tea.Quit
		case key.Matches(msg, km.Help):
			m.help.Close()
			return nil
		}
		m.help.Close()
		km = m.keyMap() // the keys of the pane, now the help is closed
	}
	if m.picker.IsNotice() && !key.Matches(msg, km.CancelPick, km.Help) {
		m.picker.Close() // any other key closes a notice and does its job
		km = m.keyMap()
	}
	if m.picker.IsOpen() || m.claims.IsOpen() {
		return m.actOverlay(msg, km)
	}
	var e *timeline.Event // the event on show, if it is one
	if !m.overview {
		e = m.current
	}
	if why := whyNot(msg, km, e, m.filter.Active(), m.focus == modeDetail); why != "" {
		return m.say(scopeEvent, why, false)
	}
	return m.act(msg, km, e)
}

// act does what a key of the root asks, or hands it to the pane with the
// keys. e is the event on show (nil for the overview).
func (m *Model) act(msg tea.KeyPressMsg, km KeyMap, e *timeline.Event) tea.Cmd {
	switch {
	case key.Matches(msg, km.Quit):
		return tea.Quit
	case key.Matches(msg, km.Help):
		m.help.Open()
	case key.Matches(msg, km.Suspend): // Bubble Tea restores the terminal on fg and sends tea.ResumeMsg
		return tea.Batch(m.say(scopeNone, suspendedStatus, false), tea.Suspend)
	case key.Matches(msg, km.Overview):
		m.overview = !m.overview
		m.focus = modeDetail
		m.detail.Unselect()
	case key.Matches(msg, km.Filter):
		m.anchor = m.current
		m.focus = modeList
		m.detail.Unselect()
		cmd := m.filter.Open()
		m.layout()
		return cmd
	case key.Matches(msg, km.ClearFilter):
		m.filter.Clear()
		m.shows(m.chron.Events, nil, m.current)
		m.layout()
	case key.Matches(msg, km.FollowN):
		ids, n := e.Targets(), int(msg.String()[0]-'0')
		if n > len(ids) {
			return m.say(scopeEvent, fmt.Sprintf("No link %d: this event has %d", n, len(ids)), true)
		}
		return m.follow(ids[n-1])
	case key.Matches(msg, km.Back):
		return m.jump(-1)
	case key.Matches(msg, km.Forward):
		return m.jump(1)
	case key.Matches(msg, km.NextMatch), key.Matches(msg, km.PrevMatch):
		dir, here := 1, "this event"
		if key.Matches(msg, km.PrevMatch) {
			dir = -1
		}
		if m.overview {
			here = "the overview"
		}
		i, n := 0, 0
		if len(m.filter.Words()) > 0 {
			i, n = m.detail.NextMatch(dir)
		}
		cut, id := false, ""
		if n == 0 && e != nil {
			cut, id = isCut(e), e.ID
		}
		return m.say(scopeEvent, matchStatus(m.filter.Applied(), m.filter.Words(), i, n, here, cut, id), false)
	case key.Matches(msg, km.Copy) && len(e.Sources) == 0:
		c := citation(e, nil)
		return tea.Batch(tea.SetClipboard(c), m.say(scopeNone, copiedStatus(c), false))
	case key.Matches(msg, km.OpenSource, km.Copy, km.CopyURL):
		action := actOpen
		switch {
		case key.Matches(msg, km.Copy):
			action = actCite
		case key.Matches(msg, km.CopyURL):
			action = actCopyURL
		}
		if c, ok := m.picker.Offer(e, action); ok {
			cmd, text := sourceCmd(e, action, c, m.openURL)
			return tea.Batch(cmd, m.say(scopeNone, text, false))
		}
	case key.Matches(msg, km.Reverse):
		m.list.SetNewestFirst(!m.list.NewestFirst())
		m.ruler.SetReversed(m.list.NewestFirst())
	case key.Matches(msg, km.Memo):
		return m.memo.Open(m.today())
	case key.Matches(msg, km.Edit, km.Add): // the editor at the event, or at a new one after it
		added := addedSince{base: m.chron}
		var undo func() string // takes out a new event left untouched
		file, line, why := editTarget(m.opts.Paths, &m.problems, e, m.chron)
		if key.Matches(msg, km.Add) {
			var sk timeline.Skeleton
			file, sk, why = addSkeleton(m.chron, &m.problems, e)
			line, added.id = sk.TitleLine, sk.ID
			undo = func() string { return removeUntouched(file, sk) }
		}
		if why != "" {
			return m.say(scopeNone, why, undo != nil) // (e says how to get a file: no error)
		}
		cmd, why := editorCmd(m.opts.Editor, file, line, m.runEditor, undo)
		if why != "" {
			if undo != nil && undo() == untouchedNote {
				why += "; nothing was added"
			}
			return m.say(scopeNone, why, true)
		}
		m.files.editBase = m.chron
		m.files.added = added
		m.editor.start()
		return cmd
	case key.Matches(msg, km.Claims):
		m.claims.Open(m.list.Events(), m.current)
	case key.Matches(msg, km.Reload):
		return tea.Batch(m.reload(reloadKey, ""), m.say(scopeNone, "Reloading…", false))
	case key.Matches(msg, km.Problems):
		m.problems.Update(msg)
		m.layout()
	case key.Matches(msg, km.Ruler, km.ZoomIn, km.ZoomOut, km.Fit):
		m.ruler.Update(msg)
		m.layout()
	case key.Matches(msg, km.PrevYear, km.NextYear):
		dir := 1
		if key.Matches(msg, km.PrevYear) {
			dir = -1
		}
		m.list.Year(dir)
		m.current = m.list.Selected()
		m.overview = false
	case key.Matches(msg, km.NextEvent, km.PrevEvent): // the focus stays where it is
		dir := 1
		if key.Matches(msg, km.PrevEvent) {
			dir = -1
		}
		m.list.Move(dir)
		m.current = m.list.Selected()
		m.overview = false
	case key.Matches(msg, km.Open):
		m.current = m.list.Selected()
		m.focus = modeDetail
	case key.Matches(msg, km.ToList):
		m.focus = modeList
		m.detail.Unselect()
	case key.Matches(msg, km.Follow):
		t, _ := m.detail.SelectedTarget()
		return m.follow(t.id)
	case m.focus == modeDetail:
		m.detail.Update(msg)
	case key.Matches(msg, km.Up, km.Down, km.Top, km.Bottom, km.PageUp, km.PageDown):
		m.list.Update(msg)
		m.current = m.list.Selected()
	}
	return nil
}

// typing is k with the keys of a line being typed in (the filter bar, the
// memo prompt): every other key is text, and only ctrl+c quits.
func typing(k, line KeyMap) KeyMap {
	k = merge(k, line)
	k.mode = modeFilter
	k.Quit.SetKeys("ctrl+c")
	k.Quit.SetHelp("ctrl+c", "quit")
	return k
}
